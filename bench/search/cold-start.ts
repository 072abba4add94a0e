// One cold engine: open the corpus given as the argument, answer one search, exit. Timed from
// outside by bench-search.ts (so Node's own start-up counts too); prints, as JSON, when (ms
// since the process started) the engine was open and when the first answer came.
import { createClient } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';

const started = performance.now();
const engine = createEngine({ dataDir: process.argv[2]!, log: () => {} });
const opened = performance.now();
const result = await createClient(engine).call('search.query', { query: 'minister', limit: 20 });
const answered = performance.now();
if (result.hits.length === 0) process.exitCode = 1;
await engine.close();
process.stdout.write(`${JSON.stringify({ modulesLoadedMs: Math.round(started), engineOpenMs: Math.round(opened - started), firstQueryMs: Math.round(answered - opened) })}\n`);
