// Person resolution remembers names from batch to batch (persons.ts). That memory must never
// change an answer: the same names, resolved with and without it, give the same persons and the
// same tables, also after a batch that was rolled back.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/engine/db/migrate.ts';
import { MIGRATIONS } from '../../src/engine/db/migrations/index.ts';
import { Persons } from '../../src/engine/quotes/persons.ts';

function corpus(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  return db;
}

const tables = (db: Database.Database): unknown => ({
  persons: db.prepare('SELECT id, name, key, surname_key, description FROM persons ORDER BY id').all(),
  aliases: db.prepare('SELECT alias_key, person_id FROM person_aliases ORDER BY alias_key, person_id').all(),
});

/** Speakers as an import meets them, over and over, with and without descriptions. */
function* speakers(seed: number, n: number): Generator<[string, string | null]> {
  const names = ['Peskov', 'Dmitry Peskov', 'Песков', 'Ivan Peskov', 'Zelensky', 'Volodymyr Zelensky', 'Anna Weiss', 'Weiss', 'Thomas Reed', 'Reed', 'Mark Reed', 'Lavrov'];
  const roles = [null, null, 'Kremlin spokesman', 'analyst'];
  let a = seed;
  const next = (k: number): number => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return (a >>> 8) % k;
  };
  for (let i = 0; i < n; i++) yield [names[next(names.length)]!, roles[next(roles.length)]!];
}

describe('Persons', () => {
  it('resolves the same names to the same persons with its memory as without, across batches and a rolled-back one', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const plain = corpus();
      const cached = corpus();
      const withoutMemory = new Persons(plain);
      const withMemory = new Persons(cached);
      const list = [...speakers(seed, 400)];
      // Names first met in the batches that are rolled back, and met again after them behind a
      // newcomer: a memory that kept them would answer with the newcomer's id.
      list.splice(120, 0, ['Olga Stefanishyna', null], ['Stefanishyna', 'deputy prime minister']);
      list.splice(162, 0, ['Kaja Kallas', null], ['Olga Stefanishyna', null], ['Stefanishyna', null]);
      for (let start = 0; start < list.length; start += 40) {
        const batch = list.slice(start, start + 40);
        const rollBack = start === 120 || start === 280;
        // Without memory: the batch's writes, or none of them when it is rolled back.
        const plainIds: Array<number | null> = [];
        if (!rollBack) plain.transaction(() => batch.forEach(([name, role]) => plainIds.push(withoutMemory.resolve(name, role))))();
        const cachedIds: Array<number | null> = [];
        try {
          cached.transaction(() => {
            withMemory.startBatch();
            for (const [name, role] of batch) cachedIds.push(withMemory.resolve(name, role));
            withMemory.endBatch();
            if (rollBack) throw new Error('the commit failed');
          })();
        } catch {
          withMemory.discard();
          continue;
        }
        expect(cachedIds).toEqual(plainIds);
      }
      expect(tables(cached)).toEqual(tables(plain));
    }
  });
});
