// Runs the engine in a worker thread and offers it as a Transport. Used by the shells that
// must stay responsive (the desktop app's main process, the loopback server). If the worker
// dies, pending and later calls get a clear error instead of hanging.
import type { Worker, WorkerOptions } from 'node:worker_threads';
import type { Envelope, Transport } from '../../shared/api.ts';
import { WbFailure } from '../errors.ts';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.ts';

export type WorkerFactory = (options: WorkerOptions) => Worker;

export interface HostedEngine extends Transport {
  close(): Promise<void>;
}

export interface HostOptions extends WorkerInit {
  createWorker: WorkerFactory;
  log?: (message: string) => void;
}

export function startEngineHost(options: HostOptions): Promise<HostedEngine> {
  const { createWorker, log = (m) => process.stderr.write(`${m}\n`), ...init } = options;
  const worker = createWorker({ workerData: init satisfies WorkerInit });
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
