// The short version of `npm run bench:load`: the real `wirebench serve`, 10 clients searching
// and one importing for a few seconds. No error responses, and memory bounded. (Figures for
// the full run, 50 clients for 60 s, come from the benchmark, not from here.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load.ts';
import { createClient } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { FIXTURES, tempDir } from '../support/temp.ts';

describe('web mode under load', () => {
  it('answers 10 searching clients and an import without an error, memory bounded', async () => {
    const dataDir = tempDir();
    const engine = createEngine({ dataDir, log: () => {} });
    const fixtures = await createClient(engine).call('import.run', { paths: [FIXTURES] });
    await engine.close();
    const input = tempDir('wirebench-load-input-');
    const words = ['talks', 'minister', 'peace', 'grain', 'exports', 'bank', 'court', 'oil', 'gas', 'election', 'market', 'London'];
    for (let i = 0; i < 300; i++) {
      const body = Array.from({ length: 60 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
      fs.writeFileSync(path.join(input, `w${i}.txt`), `${(i % 28) + 1} Mar 2022 12:${String(i % 60).padStart(2, '0')}\n\nStory ${i} on ${words[i % words.length]}\n\nMOSCOW. March 1 (Interfax) - ${body} ${i}.\n`);
    }
    const result = await runLoad({ dataDir, importPaths: [input], clients: 10, durationMs: 5000, sampleMs: 250 });
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    expect(['0', 'SIGTERM']).toContain(result.serverExit);
    expect(result.searches).toBeGreaterThan(100);
    // The import ran alongside (completed, or cancelled at the end with what it stored kept).
    expect(result.import).toMatchObject({ runs: 1, errors: 0 });
    expect(result.articlesAtEnd).toBe(fixtures.imported + result.import.imported);
    // ...and was not starved by the searches (the engine worker starts calls one per turn).
    expect(result.import.imported).toBeGreaterThan(0);
    // Bounded: the server may warm its caches, not grow without end.
    expect(result.rssMb.max - result.rssMb.start).toBeLessThan(200);
    console.log(`load (short): ${result.searches} searches, p95 ${result.latencyMs.p95} ms, ${result.import.imported} imported meanwhile, RSS ${result.rssMb.start} → ${result.rssMb.end} MB`);
  }, 60_000);
});
