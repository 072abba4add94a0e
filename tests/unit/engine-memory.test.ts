// The memory bounds that keep a long import's resident memory flat (issue 3: under 500 MB at a
// million files; measured by `npm run bench:import`, not here): the engine worker's V8 heap
// limits and the import connection's SQLite page cache.
import fs from 'node:fs';
import path from 'node:path';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { ENGINE_HEAP_FLAGS, ENGINE_HEAP_LIMITS, startEngineHost } from '../../src/engine/host/engine-host.ts';
import { createNodeEngineWorker } from '../../src/engine/host/node-worker.ts';
import { FIXTURES, REPO, tempDir } from '../support/temp.ts';

describe('engine memory bounds', () => {
  it('runs the hosted engine with a bounded V8 heap, and it still imports', async () => {
    const dir = tempDir();
    let worker: Worker | null = null;
    const host = await startEngineHost({
      createWorker: (options: WorkerOptions) => (worker = createNodeEngineWorker(options)),
      dataDir: dir,
      log: () => {},
    });
    try {
      expect(worker!.resourceLimits).toMatchObject(ENGINE_HEAP_LIMITS);
      const summary = await createClient(host).call('import.run', { paths: [path.join(FIXTURES, 'wire')] });
      expect(summary.status).toBe('completed');
      expect(summary.imported).toBeGreaterThan(0);
      // V8 took the limits: its heap limit is the old generation's plus the nursery's, far
      // below the default of a machine with this much memory.
      const heap = await worker!.getHeapStatistics();
      expect(heap.heap_size_limit / 1048576).toBeLessThanOrEqual(ENGINE_HEAP_LIMITS.maxOldGenerationSizeMb + 3 * ENGINE_HEAP_LIMITS.maxYoungGenerationSizeMb);
      expect(heap.heap_size_limit / 1048576).toBeGreaterThanOrEqual(ENGINE_HEAP_LIMITS.maxOldGenerationSizeMb);
    } finally {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives `wirebench import` the same limits, as Node flags', () => {
    const launcher = fs.readFileSync(path.join(REPO, 'bin', 'wirebench.js'), 'utf8');
    const flags = /\['(--max-semi-space-size=\d+)', '(--max-old-space-size=\d+)'\]/.exec(launcher);
    expect(flags?.slice(1)).toEqual([...ENGINE_HEAP_FLAGS]);
  });

  it('imports with a page cache of at most 32 MB on the import connection', async () => {
    const dir = tempDir();
    const engine = createEngine({ dataDir: dir, watch: false, log: () => {} });
    try {
      await createClient(engine).call('import.run', { paths: [path.join(FIXTURES, 'wire')] });
      const pages = engine.db.pragma('cache_size', { simple: true }) as number;
      // Negative: a size in KiB.
      expect(pages).toBeLessThan(0);
      expect(-pages).toBeLessThanOrEqual(32 * 1024);
    } finally {
      await engine.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
