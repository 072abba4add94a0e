// Where a separately started entry (a worker thread's or a child process's code) is: next to
// the calling module when Node runs the TypeScript source, or the entry of the same name in
// the electron-vite bundle (out/main/, see electron.vite.config.ts), seen from the chunk the
// caller was bundled into (out/main/ or out/main/chunks/).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `name` without extension, e.g. 'parse-worker'; `base` is the caller's import.meta.url. */
export function entryUrl(name: string, base: string): URL {
  if (base.endsWith('.ts')) return new URL(`./${name}.ts`, base);
  for (const candidate of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(candidate, base);
    if (fs.existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`${name}.js is missing next to ${base}`);
}
