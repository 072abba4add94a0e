// Wirebench's ranking function (src/native/wbrank.c): FTS5's bm25() with each phrase's document
// frequency handed in by the planner, instead of counted over the phrase's whole posting list on
// every query. It is a small SQLite extension built at install (scripts/build-native.mjs); where
// it was not built or cannot be loaded, the planner ranks with bm25() itself: the same results,
// only slower. WIREBENCH_RANK=bm25 turns it off (to compare, or to rule it out).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/open.ts';

const LIBRARY = `wbrank.${process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so'}`;

/**
 * Where the library may be, in order: WIREBENCH_NATIVE_DIR; the packaged app's resources
 * (electron-builder.yml copies native-build/ there); the checkout's native-build/, seen from
 * the TypeScript source (src/engine/search/) or from the bundle (out/main/).
 */
export function rankLibraryCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const found: string[] = [];
  if (env.WIREBENCH_NATIVE_DIR) found.push(path.join(env.WIREBENCH_NATIVE_DIR, LIBRARY));
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) found.push(path.join(resources, 'native', LIBRARY));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    found.push(path.join(dir, 'native-build', LIBRARY));
    dir = path.dirname(dir);
  }
  return found;
}

const loaded = new WeakMap<Db, boolean>();

/** Loads wb_bm25 into a connection (once); true when the connection has it. */
export function loadRankFunction(db: Db, env: NodeJS.ProcessEnv = process.env): boolean {
  const known = loaded.get(db);
  if (known !== undefined) return known;
  let ok = false;
  if (env.WIREBENCH_RANK !== 'bm25') {
    const file = rankLibraryCandidates(env).find((f) => fs.existsSync(f));
    if (file) {
      try {
        db.loadExtension(file);
        ok = true;
      } catch {
        // A library built for another platform or SQLite: rank with bm25().
        ok = false;
      }
    }
  }
  loaded.set(db, ok);
  return ok;
}
