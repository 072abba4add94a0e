// Messages between a shell's thread and the engine worker.
import type { Envelope } from '../../shared/api.ts';

export interface WorkerInit {
  dataDir: string;
  resourcesDir?: string;
}

export type ToWorker = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; code: string; message: string }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'log'; message: string }
  | { type: 'closed' };
