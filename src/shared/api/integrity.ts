// Keeping the corpus safe: its health at open, integrity checks on demand, and backups.

/** The result of an integrity check of the corpus. */
export interface IntegrityReport {
  /** quick: SQLite's quick_check (every open); full: integrity_check plus every full-text index's own check. */
  kind: 'quick' | 'full';
  ok: boolean;
  /** What is wrong, in SQLite's words (at most 20 lines); empty when ok. */
  problems: string[];
  /** Derived data that was wrong and has been rebuilt from the articles (a full-text index, say). */
  repaired: string[];
  checkedAt: string;
  durationMs: number;
}

export type BackupReason = 'daily' | 'pre-migration' | 'manual' | 'pre-restore' | 'external';

export interface BackupInfo {
  /** The file name in the backups folder; what backup.restore takes. */
  name: string;
  path: string;
  /** ISO 8601 (UTC). */
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  /** The schema version the backup was written with (PRAGMA user_version). */
  schemaVersion: number;
}

/**
 * ok: opened and checked. repaired: derived data was rebuilt. recovered: the corpus was
 * damaged, was set aside, and a new empty one is open (restore a backup to get the articles
 * back). read-only: an upgrade failed or could not be backed up; nothing can be written.
 * unavailable: the corpus cannot be opened at all; only the backup methods work.
 */
export type CorpusState = 'ok' | 'repaired' | 'recovered' | 'read-only' | 'unavailable';

export interface CorpusHealth {
  state: CorpusState;
  /** What happened and what the user can do, in words; null when all is well. */
  message: string | null;
  /** The last session did not close the corpus (a crash or power loss): a full check was run. */
  uncleanShutdown: boolean;
  lastCheck: IntegrityReport | null;
  /**
   * A big corpus opens at once and is checked (quick_check) in the background; true until that
   * check is done. If it finds damage, the corpus is set aside as at open (state 'recovered').
   */
  checking: boolean;
  /** The folder a damaged corpus was moved to, with its -wal and -shm files. */
  setAside: string | null;
  /** The newest backup that passed its check, to offer for restoring. */
  newestBackup: BackupInfo | null;
  /** The open corpus's schema version, or null when none is open. */
  schemaVersion: number | null;
}

export interface BackupList {
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
}

export interface IntegrityMethods {
  'corpus.health': { args: Record<string, never>; result: CorpusHealth };
  /** Runs the full check now (slow on a big corpus) and rebuilds damaged full-text indexes. */
  'corpus.check': { args: Record<string, never>; result: IntegrityReport };
  'backup.list': { args: Record<string, never>; result: BackupList };
  'backup.create': { args: Record<string, never>; result: BackupInfo };
  /**
   * Replaces the corpus with a backup from the backups folder. The corpus being replaced is
   * first backed up itself (or set aside when it cannot be read), so a restore can be undone.
   */
  'backup.restore': { args: { name: string }; result: CorpusHealth };
}
