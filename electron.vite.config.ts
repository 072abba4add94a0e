import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the main process (with the engine worker as its own chunk, and the parser
// worker as an entry), the sandboxed
// preload (CommonJS, because a sandboxed preload cannot be an ES module), and the renderer,
// which the desktop app serves over app:// and `wirebench serve` serves over loopback HTTP.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The parser worker, its read-ahead thread and the deferred quick_check worker are entries
      // of their own (out/main/parse-worker.js, read-ahead-worker.js, quick-check-worker.js),
      // started by path (see parseWorkerUrl in src/engine/ingest/parser-pool.ts, ReadAhead in
      // read-ahead.ts, quickCheckWorkerUrl in src/engine/integrity/background-check.ts).
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'parse-worker': resolve('src/engine/ingest/parse-worker.ts'),
          'quick-check-worker': resolve('src/engine/integrity/quick-check-worker.ts'),
          'read-ahead-worker': resolve('src/engine/ingest/read-ahead-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
