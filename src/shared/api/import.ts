// Importing folders and files into the corpus.

export interface ImportArgs {
  /** Absolute paths of folders (read recursively) and files, on the machine running the engine. */
  paths: string[];
}

export type ImportPhase = 'scanning' | 'importing' | 'finishing';

/** Sent as `onImportProgress` several times a second while an import runs. */
export interface ImportProgress {
  runId: number;
  phase: ImportPhase;
  /** Files found so far; final once `phase` is no longer "scanning". */
  filesSeen: number;
  filesDone: number;
  /** Articles stored, and articles that were already in the corpus. */
  imported: number;
  duplicates: number;
  /** Files that could not be read or parsed, and files that are not articles. */
  failed: number;
  skipped: number;
  currentFile: string | null;
}

export interface ImportFileError {
  path: string;
  reason: string;
}

export type ImportStatus = 'completed' | 'cancelled' | 'failed';

export interface ImportSummary {
  runId: number;
  status: ImportStatus;
  /** Files looked at. Every file ends in exactly one of: imported, duplicate, skipped, failed. */
  files: number;
  /** Articles stored by this import. */
  imported: number;
  /** Articles that were exact duplicates of one already stored (same normalised text). */
  duplicates: number;
  /** Files that failed, with the reason for each in `errors`. */
  failed: number;
  /** Files passed over (not an article format, empty, too large), with reasons in `skippedFiles`. */
  skipped: number;
  errors: ImportFileError[];
  skippedFiles: ImportFileError[];
  durationMs: number;
  /** Set when status is "failed": what stopped the whole import. */
  message: string | null;
}

export interface ImportMethods {
  /** Runs an import to the end (or until cancelled) and returns its summary; progress comes as events. */
  'import.run': { args: ImportArgs; result: ImportSummary };
  /** Cancels the running import; what was already stored stays. */
  'import.cancel': { args: Record<string, never>; result: { cancelled: boolean } };
}
