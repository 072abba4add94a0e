// A pool of parser worker threads. Parsing runs off the engine thread, several files at a
// time, each worker with a memory limit and each job with a time limit: a parser that hangs
// or runs out of memory is terminated and replaced, its file marked failed with the reason,
// and the import goes on. Small files travel in batches to keep messages few; when a batch
// fails, its files are retried one by one so only the culprit fails.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { entryUrl } from '../host/entry-url.ts';
import type { ParseOutcome, ParseRequest } from './parse-file.ts';
import type { ParseJob, ParseJobResult, ParseWorkerReady } from './parse-worker.ts';

/** How long a new worker may take to load its parsers. */
const STARTUP_MS = 60_000;
/**
 * Jobs handed to a worker ahead of time. The engine thread hands out work, and it is often
 * busy writing a batch for a few hundred ms; with jobs queued in the worker itself, parsing
 * goes on meanwhile instead of waiting for the engine to hand out the next job.
 */
const PREFETCH = 64;

export interface PoolOptions {
  /** Worker threads (default: one per core but the engine thread's, at least 1, at most 4). */
  size?: number;
  /** Time one file may take, in ms (default 30 s). */
  timeoutMs?: number;
  /** Heap limit of each worker, in MB (default 512). */
  memoryMb?: number;
}

interface Job {
  id: number;
  requests: ParseRequest[];
  resolve(outcomes: ParseOutcome[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Whether the worker has loaded its parsers; jobs wait (without a time limit) until then. */
  ready: boolean;
  /** Jobs sent to this worker, in order; the first is the one it is working on. */
  jobs: Job[];
  timer: NodeJS.Timeout | null;
  /** Set when this worker was stopped on purpose (timeout), so its exit is not a second failure. */
  stopping: string | null;
}

/** Where the parser worker's code is (see entryUrl). */
export function parseWorkerUrl(base: string = import.meta.url): URL {
  return entryUrl('parse-worker', base);
}

export class ParserPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly url: URL;
  private nextId = 1;
  private closed = false;
  private startFailures = 0;

  constructor(options: PoolOptions = {}) {
    // The engine thread is busy writing throughout an import, so it keeps a core of its own:
    // on 2 cores, a second worker only competed with it and cost ~70 MB.
    this.size = options.size ?? Math.max(1, Math.min(4, os.availableParallelism() - 1));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.memoryMb = options.memoryMb ?? 512;
    this.url = parseWorkerUrl();
  }

  /** Parses the files (in any order) and resolves with one outcome per file, in request order. */
  parse(requests: ParseRequest[]): Promise<ParseOutcome[]> {
    if (this.closed) return Promise.reject(new Error('the parser pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, requests, resolve, reject });
      this.pump();
    });
  }

  get busy(): number {
    return this.slots.reduce((n, s) => n + s.jobs.length, 0) + this.queue.length;
  }

  private spawn(): Slot {
    const worker = new Worker(this.url, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, jobs: [], timer: null, stopping: null };
    slot.timer = setTimeout(() => {
      slot.stopping = `the parser did not start within ${STARTUP_MS / 1000} s`;
      void worker.terminate();
    }, STARTUP_MS);
    worker.on('message', (message: ParseJobResult | ParseWorkerReady) => {
      if ('ready' in message) {
        slot.ready = true;
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        if (slot.jobs.length > 0) this.startTimer(slot);
        return;
      }
      const job = slot.jobs[0];
      if (!job || job.id !== message.id) return;
      this.startFailures = 0;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.jobs.shift();
      // The worker moves straight on to its next job: its time starts now.
      if (slot.jobs.length > 0) this.startTimer(slot);
      job.resolve(message.outcomes);
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(error.message)
          ? `the parser ran out of memory (limit ${this.memoryMb} MB)`
          : `the parser crashed: ${error.message}`;
      this.lose(slot, reason);
    });
    worker.on('exit', (code) => this.lose(slot, slot.stopping ?? `the parser stopped unexpectedly (exit code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.jobs = [];
  }

  /** A worker died or was stopped: fail or retry its job, drop it, and carry on with a new one. */
  private lose(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const [job, ...waiting] = slot.jobs;
    this.finish(slot);
    // Jobs that were only waiting in this worker go back to the front of the queue.
    this.queue.unshift(...waiting);
    if (slot.stopping === null) void slot.worker.terminate();
    if (job) {
      if (job.requests.length > 1) {
        // Retry each file alone, so only the one that caused this fails.
        const outcomes: ParseOutcome[] = new Array(job.requests.length);
        let left = job.requests.length;
        job.requests.forEach((request, i) => {
          this.queue.unshift({
            id: this.nextId++,
            requests: [request],
            resolve: ([outcome]) => {
              outcomes[i] = outcome!;
              if (--left === 0) job.resolve(outcomes);
            },
            reject: job.reject,
          });
        });
      } else {
        job.resolve(job.requests.map((r) => ({ status: 'failed', path: r.path, reason })));
      }
    } else if (!this.closed && ++this.startFailures >= 3) {
      // Workers that die before doing anything will not get better: stop instead of looping.
      const error = new Error(`parser workers cannot start: ${reason}`);
      for (const queued of this.queue.splice(0)) queued.reject(error);
      return;
    }
    this.pump();
  }

  private pump(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      // An idle worker first, then a new one, then the least loaded one with room ahead.
      let slot = this.slots.find((s) => s.jobs.length === 0 && !s.stopping);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= this.slots.filter((s) => !s.stopping && s.jobs.length < PREFETCH).sort((a, b) => a.jobs.length - b.jobs.length)[0];
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.jobs.push(job);
      if (slot.ready && slot.jobs.length === 1) this.startTimer(slot);
      slot.worker.postMessage({ id: job.id, requests: job.requests } satisfies ParseJob);
    }
  }

  private startTimer(slot: Slot): void {
    const job = slot.jobs[0]!;
    const limit = this.timeoutMs * Math.max(1, Math.min(job.requests.length, 4));
    slot.timer = setTimeout(() => {
      slot.stopping = `the parser took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`;
      void slot.worker.terminate();
    }, limit);
  }

  /** Forgets the jobs not started yet (a cancelled import); their promises reject. */
  dropQueued(): void {
    const error = new Error('the import was cancelled');
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('the import stopped');
    for (const job of this.queue.splice(0)) job.reject(error);
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.stopping = 'closed';
        for (const job of slot.jobs) job.reject(error);
        this.finish(slot);
        return slot.worker.terminate();
      }),
    );
  }
}
