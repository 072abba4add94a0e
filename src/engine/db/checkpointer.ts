// During an import, the write-ahead log is checkpointed by a worker thread instead of by the
// engine thread. SQLite's automatic checkpoint runs inside the commit that crosses the WAL's
// size limit: it copies every page written since the last one into the database file and waits
// for the disk to sync it, and the engine thread, the one that writes every article, did
// nothing else meanwhile. The worker does the same work on its own connection, next to the
// import (a PASSIVE checkpoint never blocks the writer); the engine's connection stops
// checkpointing by itself until the import ends. Crash safety is SQLite's own: the log and the
// database file are consistent at every moment of a checkpoint.
import { Worker } from 'node:worker_threads';
import type { Db } from './open.ts';
import type { CheckpointWorkerData } from './checkpoint-worker.ts';
import { entryUrl } from '../host/entry-url.ts';

/** How often the worker checkpoints: a few seconds of import is tens of MB of log. */
const INTERVAL_MS = 500;
/** The engine connection's own limit (SQLite's default, in pages) when no import runs. */
const AUTOCHECKPOINT = 1000;

export function checkpointWorkerUrl(base: string = import.meta.url): URL {
  return entryUrl('checkpoint-worker', base);
}

export class Checkpointer {
  private readonly db: Db;
  private worker: Worker | null = null;

  constructor(db: Db) {
    this.db = db;
  }

  /** The worker takes over checkpointing. Without a worker (it cannot start) nothing changes. */
  start(): void {
    if (this.worker || this.db.memory || this.db.readonly) return;
    try {
      const worker = new Worker(checkpointWorkerUrl(), { workerData: { file: this.db.name, intervalMs: INTERVAL_MS } satisfies CheckpointWorkerData });
      worker.unref();
      worker.on('error', () => {
        // It stopped: the engine checkpoints by itself again.
        if (this.worker === worker) this.handBack();
      });
      this.worker = worker;
      this.db.pragma('wal_autocheckpoint = 0');
    } catch {
      this.handBack();
    }
  }

  /** The engine checkpoints by itself again; resolves when the worker has closed its connection. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.handBack();
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      worker.once('message', done);
      worker.once('exit', done);
      worker.postMessage('stop');
    });
  }

  private handBack(): void {
    this.worker = null;
    try {
      this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT}`);
    } catch {
      // the corpus is closing
    }
  }
}
