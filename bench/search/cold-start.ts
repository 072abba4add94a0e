// One cold engine: open the corpus given as the argument, answer one search, exit. Timed from
// outside by bench-search.ts (so Node's own start-up counts too).
import { createClient } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';

const engine = createEngine({ dataDir: process.argv[2]!, log: () => {} });
const result = await createClient(engine).call('search.query', { query: 'minister', limit: 20 });
if (result.hits.length === 0) process.exitCode = 1;
await engine.close();
