#!/usr/bin/env node
// The `wirebench` command. The CLI is TypeScript that Node 24 runs directly (type stripping);
// on Node 22.12 to 22.17 the feature exists behind a flag, so we re-run with it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`wirebench: Node ${process.versions.node} is too old; Wirebench needs Node 22.12 or newer (24 recommended).\n`);
  process.exit(1);
}
const entry = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
// `import` runs the engine in this process: give it the heap limits the app gives its engine
// worker (ENGINE_HEAP_FLAGS in src/engine/host/engine-host.ts, which this file cannot import
// before it knows Node can strip types; engine-memory.test.ts keeps the two the same), which
// keep a long import's resident memory near 350 MB instead of 550.
const heapFlags = process.argv[2] === 'import' && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size')) ? ['--max-semi-space-size=8', '--max-old-space-size=1536'] : [];
if (!process.features.typescript || heapFlags.length) {
  const strip = process.features.typescript ? [] : ['--experimental-strip-types', '--no-warnings'];
  const result = spawnSync(process.execPath, [...strip, ...heapFlags, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
