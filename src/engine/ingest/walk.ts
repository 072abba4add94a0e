// Walking what the user asked to import: folders recursively, files as they are. Symbolic
// links are followed, but each real folder is entered once, so a link loop ends. Hidden
// folders (.git, .cache) are not entered. Everything that is not a regular file to read is
// reported with a reason instead of being silently dropped.
import fs from 'node:fs';
import path from 'node:path';

export type WalkEntry =
  | { kind: 'file'; path: string; size: number; mtimeMs: number }
  | { kind: 'problem'; path: string; outcome: 'skipped' | 'failed'; reason: string };

export async function* walk(roots: readonly string[]): AsyncGenerator<WalkEntry> {
  const seenDirs = new Set<string>();
  for (const root of roots) yield* visit(root, seenDirs, true);
}

async function* visit(target: string, seenDirs: Set<string>, isRoot: boolean): AsyncGenerator<WalkEntry> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(target);
  } catch (error) {
    yield { kind: 'problem', path: target, outcome: 'failed', reason: await describeStatError(target, error, isRoot) };
    return;
  }
  if (stat.isDirectory()) {
    let real: string;
    try {
      real = await fs.promises.realpath(target);
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
    let names: string[];
    try {
      names = (await fs.promises.readdir(target)).sort();
    } catch (error) {
      yield { kind: 'problem', path: target, outcome: 'failed', reason: `cannot list folder: ${describe(error)}` };
      return;
    }
    for (const name of names) {
      const child = path.join(target, name);
      if (name.startsWith('.')) {
        let hiddenDir = false;
        try {
          hiddenDir = (await fs.promises.stat(child)).isDirectory();
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

async function describeStatError(target: string, error: unknown, isRoot: boolean): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    const isLink = await fs.promises.lstat(target).then((s) => s.isSymbolicLink(), () => false);
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
    default:
      return e.message ?? String(error);
  }
}
