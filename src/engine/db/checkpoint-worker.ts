// Checkpoints the corpus's write-ahead log from a thread of its own, while an import writes on
// the engine thread (see checkpointer.ts). Its own connection: a PASSIVE checkpoint copies the
// committed pages into the database file and syncs it without blocking the writer or readers.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CheckpointWorkerData {
  file: string;
  intervalMs: number;
}

const port = parentPort;
if (!port) throw new Error('checkpoint-worker must run in a worker thread');
const { file, intervalMs } = workerData as CheckpointWorkerData;
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
let stopping = false;
port.on('message', (message: unknown) => {
  if (message === 'stop') stopping = true;
});

function round(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or closing: the next round (or the engine's own checkpoints afterwards) will do
  }
  if (!stopping) {
    setTimeout(round, intervalMs);
    return;
  }
  db.close();
  port!.postMessage('stopped');
}
setTimeout(round, intervalMs);
