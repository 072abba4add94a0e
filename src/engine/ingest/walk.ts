// Walking what the user asked to import: folders recursively, files as they are. Symbolic
// links are followed, but each real folder is entered once, so a link loop ends. Hidden
// folders (.git, .cache) are not entered. Everything that is not a regular file to read is
// reported with a reason instead of being silently dropped. The file system calls are
// synchronous (a million promise round-trips would cost more than the stats themselves);
// the generator yields to the event loop every few hundred entries so calls get through.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';

export type WalkEntry =
  // `raw`: the path as bytes, when a name in it is not valid UTF-8 (`path` then shows U+FFFD).
  // `size` and `mtimeMs` are -1 for a regular file the folder listing named as such: it was not
  // stat'ed (a system call per file, on the thread that writes every article), and whoever needs
  // them asks (statOf) or reads the file, which tells them anyway.
  | { kind: 'file'; path: string; size: number; mtimeMs: number; raw?: Buffer }
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

/**
 * A child path: a string while every name is valid UTF-8, the raw bytes once one is not. The
 * parent is a resolved path and a listed name holds no "/" and is never "." or "..", so the two
 * are simply joined (path.join would normalise what is already normal, for every file).
 */
function childPath(parent: string | Buffer, name: Buffer): string | Buffer {
  if (typeof parent === 'string' && isUtf8(name)) return `${parent.endsWith('/') ? parent : `${parent}/`}${name.toString('utf8')}`;
  const bytes = typeof parent === 'string' ? Buffer.from(parent) : parent;
  return Buffer.concat(bytes.at(-1) === 0x2f ? [bytes, name] : [bytes, Buffer.from('/'), name]);
}

/**
 * A folder's entries in the order of their names' bytes. Compared as Latin-1 strings (one
 * character per byte, so the same order): a JavaScript string comparison, where Buffer.compare
 * is a call into C++ per comparison, which at 8,000 files a folder cost more than the listing.
 */
function byName(entries: fs.Dirent<Buffer>[]): fs.Dirent<Buffer>[] {
  const keyed = entries.map((entry) => ({ entry, key: entry.name.toString('latin1') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.entry);
}

function* visit(target: string | Buffer, seenDirs: Set<string>, isRoot: boolean): Generator<WalkEntry> {
  const shown = typeof target === 'string' ? target : target.toString('utf8');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    yield { kind: 'problem', path: shown, outcome: 'failed', reason: describeStatError(target, error, isRoot) };
    return;
  }
  if (stat.isDirectory()) {
    let real: string;
    try {
      real = fs.realpathSync(target, { encoding: 'buffer' }).toString('latin1');
    } catch (error) {
      yield { kind: 'problem', path: shown, outcome: 'failed', reason: describe(error) };
      return;
    }
    if (seenDirs.has(real)) {
      if (isRoot) return; // the same folder named twice
      yield { kind: 'problem', path: shown, outcome: 'skipped', reason: 'folder already visited (a symbolic link loop or a second link to it)' };
      return;
    }
    seenDirs.add(real);
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(target, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      yield { kind: 'problem', path: shown, outcome: 'failed', reason: `cannot list folder: ${describe(error)}` };
      return;
    }
    for (const entry of byName(entries)) {
      const hidden = entry.name[0] === 0x2e;
      if (hidden && entry.isDirectory()) continue;
      const child = childPath(target, entry.name);
      if (entry.isFile()) {
        if (typeof child === 'string') yield { kind: 'file', path: child, size: -1, mtimeMs: -1 };
        else yield { kind: 'file', path: child.toString('utf8'), size: -1, mtimeMs: -1, raw: child };
        continue;
      }
      if (hidden && entry.isSymbolicLink()) {
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
    yield { kind: 'problem', path: shown, outcome: 'skipped', reason: `not a regular file (${kindOf(stat)})` };
    return;
  }
  if (typeof target === 'string') yield { kind: 'file', path: target, size: stat.size, mtimeMs: stat.mtimeMs };
  else yield { kind: 'file', path: shown, size: stat.size, mtimeMs: stat.mtimeMs, raw: target };
}

/** Size and modification time of a file the walk did not stat, or why there are none. */
export function statOf(entry: { path: string; raw?: Buffer }): { size: number; mtimeMs: number } | { problem: string } {
  try {
    const stat = fs.statSync(entry.raw ?? entry.path);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { problem: describe(error) };
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'special file';
}

function describeStatError(target: string | Buffer, error: unknown, isRoot: boolean): string {
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
