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
if (!process.features.typescript) {
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
