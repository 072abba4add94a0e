// Walking what the user asked to import: folders recursively, files as they are. Symbolic
// links are followed, but each real folder is entered once, so a link loop ends. Hidden
// folders (.git, .cache) are not entered. Everything that is not a regular file to read is
// reported with a reason instead of being silently dropped. The file system calls are
// synchronous (a million promise round-trips would cost more than the stats themselves);
// the generator yields to the event loop every few hundred entries so calls get through.
import fs from 'node:fs';
import path from 'node:path';

export type WalkEntry =
  | { kind: 'file'; path: string; size: number; mtimeMs: number }
  | { kind: 'problem'; path: string; outcome: 'skipped' | 'failed'; reason: string };

const YIELD_EVERY = 500;

export async function* walk(roots: readonly string[]): AsyncGenerator<WalkEntry> {
  const seenDirs = new Set<string>();
  let sinceYield = 0;
  for (const root of roots) {
    for (const entry of visit(root, seenDirs, true)) {
      yield entry;
      if (++sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
}

/** Counts the files a walk will see, without a stat per file (for the progress total). */
export async function countFiles(roots: readonly string[], signal?: AbortSignal): Promise<number> {
  const seenDirs = new Set<string>();
  let n = 0;
  let sinceYield = 0;
  const stack = [...roots];
  while (stack.length > 0) {
    if (signal?.aborted) break;
    const target = stack.pop()!;
    let real: string;
    try {
      if (!fs.statSync(target).isDirectory()) {
        n++;
        continue;
      }
      real = fs.realpathSync(target);
    } catch {
      n++;
      continue;
    }
    if (seenDirs.has(real)) continue;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(target, { withFileTypes: true });
    } catch {
      n++;
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) stack.push(path.join(target, e.name));
      } else if (e.isSymbolicLink()) {
        stack.push(path.join(target, e.name));
      } else {
        n++;
      }
    }
    if (++sinceYield >= 50) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return n;
}

function* visit(target: string, seenDirs: Set<string>, isRoot: boolean): Generator<WalkEntry> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    yield { kind: 'problem', path: target, outcome: 'failed', reason: describeStatError(target, error, isRoot) };
    return;
  }
  if (stat.isDirectory()) {
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch (error) {
      yield { kind: 'problem', path: target, outcome: 'failed', reason: describe(error) };
      return;
    }
    if (seenDirs.has(real)) {
      if (isRoot) return; // the same folder named twice
      yield { kind: 'problem', path: target, outcome: 'skipped', reason: 'folder already visited (a symbolic link loop or a second link to it)' };
      return;
    }
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(target, { withFileTypes: true });
    } catch (error) {
      yield { kind: 'problem', path: target, outcome: 'failed', reason: `cannot list folder: ${describe(error)}` };
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.isDirectory()) continue;
      const child = path.join(target, entry.name);
      if (entry.name.startsWith('.') && entry.isSymbolicLink()) {
        let hiddenDir = false;
        try {
          hiddenDir = fs.statSync(child).isDirectory();
        } catch {
          // reported below like any other file
        }
        if (hiddenDir) continue;
      }
      yield* visit(child, seenDirs, false);
    }
    return;
  }
  if (!stat.isFile()) {
    yield { kind: 'problem', path: target, outcome: 'skipped', reason: `not a regular file (${kindOf(stat)})` };
    return;
  }
  yield { kind: 'file', path: target, size: stat.size, mtimeMs: stat.mtimeMs };
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'special file';
}

function describeStatError(target: string, error: unknown, isRoot: boolean): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    let isLink = false;
    try {
      isLink = fs.lstatSync(target).isSymbolicLink();
    } catch {
      // gone entirely
    }
    if (isLink) return 'dangling symbolic link: its target does not exist';
    return isRoot ? 'no such file or folder' : 'file disappeared during the import';
  }
  if (code === 'ELOOP') return 'symbolic link loop';
  return describe(error);
}

export function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'file disappeared during the import';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error reading the file';
    case 'ENXIO':
      return 'not a regular file (no reader on the other end)';
    default:
      return e.message ?? String(error);
  }
}
