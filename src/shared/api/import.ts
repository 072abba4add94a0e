// Importing folders and files into the corpus, the history of imports with one outcome per
// file, and watched folders that are imported as files appear.

/** For tables (.csv, .tsv, .jsonl): the column that holds each field, when not the usual name. */
export interface ColumnMapping {
  headline?: string;
  body?: string;
  published?: string;
  source?: string;
  url?: string;
  byline?: string;
  place?: string;
  language?: string;
}

export interface ImportArgs {
  /** Absolute paths of folders (read recursively) and files, on the machine running the engine. */
  paths: string[];
  /** Column names for .csv/.tsv/.jsonl files whose columns are not named as usual (title, text, date, source, url). */
  columns?: ColumnMapping;
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
  /** Files already imported and not changed since (not read again). */
  unchanged: number;
  currentFile: string | null;
}

export interface ImportFileError {
  path: string;
  reason: string;
}

export type ImportStatus = 'completed' | 'cancelled' | 'failed';

/** Every file ends in exactly one outcome. */
export type FileOutcome = 'imported' | 'duplicate' | 'skipped' | 'failed';

export interface ImportSummary {
  runId: number;
  status: ImportStatus;
  /** Files looked at. Every file ends in exactly one of: imported, duplicate, skipped, failed. */
  files: number;
  /** Articles stored by this import. */
  imported: number;
  /** Articles that were exact duplicates of one already stored (same normalised text). */
  duplicates: number;
  /** Files that failed, with the reason for each in `errors` (the first 1,000; all in `import.outcomes`). */
  failed: number;
  /** Files passed over (not an article format, empty, too large), with reasons in `skippedFiles`. */
  skipped: number;
  /** Files already imported and unchanged since: counted as duplicate files, not read again. */
  unchanged: number;
  /** Near-duplicate groups (two or more stored articles telling the same story) that this import's articles belong to. */
  nearDuplicateGroups: number;
  /** Files per outcome. */
  outcomes: Record<FileOutcome, number>;
  errors: ImportFileError[];
  skippedFiles: ImportFileError[];
  durationMs: number;
  /** Set when status is "failed": what stopped the whole import. */
  message: string | null;
}

export type ImportRunStatus = 'running' | 'completed' | 'cancelled' | 'failed' | 'interrupted';

/** One import in the history. */
export interface ImportRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: ImportRunStatus;
  /** What was asked to be imported. */
  paths: string[];
  files: number;
  imported: number;
  duplicates: number;
  failed: number;
  skipped: number;
  unchanged: number;
  nearDuplicateGroups: number;
  message: string | null;
}

export interface ImportRunsArgs {
  /** Page size, 1..200 (default 20); newest first. */
  limit?: number;
  offset?: number;
}

export interface ImportOutcomesArgs {
  runId: number;
  /** Only files with this outcome. */
  outcome?: FileOutcome;
  offset?: number;
  /** Page size, 1..500 (default 100). */
  limit?: number;
}

export interface FileOutcomeRow {
  path: string;
  outcome: FileOutcome;
  /** Articles stored from the file, and its articles that were already stored. */
  articles: number;
  duplicates: number;
  /** Why it was skipped or failed, or a note ("unchanged since the last import", "moved from …"). */
  reason: string | null;
}

export interface ImportOutcomesResult {
  total: number;
  /** Files per outcome in the whole run, whatever the filter. */
  counts: Record<FileOutcome, number>;
  rows: FileOutcomeRow[];
}

export interface WatchedFolder {
  path: string;
  addedAt: string;
  /** Whether the folder is being watched right now (false when it is missing or unreadable). */
  active: boolean;
  /** Why it is not active, when it is not. */
  problem: string | null;
}

export interface ImportMethods {
  /** Runs an import to the end (or until cancelled) and returns its summary; progress comes as events. */
  'import.run': { args: ImportArgs; result: ImportSummary };
  /** Cancels the running import; what was already stored stays. */
  'import.cancel': { args: Record<string, never>; result: { cancelled: boolean } };
  /** The import history, newest first. */
  'import.runs': { args: ImportRunsArgs; result: { total: number; runs: ImportRun[] } };
  /** The files of one run with their outcomes, a page at a time. */
  'import.outcomes': { args: ImportOutcomesArgs; result: ImportOutcomesResult };
  /**
   * Watches a folder: imports it now and then every file added or changed in it, for as long
   * as it is watched (also after a restart). Returns the watched folders.
   */
  'watch.add': { args: { path: string }; result: { folders: WatchedFolder[] } };
  'watch.remove': { args: { path: string }; result: { folders: WatchedFolder[] } };
  'watch.list': { args: Record<string, never>; result: { folders: WatchedFolder[] } };
}
