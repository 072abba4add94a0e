// The engine worker as plain Node runs it (CLI, web mode, tests): straight from the
// TypeScript source, which Node 24 loads without a build step.
import { Worker } from 'node:worker_threads';
import type { WorkerFactory } from './engine-host.ts';

export const createNodeEngineWorker: WorkerFactory = (options) => new Worker(new URL('./engine-worker.ts', import.meta.url), options);
