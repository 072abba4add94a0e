// Backups of the corpus in <data>/backups/, written with SQLite's online backup API
// (better-sqlite3's db.backup), which copies a consistent snapshot page by page while the
// corpus stays in use. Each backup is written under a temporary name, checked with
// quick_check, and only then given its final name, so a file named corpus-*.sqlite is a
// backup that was whole when it was made. The newest KEEP automatic backups are kept.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../shared/api.ts';
import { WbFailure } from '../errors.ts';
import { quickCheck } from './checks.ts';

export const BACKUPS_DIR = 'backups';
export const DEFAULT_KEEP = 7;
const NAME = /^corpus-(\d{8}T\d{9}Z)-(daily|pre-migration|manual|pre-restore|external)\.sqlite$/;
const AUTOMATIC: ReadonlySet<BackupReason> = new Set(['daily', 'pre-migration', 'pre-restore']);

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

/** 2025-01-31T12:00:00.123Z → 20250131T120000123Z: sortable and safe in a file name. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/** The schema version in a database file's header (bytes 60-63), without opening it. */
export function headerSchemaVersion(file: string): number {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(64);
    if (fs.readSync(fd, header, 0, 64, 0) < 64) return 0;
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') return 0;
    return header.readUInt32BE(60);
  } finally {
    fs.closeSync(fd);
  }
}

function info(dataDir: string, name: string): BackupInfo | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const file = path.join(backupsDir(dataDir), name);
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return null;
    return { name, path: file, createdAt: parseStamp(m[1]!), reason: m[2] as BackupReason, bytes: stat.size, schemaVersion: headerSchemaVersion(file) };
  } catch {
    return null;
  }
}

/** Newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir(dataDir));
  } catch {
    return [];
  }
  return names
    .map((n) => info(dataDir, n))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

export function findBackup(dataDir: string, name: string): BackupInfo {
  const found = NAME.test(name) ? info(dataDir, name) : null;
  if (!found) throw new WbFailure('not_found', `There is no backup named ${name} in ${backupsDir(dataDir)}. \`wirebench restore\` lists them.`);
  return found;
}

/** Opens a backup read-only and runs quick_check; the problems, or [] when it is sound. */
export function verifyBackupFile(file: string): string[] {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return quickCheck(db).problems;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    db?.close();
  }
}

/** The newest backup that passes quick_check (checked newest first, so usually just one). */
export function newestGoodBackup(dataDir: string, maxSchema: number): BackupInfo | null {
  for (const backup of listBackups(dataDir)) {
    if (backup.schemaVersion > maxSchema || backup.schemaVersion === 0) continue;
    if (verifyBackupFile(backup.path).length === 0) return backup;
  }
  return null;
}

function newName(dataDir: string, reason: BackupReason, now: Date): string {
  // Two backups in the same millisecond get distinct names.
  let t = now.getTime();
  let name: string;
  while (fs.existsSync(path.join(backupsDir(dataDir), (name = `corpus-${stamp(new Date(t))}-${reason}.sqlite`)))) t++;
  return name;
}

function describeWriteError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN') return 'the backups folder cannot be written';
  return error instanceof Error ? error.message : String(error);
}

type Copier = (db: Database.Database, destination: string) => Promise<unknown> | unknown;

/** A backup is one self-contained file: rollback journal, not WAL, so it opens read-only anywhere. */
function normalise(file: string): string[] {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    return quickCheck(db).problems;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    db?.close();
  }
}

function finish(dataDir: string, partial: string, name: string): BackupInfo {
  const problems = normalise(partial);
  if (problems.length) {
    fs.rmSync(partial, { force: true });
    throw new WbFailure('internal', `The backup failed its check (${problems[0]}); it was deleted. The corpus itself is unchanged.`);
  }
  const final = path.join(backupsDir(dataDir), name);
  fs.renameSync(partial, final);
  return info(dataDir, name)!;
}

async function write(db: Database.Database, dataDir: string, reason: BackupReason, copy: Copier, now: Date): Promise<BackupInfo> {
  fs.mkdirSync(backupsDir(dataDir), { recursive: true, mode: 0o700 });
  const name = newName(dataDir, reason, now);
  const partial = path.join(backupsDir(dataDir), `${name}.partial`);
  try {
    await copy(db, partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new WbFailure('internal', `The backup could not be written: ${describeWriteError(error)}. The corpus itself is unchanged.`);
  }
  return finish(dataDir, partial, name);
}

/** A backup with the online backup API; the corpus stays usable while it is copied. */
export function createBackup(db: Database.Database, dataDir: string, reason: BackupReason, now = new Date()): Promise<BackupInfo> {
  return write(db, dataDir, reason, (source, destination) => source.backup(destination), now);
}

/**
 * The same, for the one caller that cannot wait (createEngine, which is synchronous, opening
 * a corpus that needs an upgrade): VACUUM INTO writes an equally consistent snapshot in one
 * statement. The shells open through openEngine and use the backup API.
 */
export function createBackupSync(db: Database.Database, dataDir: string, reason: BackupReason, now = new Date()): BackupInfo {
  fs.mkdirSync(backupsDir(dataDir), { recursive: true, mode: 0o700 });
  const name = newName(dataDir, reason, now);
  const partial = path.join(backupsDir(dataDir), `${name}.partial`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new WbFailure('internal', `The backup could not be written: ${describeWriteError(error)}. The corpus itself is unchanged.`);
  }
  return finish(dataDir, partial, name);
}

/** Deletes automatic backups beyond the newest `keep`; manual and external ones stay. */
export function pruneBackups(dataDir: string, keep = DEFAULT_KEEP): string[] {
  const automatic = listBackups(dataDir).filter((b) => AUTOMATIC.has(b.reason));
  const removed: string[] = [];
  for (const old of automatic.slice(Math.max(keep, 1))) {
    fs.rmSync(old.path, { force: true });
    removed.push(old.name);
  }
  // Leftovers of backups interrupted by a crash.
  try {
    for (const n of fs.readdirSync(backupsDir(dataDir))) if (n.endsWith('.partial')) fs.rmSync(path.join(backupsDir(dataDir), n), { force: true });
  } catch {
    // no folder yet
  }
  return removed;
}

/** Copies a database file from elsewhere into the backups folder so it can be restored by name. */
export function adoptBackupFile(dataDir: string, file: string, now = new Date()): BackupInfo {
  fs.mkdirSync(backupsDir(dataDir), { recursive: true, mode: 0o700 });
  const name = newName(dataDir, 'external', now);
  const partial = path.join(backupsDir(dataDir), `${name}.partial`);
  fs.copyFileSync(file, partial);
  if (headerSchemaVersion(partial) === 0) {
    fs.rmSync(partial, { force: true });
    throw new WbFailure('bad_request', `${file} is not a Wirebench corpus (no SQLite database with a schema version).`);
  }
  try {
    return finish(dataDir, partial, name);
  } catch (error) {
    throw new WbFailure('bad_request', `${file} cannot be restored: ${(error as Error).message}`);
  }
}
