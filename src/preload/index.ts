// The preload exposes exactly one object to the page: window.wirebench = { call, on }.
// It runs sandboxed with context isolation; the page never sees ipcRenderer.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('wirebench', {
  call: (method: string, args: unknown): Promise<unknown> => ipcRenderer.invoke('wirebench:call', String(method), args),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('wirebench:event', handler);
    return () => void ipcRenderer.removeListener('wirebench:event', handler);
  },
});

// Dropped folders: their paths are read here, in the isolated world, and go to the main
// process, which announces them to the page as an onPathsDropped event.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => {
  event.preventDefault();
  const files = Array.from(event.dataTransfer?.files ?? []);
  const paths = files.map((file) => webUtils.getPathForFile(file)).filter((p) => p.length > 0);
  if (paths.length > 0) ipcRenderer.send('wirebench:dropped', paths);
});
