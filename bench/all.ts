// npm run bench -- [--corpus DIR] [--data-dir DIR] [--articles N] [--only import,search,compare,integrity,load]
// Runs the benchmarks one after another (never in parallel: they would measure each other)
// and prints one JSON object with each one's own JSON output, or its error.
//   import     npm run bench:import -- --corpus DIR      (skipped without --corpus)
//   search     npm run bench:search -- --articles N      (default 100000)
//   compare    npm run bench:compare
//   integrity  npm run bench:integrity -- --data-dir DIR  (skipped without --data-dir: a corpus's data folder)
//   load       npm run bench:load
// Progress goes to stderr; stdout is only the JSON.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, articles: { type: 'string' }, only: { type: 'string' }, 'data-dir': { type: 'string' } } });
const ALL = ['import', 'search', 'compare', 'integrity', 'load'] as const;
type Name = (typeof ALL)[number];
const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...ALL];
for (const name of only) {
  if (!(ALL as readonly string[]).includes(name)) {
    process.stderr.write(`bench: unknown benchmark "${name}" (known: ${ALL.join(', ')})\n`);
    process.exit(2);
  }
}

const ARGS: Record<Name, string[] | null> = {
  import: values.corpus ? ['--corpus', path.resolve(values.corpus)] : null,
  search: ['--articles', values.articles ?? '100000'],
  compare: [],
  integrity: values['data-dir'] ? ['--data-dir', path.resolve(values['data-dir'])] : null,
  load: [],
};

/** The last top-level JSON object a benchmark printed on stdout. */
function lastJson(stdout: string): unknown {
  for (let start = stdout.lastIndexOf('\n{'); ; start = stdout.lastIndexOf('\n{', start - 1)) {
    const from = start < 0 ? stdout.indexOf('{') : start + 1;
    if (from < 0) break;
    try {
      return JSON.parse(stdout.slice(from));
    } catch {
      if (start < 0) break;
    }
  }
  throw new Error('printed no JSON');
}

function run(name: Name, args: string[]): Promise<unknown> {
  return new Promise((resolve) => {
    process.stderr.write(`bench: ${name} ${args.join(' ')}\n`);
    const child = spawn('npm', ['run', '--silent', `bench:${name}`, '--', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`exited with code ${code}`);
        resolve(lastJson(out));
      } catch (err) {
        resolve({ error: `bench:${name} ${(err as Error).message}` });
      }
    });
  });
}

const report: Record<string, unknown> = { startedAt: new Date().toISOString() };
for (const name of only as Name[]) {
  const args = ARGS[name];
  report[name] = args ? await run(name, args) : { skipped: name === 'import' ? 'give --corpus DIR (a folder of articles) to measure import' : 'give --data-dir DIR (a data folder with a corpus) to measure the integrity checks' };
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
