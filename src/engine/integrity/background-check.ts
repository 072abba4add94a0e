// Runs the deferred quick_check of a big corpus off the engine thread (quick-check-worker.ts).
// Under Node (CLI, web mode) in a child process: a check takes ~10 s per GB inside one SQLite
// call that nothing can interrupt, and a worker thread busy in it would hold the process
// open until it ends, so a one-second CLI command at a million articles would take 45 s.
// A child is killed at once when the engine closes. The desktop app cannot start Node child
// processes (the RunAsNode fuse is off), so there it is a worker thread, and quitting while
// the first check runs waits for it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IntegrityReport } from '../../shared/api.ts';
import { entryUrl } from '../host/entry-url.ts';
import type { QuickCheckWorkerData, QuickCheckWorkerResult } from './quick-check-worker.ts';

/** Where the check's code is (see entryUrl). */
export function quickCheckWorkerUrl(base: string = import.meta.url): URL {
  return entryUrl('quick-check-worker', base);
}

export interface BackgroundCheck {
  /** The report; rejects when the check could not run at all (not when it finds damage). */
  result: Promise<IntegrityReport>;
  /** Stops the check (closing the engine, restoring a backup); result then never settles. */
  stop(): void;
}

export function quickCheckInBackground(file: string): BackgroundCheck {
  return process.versions.electron ? quickCheckInWorkerThread(file) : quickCheckInChildProcess(file);
}

function settle(message: QuickCheckWorkerResult, resolve: (r: IntegrityReport) => void, reject: (e: Error) => void): void {
  if ('report' in message) resolve(message.report);
  else reject(new Error(message.error));
}

export function quickCheckInChildProcess(file: string): BackgroundCheck {
  let stopped = false;
  const child = spawn(process.execPath, [fileURLToPath(quickCheckWorkerUrl()), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.unref();
  const result = new Promise<IntegrityReport>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('error', (error) => !stopped && reject(error));
    child.once('close', (code) => {
      if (stopped) return;
      try {
        settle(JSON.parse(out) as QuickCheckWorkerResult, resolve, reject);
      } catch {
        reject(new Error(`the quick_check process stopped (exit code ${code}): ${err.trim().split('\n').pop() ?? ''}`));
      }
    });
  });
  // Its pipes must not keep the engine's process alive either.
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
  return {
    result,
    stop: () => {
      stopped = true;
      child.kill('SIGKILL');
    },
  };
}

export function quickCheckInWorkerThread(file: string): BackgroundCheck {
  let worker: Worker;
  let stopped = false;
  const result = new Promise<IntegrityReport>((resolve, reject) => {
    worker = new Worker(quickCheckWorkerUrl(), { workerData: { file } satisfies QuickCheckWorkerData });
    worker.unref();
    worker.once('message', (message: QuickCheckWorkerResult) => settle(message, resolve, reject));
    worker.once('error', (error) => !stopped && reject(error));
    worker.once('exit', (code) => !stopped && reject(new Error(`the quick_check worker stopped (exit code ${code})`)));
  });
  return {
    result,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
