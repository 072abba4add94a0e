// What every command shares: option parsing with --data-dir and --json, usage errors (exit
// code 2), and running work against the engine in this process.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createClient, type Client } from '../shared/api.ts';
import { openEngine, type Engine } from '../engine/engine.ts';
import { defaultDataDir } from '../engine/paths.ts';

export class UsageError extends Error {}

export interface Command {
  name: string;
  /** Lines for `wirebench --help`. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

const COMMON = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

export function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return parsed;
}

export const out = (text: string): void => void process.stdout.write(`${text}\n`);
export const json = (value: unknown): void => out(JSON.stringify(value, null, 2));

export function dataDir(value: string | undefined): string {
  return value ? path.resolve(value) : defaultDataDir();
}

export async function withEngine<T>(dir: string, work: (api: Client, engine: Engine) => Promise<T>, options: { waitForIndex?: boolean } = {}): Promise<T> {
  // A one-shot command: watched folders are the long-running shells' business.
  const engine = await openEngine({ dataDir: dir, watch: false });
  // A corpus that was repaired, set aside or opened read-only: say so whatever the command.
  if (engine.health.state !== 'ok' && engine.health.message) process.stderr.write(`wirebench: ${engine.health.message}\n`);
  try {
    if (options.waitForIndex) {
      // A corpus from an older Wirebench gets its search index rebuilt first (once).
      const tty = process.stderr.isTTY;
      const off = engine.on('onReindexProgress', (p) => {
        const { done, total } = p as { done: number; total: number };
        if (tty) process.stderr.write(`\r\x1b[2KRebuilding the search index… ${done}/${total} articles`);
      });
      await engine.indexReady();
      off();
      if (tty) process.stderr.write('\r\x1b[2K');
    }
    return await work(createClient(engine), engine);
  } finally {
    await engine.close();
  }
}
