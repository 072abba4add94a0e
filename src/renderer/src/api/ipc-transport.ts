// Desktop app: the contract over Electron IPC, through the only thing the preload exposes.
import type { Transport } from '../../../shared/api.ts';

export interface PreloadBridge {
  call(method: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    async call(method, args) {
      try {
        return (await bridge.call(method, args)) as Awaited<ReturnType<Transport['call']>>;
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
      }
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}
