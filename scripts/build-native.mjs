// Builds Wirebench's FTS5 ranking function (src/native/wbrank.c) into native-build/, as a
// SQLite loadable extension, with the system's C compiler and the SQLite headers that
// better-sqlite3 ships. Runs at `npm install` (postinstall) and before packaging.
//
// It never fails the install: without a compiler (or on a platform not handled here) search
// ranks with FTS5's own bm25(), with the same results, only slower; this says so and exits 0.
// `--strict` makes a failure an error (CI, packaging).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const strict = process.argv.includes('--strict');
const source = path.join(root, 'src', 'native', 'wbrank.c');
const headers = path.join(root, 'node_modules', 'better-sqlite3', 'deps', 'sqlite3');
const outDir = path.join(root, 'native-build');
const ext = process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so';
const out = path.join(outDir, `wbrank.${ext}`);

function give(reason) {
  const message = `build-native: ${reason}; search will rank with FTS5's bm25() (same results, slower).`;
  if (strict) {
    console.error(message);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}

if (!fs.existsSync(path.join(headers, 'sqlite3ext.h'))) give(`no SQLite headers at ${headers}`);
if (process.platform === 'win32') give('building on Windows is not set up yet');
fs.mkdirSync(outDir, { recursive: true });
const cc = process.env.CC || 'cc';
const args = ['-O2', '-fPIC', '-I', headers, source, '-o', out, '-lm'];
args.unshift(...(process.platform === 'darwin' ? ['-dynamiclib'] : ['-shared']));
const r = spawnSync(cc, args, { encoding: 'utf8' });
if (r.error || r.status !== 0) give(`${cc} could not build ${path.relative(root, source)}: ${(r.error?.message ?? r.stderr).trim().split('\n')[0]}`);
console.log(`build-native: built ${path.relative(root, out)}`);
