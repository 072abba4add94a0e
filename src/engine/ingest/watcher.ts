// Watched folders: imported when added, again whenever files are added or changed in them
// (chokidar, waiting until a file's size settles), and again when the engine starts, since
// files may have arrived while it was closed. The list is stored in the corpus. Imports are
// incremental, so a rescan reads only what is new or changed.
import fs from 'node:fs';
import path from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import type { WatchedFolder } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { WbFailure } from '../errors.ts';
import type { Importer } from './importer.ts';

const SETTLE_MS = 1000;

export class FolderWatcher {
  private readonly db: Db;
  private readonly importer: Importer;
  private readonly log: (message: string) => void;
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly problems = new Map<string, string>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private draining: Promise<void> | null = null;

  constructor(db: Db, importer: Importer, log: (message: string) => void) {
    this.db = db;
    this.importer = importer;
    this.log = log;
  }

  /** Starts watching the stored folders and imports what arrived while Wirebench was closed. */
  resume(): void {
    const rows = this.db.prepare('SELECT path FROM watched_folders ORDER BY id').pluck().all() as string[];
    for (const folder of rows) this.start(folder);
    if (rows.length > 0) this.queue(rows);
  }

  list(): WatchedFolder[] {
    const rows = this.db.prepare('SELECT path, added_at AS addedAt FROM watched_folders ORDER BY path').all() as { path: string; addedAt: string }[];
    return rows.map((r) => ({ ...r, active: this.watchers.has(r.path) && !this.problems.has(r.path), problem: this.problems.get(r.path) ?? null }));
  }

  add(folder: string): WatchedFolder[] {
    if (!path.isAbsolute(folder)) throw new WbFailure('bad_request', `The folder to watch must be an absolute path: ${folder}`);
    const resolved = path.resolve(folder);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(resolved);
    } catch {
      throw new WbFailure('not_found', `There is no folder ${resolved}.`);
    }
    if (!stat.isDirectory()) throw new WbFailure('bad_request', `${resolved} is a file, not a folder; only folders can be watched.`);
    this.db.prepare('INSERT OR IGNORE INTO watched_folders (path, added_at) VALUES (?, ?)').run(resolved, new Date().toISOString());
    this.start(resolved);
    this.queue([resolved]);
    return this.list();
  }

  remove(folder: string): WatchedFolder[] {
    const resolved = path.resolve(folder);
    const removed = this.db.prepare('DELETE FROM watched_folders WHERE path = ?').run(resolved).changes;
    if (removed === 0) throw new WbFailure('not_found', `${resolved} is not a watched folder.`);
    void this.watchers.get(resolved)?.close();
    this.watchers.delete(resolved);
    this.problems.delete(resolved);
    return this.list();
  }

  private start(folder: string): void {
    if (this.watchers.has(folder) || this.closed) return;
    const watcher = chokidar.watch(folder, {
      ignoreInitial: true,
      ignored: (p: string) => path.basename(p).startsWith('.') && p !== folder,
      awaitWriteFinish: { stabilityThreshold: 500, pollInterval: 100 },
      followSymlinks: true,
    });
    watcher.on('add', (p: string) => this.queue([p]));
    watcher.on('change', (p: string) => this.queue([p]));
    watcher.on('error', (error: unknown) => {
      this.problems.set(folder, (error as Error).message ?? String(error));
      this.log(`wirebench: watching ${folder} failed: ${String(error)}`);
    });
    watcher.on('ready', () => this.problems.delete(folder));
    this.watchers.set(folder, watcher);
  }

  /** Imports these paths soon, together with whatever else arrives meanwhile. */
  private queue(paths: string[]): void {
    if (this.closed) return;
    for (const p of paths) this.pending.add(p);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), SETTLE_MS);
  }

  private async drain(): Promise<void> {
    this.timer = null;
    if (this.draining) {
      // One import at a time; the paths stay pending for the next round.
      await this.draining;
      if (this.pending.size > 0 && !this.timer) this.timer = setTimeout(() => void this.drain(), SETTLE_MS);
      return;
    }
    if (this.importer.running) {
      this.timer = setTimeout(() => void this.drain(), SETTLE_MS);
      return;
    }
    const paths = [...this.pending];
    this.pending = new Set();
    if (paths.length === 0) return;
    this.draining = this.importer
      .run(paths)
      .then(
        () => undefined,
        (error: unknown) => {
          if ((error as WbFailure).code === 'busy') for (const p of paths) this.pending.add(p);
          else this.log(`wirebench: importing from a watched folder failed: ${String(error)}`);
        },
      )
      .finally(() => {
        this.draining = null;
        if (this.pending.size > 0 && !this.timer && !this.closed) this.timer = setTimeout(() => void this.drain(), SETTLE_MS);
      });
    await this.draining;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
    await this.draining;
  }
}
