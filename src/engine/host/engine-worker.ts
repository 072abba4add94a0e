// The engine in a worker thread: the shell's thread (Electron's main process, the HTTP
// server) only passes messages, so a long import or a heavy query never freezes a window or
// stalls the server.
import { parentPort, workerData } from 'node:worker_threads';
import { EVENT_NAMES } from '../../shared/api.ts';
import { openEngine, type Engine } from '../engine.ts';
import { toWbError } from '../errors.ts';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('engine-worker must run in a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);
const init = workerData as WorkerInit;

let engine: Engine;
try {
  // The shells that host the worker run for hours: back the corpus up daily while in use.
  engine = await openEngine({ ...init, autoBackup: true, log: (message) => post({ type: 'log', message }) });
  for (const event of EVENT_NAMES) engine.on(event, (payload) => post({ type: 'event', event, payload }));
  post({ type: 'ready' });
} catch (error) {
  const e = toWbError(error);
  post({ type: 'fatal', code: e.code, message: e.code === 'internal' ? String((error as Error).message ?? error) : e.message });
  process.exit(1);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') {
    void engine.call(message.method, message.args).then((envelope) => post({ type: 'result', id: message.id, envelope }));
  } else if (message.type === 'close') {
    void engine.close().then(() => {
      post({ type: 'closed' });
      port.close();
    });
  }
});
