// Runs the deferred quick_check of a big corpus in a worker thread (quick-check-worker.ts).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IntegrityReport } from '../../shared/api.ts';
import type { QuickCheckWorkerData, QuickCheckWorkerResult } from './quick-check-worker.ts';

/**
 * Where the worker's code is: next to this file when Node runs the TypeScript source, or the
 * quick-check-worker.js entry of the electron-vite bundle (out/main/), seen from the chunk
 * this code was bundled into (out/main/ or out/main/chunks/).
 */
export function quickCheckWorkerUrl(base: string = import.meta.url): URL {
  if (base.endsWith('.ts')) return new URL('./quick-check-worker.ts', base);
  for (const candidate of ['./quick-check-worker.js', '../quick-check-worker.js']) {
    const url = new URL(candidate, base);
    if (fs.existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`the quick_check worker is missing next to ${base}`);
}

export interface BackgroundCheck {
  /** The report; rejects when the check could not run at all (not when it finds damage). */
  result: Promise<IntegrityReport>;
  /** Stops the check (closing the engine, restoring a backup); result then never settles. */
  stop(): void;
}

export function quickCheckInBackground(file: string): BackgroundCheck {
  let worker: Worker;
  let stopped = false;
  const result = new Promise<IntegrityReport>((resolve, reject) => {
    worker = new Worker(quickCheckWorkerUrl(), { workerData: { file } satisfies QuickCheckWorkerData });
    worker.unref();
    worker.once('message', (message: QuickCheckWorkerResult) => ('report' in message ? resolve(message.report) : reject(new Error(message.error))));
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
