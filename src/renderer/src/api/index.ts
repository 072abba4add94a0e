// The renderer's only door to the engine. It knows the contract and nothing else: in the
// desktop app the preload provides `window.wirebench`; in a browser (web mode) calls go to
// the loopback server that served this page.
import { createClient, type Client } from '../../../shared/api.ts';
import { createHttpTransport } from './http-transport.ts';
import { createIpcTransport, type PreloadBridge } from './ipc-transport.ts';

declare global {
  interface Window {
    wirebench?: PreloadBridge;
  }
}

export type Shell = 'desktop' | 'web';

export const shell: Shell = window.wirebench ? 'desktop' : 'web';

export const api: Client = createClient(
  window.wirebench ? createIpcTransport(window.wirebench) : createHttpTransport(),
);

export { WirebenchError } from '../../../shared/api.ts';
export type * from '../../../shared/api.ts';
