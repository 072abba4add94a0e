// What the corpus safety costs on a big corpus: quick_check (run at every open), the full
// check (integrity_check + FTS5 check against the content, after a crash and on demand), and
// a backup with the online backup API (including its own quick_check). Works on a copy;
// JSON on stdout.
//
//   npm run bench:integrity -- --data-dir DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackup } from '../src/engine/integrity/backups.ts';
import { checkFts, quickCheck } from '../src/engine/integrity/checks.ts';

const i = process.argv.indexOf('--data-dir');
const source = i > 0 ? process.argv[i + 1] : undefined;
if (!source || !fs.existsSync(path.join(source, 'corpus.sqlite'))) {
  process.stderr.write('usage: npm run bench:integrity -- --data-dir DIR (a data folder with corpus.sqlite)\n');
  process.exit(2);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-integrity-'));
try {
  fs.copyFileSync(path.join(source, 'corpus.sqlite'), path.join(work, 'corpus.sqlite'));
  const file = path.join(work, 'corpus.sqlite');
  const timed = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const r = await f();
    return [r, Math.round(performance.now() - t)];
  };
  const ro = new Database(file, { readonly: true });
  const articles = ro.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const [quick, quickMs] = await timed(() => quickCheck(ro));
  const [integrity, integrityMs] = await timed(() => ro.prepare('PRAGMA integrity_check').pluck().get());
  ro.close();
  const rw = new Database(file);
  const [fts, ftsMs] = await timed(() => checkFts(rw));
  const [backup, backupMs] = await timed(() => createBackup(rw, work, 'manual'));
  rw.close();
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'integrity',
        corpus: source,
        articles,
        megabytes: Math.round(fs.statSync(file).size / 1048576),
        quickCheckMs: quickMs,
        quickCheckOk: quick.ok,
        integrityCheckMs: integrityMs,
        integrityCheckOk: integrity === 'ok',
        ftsCheckMs: ftsMs,
        ftsCheckOk: fts.length === 0,
        fullCheckMs: integrityMs + ftsMs,
        backupWithCheckMs: backupMs,
        backupMegabytes: Math.round(backup.bytes / 1048576),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
