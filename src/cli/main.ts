// wirebench: the engine from a terminal. Every command takes --data-dir DIR and --json.
// Bad arguments end with a one-line message and exit code 2; a failed operation with 1.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WirebenchError } from '../shared/api.ts';
import { defaultDataDir } from '../engine/paths.ts';
import { VERSION } from '../engine/version.ts';
import { out, UsageError } from './args.ts';
import { COMMANDS } from './commands/index.ts';

function usage(): string {
  return `Wirebench ${VERSION}: a research workbench for news.

Usage:
${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

Options for every command:
  --data-dir DIR   the data folder (default: ${defaultDataDir()})
  --json           machine-readable output
  -h, --help       this help

Queries: words (all must match), "phrases", OR, NOT or -word, prefix*, (grouping),
  a NEAR/5 b, "a b"~5, headline: body: agency: source: place: lang: and
  date:2022-03  date:2022-03-01..2022-03-31  date:>=2022 (see the README, "Search syntax").
Dates: YYYY, YYYY-MM or YYYY-MM-DD.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    out(usage());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    out(VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; try: ${COMMANDS.map((c) => c.name).join(', ')} (wirebench --help)`);
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`wirebench: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof WirebenchError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`wirebench: ${message}\n`);
    return 1;
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
