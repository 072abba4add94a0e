// The deferred quick_check of a big corpus (see GuardOptions.deferCheckAbove), off the engine
// thread so the engine keeps answering meanwhile: in a child process under Node (the file as
// argv[2], the report as JSON on stdout), in a worker thread in the desktop app. Its own
// read-only connection: in WAL mode it reads a consistent snapshot while the engine works.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { IntegrityReport } from '../../shared/api.ts';
import { isCorruption, quickCheck } from './checks.ts';

export interface QuickCheckWorkerData {
  file: string;
}

export type QuickCheckWorkerResult = { report: IntegrityReport } | { error: string };

const { file } = parentPort ? (workerData as QuickCheckWorkerData) : { file: process.argv[2]! };
const started = Date.now();
let result: QuickCheckWorkerResult;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    result = { report: quickCheck(db) };
  } finally {
    db.close();
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  // SQLite may stop the check itself with "database disk image is malformed": that is its verdict.
  result = isCorruption(error)
    ? { report: { kind: 'quick', ok: false, problems: [message], repaired: [], checkedAt: new Date(started).toISOString(), durationMs: Date.now() - started } }
    : { error: message };
}
if (parentPort) parentPort.postMessage(result);
else process.stdout.write(JSON.stringify(result));
