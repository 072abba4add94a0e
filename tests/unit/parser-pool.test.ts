// The parser worker pool on its own: jobs queued ahead in a worker survive when the job in
// front of them hangs, and every file gets exactly one outcome, in request order.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ParserPool } from '../../src/engine/ingest/parser-pool.ts';
import { tempDir } from '../support/temp.ts';

describe('parser pool', () => {
  afterEach(() => {
    delete process.env.WIREBENCH_TEST_PARSER_FAULTS;
  });

  it('stops a hanging job, requeues the jobs waiting behind it, and answers each file once', async () => {
    process.env.WIREBENCH_TEST_PARSER_FAULTS = '1';
    const folder = tempDir('wirebench-pool-');
    const files = Array.from({ length: 12 }, (_, i) => {
      const file = path.join(folder, `${i}.txt`);
      fs.writeFileSync(file, `Headline ${i}\n\nBody of story ${i}.`);
      return file;
    });
    fs.writeFileSync(path.join(folder, 'hang.csv'), 'title,text\n"x","y"\n');
    const pool = new ParserPool({ size: 1, timeoutMs: 1000 });
    try {
      const jobs = [...files.slice(0, 3).map((f) => [{ path: f }]), [{ path: path.join(folder, 'hang.csv') }], ...files.slice(3).map((f) => [{ path: f }])].map((requests) => pool.parse(requests));
      const results = (await Promise.all(jobs)).flat();
      expect(results).toHaveLength(13);
      expect(results[3]).toEqual({ status: 'failed', path: path.join(folder, 'hang.csv'), reason: 'the parser took longer than 1 s and was stopped' });
      expect(results.filter((r) => r.status === 'parsed').map((r) => r.path)).toEqual(files);
      // A batch with the culprit in it: only that file fails.
      const batch = await pool.parse([{ path: files[0]! }, { path: path.join(folder, 'hang.csv') }, { path: files[1]! }]);
      expect(batch.map((r) => r.status)).toEqual(['parsed', 'failed', 'parsed']);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
