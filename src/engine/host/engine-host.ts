// Runs the engine in a worker thread and offers it as a Transport. Used by the shells that
// must stay responsive (the desktop app's main process, the loopback server). If the worker
// dies, pending and later calls get a clear error instead of hanging.
import type { Worker, WorkerOptions } from 'node:worker_threads';
import type { Envelope, Transport } from '../../shared/api.ts';
import { WbFailure } from '../errors.ts';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.ts';

export type WorkerFactory = (options: WorkerOptions) => Worker;

/**
 * The engine thread's V8 heap limits, in MB: they decide most of the resident memory of a
 * long import (issue 3's target: under 500 MB at a million files), which otherwise grows with
 * garbage that V8 is merely allowed to keep.
 * - young generation (the nursery): V8's default on a machine with a lot of memory is 128 MB,
 *   and an import fills all of it with short-lived parse results; 16 MB measured the same
 *   import speed (a scavenge costs what survives, not the nursery's size), ~10 MB less RSS
 *   than 32.
 * - old generation: V8 lets the old generation grow to about 4 times what is live before a
 *   full collection when its limit is 2 GB or more (the default on machines with 8 GB of RAM
 *   or more), and to less when the limit is lower. An import promotes its parse results
 *   (they wait for their write batch), so with ~40 MB live the old generation swung up to
 *   ~150 MB; with a 1.5 GB limit it stays under ~70 MB, at no measured cost in speed. 1.5 GB is
 *   still far above what the engine needs (results are paged, exports streamed).
 * scripts/bench-import.ts runs its in-process engine with the same limits, as V8 flags
 * (--max-semi-space-size at half the nursery gives the same 16 MB of new space).
 */
export const ENGINE_HEAP_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1536 } as const;

/**
 * The same limits as Node flags, for an engine on a process's main thread (`wirebench import`
 * in bin/wirebench.js, bench:import): a semi-space is half the nursery.
 */
export const ENGINE_HEAP_FLAGS = [
  `--max-semi-space-size=${ENGINE_HEAP_LIMITS.maxYoungGenerationSizeMb / 2}`,
  `--max-old-space-size=${ENGINE_HEAP_LIMITS.maxOldGenerationSizeMb}`,
] as const;

export interface HostedEngine extends Transport {
  close(): Promise<void>;
}

export interface HostOptions extends WorkerInit {
  createWorker: WorkerFactory;
  log?: (message: string) => void;
}

export function startEngineHost(options: HostOptions): Promise<HostedEngine> {
  const { createWorker, log = (m) => process.stderr.write(`${m}\n`), ...init } = options;
  const worker = createWorker({ workerData: init satisfies WorkerInit, resourceLimits: { ...ENGINE_HEAP_LIMITS } });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let dead: string | null = null;
  let onClosed: (() => void) | null = null;

  const failAll = (message: string): void => {
    dead = message;
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };

  return new Promise<HostedEngine>((resolveStart, rejectStart) => {
    let started = false;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          started = true;
          resolveStart(hosted);
          break;
        case 'fatal':
          rejectStart(new WbFailure(message.code as never, message.message));
          break;
        case 'result':
          pending.get(message.id)?.(message.envelope);
          pending.delete(message.id);
          break;
        case 'event':
          for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
          break;
        case 'log':
          log(message.message);
          break;
        case 'closed':
          onClosed?.();
          break;
      }
    });
    worker.on('error', (error) => {
      log(`wirebench: the engine worker failed: ${error.stack ?? error.message}`);
      if (!started) rejectStart(error);
      failAll('The Wirebench engine stopped unexpectedly; restart Wirebench. The corpus is safe.');
    });
    worker.on('exit', (code) => {
      if (!started) rejectStart(new Error(`the engine worker exited with code ${code} before it was ready`));
      if (!dead) failAll('The Wirebench engine has stopped.');
      onClosed?.();
    });

    const hosted: HostedEngine = {
      call(method, args) {
        if (dead) return Promise.resolve({ ok: false, error: { code: 'internal', message: dead } });
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          worker.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
        });
      },
      on(event, listener) {
        let set = listeners.get(event);
        if (!set) listeners.set(event, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      },
      close() {
        if (dead) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 15_000);
          onClosed = () => {
            clearTimeout(timer);
            resolve();
          };
          worker.postMessage({ type: 'close' } satisfies ToWorker);
        });
      },
    };
  });
}
