// One person record per speaker, whatever the spelling: "Dmitry Peskov", "Peskov" and
// "Песков" resolve to the same row through folded keys (names.ts) and aliases. A surname
// met alone attaches to the one person of that surname, if there is exactly one; a full name
// met later upgrades a surname-only record instead of making a second person.
import type { Db } from '../db/open.ts';
import { foldName } from './names.ts';

export interface PersonRow {
  id: number;
  name: string;
  description: string | null;
}

export class Persons {
  private readonly byKey;
  private readonly byAlias;
  private readonly bySurname;
  private readonly insert;
  private readonly upgrade;
  private readonly addAlias;
  private readonly setDescription;
  /**
   * Names already resolved, with whether their person has a description. Once a name has been
   * resolved its alias row exists and keeps giving the same person (records are only ever
   * upgraded from a surname to a full name, never split or removed), so meeting it again needs
   * no query: an import meets the same few thousand speakers over and over. Names resolved
   * during an import batch wait in `batch` until the batch is written; a failed batch rolls
   * its persons back, so discard() forgets everything.
   */
  private readonly resolved = new Map<string, { id: number; described: boolean }>();
  private batch: Map<string, { id: number; described: boolean }> | null = null;

  constructor(db: Db) {
    this.byKey = db.prepare('SELECT id, name, description FROM persons WHERE key = ?');
    this.byAlias = db.prepare('SELECT p.id, p.name, p.description FROM person_aliases a JOIN persons p ON p.id = a.person_id WHERE a.alias_key = ? LIMIT 2');
    this.bySurname = db.prepare('SELECT id, name, description, key FROM persons WHERE surname_key = ? LIMIT 3');
    this.insert = db.prepare('INSERT INTO persons (name, key, surname_key, description) VALUES (?, ?, ?, ?)');
    this.upgrade = db.prepare('UPDATE persons SET name = ?, key = ? WHERE id = ?');
    this.addAlias = db.prepare('INSERT OR IGNORE INTO person_aliases (alias_key, person_id, alias) VALUES (?, ?, ?)');
    this.setDescription = db.prepare('UPDATE persons SET description = ? WHERE id = ? AND description IS NULL');
  }

  startBatch(): void {
    this.batch = new Map();
  }

  /** The batch was written: its names stay resolved. */
  endBatch(): void {
    if (this.batch) for (const [key, hit] of this.batch) this.resolved.set(key, hit);
    this.batch = null;
    if (this.resolved.size > 200_000) this.resolved.clear();
  }

  /** The batch (or the transaction it ran in) failed, or the persons were cleared: forget all. */
  discard(): void {
    this.batch = null;
    this.resolved.clear();
  }

  /** The person for a name as met in an article, created if new (`key`: its foldName, when known). */
  resolve(name: string, description: string | null, key: string = foldName(name)): number | null {
    if (!key) return null;
    const hit = this.batch ? (this.batch.get(key) ?? this.resolved.get(key)) : undefined;
    if (hit) {
      if (description && !hit.described) {
        this.setDescription.run(description, hit.id);
        // A copy, so a failed batch leaves the committed entry as it was.
        this.batch!.set(key, { id: hit.id, described: true });
      }
      return hit.id;
    }
    const found = this.lookup(name, key, description);
    this.batch?.set(key, found);
    return found.id;
  }

  /** The person for a name not resolved yet, created if new, and whether it has a description now. */
  private lookup(name: string, key: string, description: string | null): { id: number; described: boolean } {
    const parts = key.split(' ');
    const surnameKey = parts.at(-1)!;
    const own = this.byKey.get(key) as PersonRow | undefined;
    let person = own ?? this.uniqueAlias(key);
    if (!person && parts.length > 1) {
      // A full name: take over a record that so far knew only the surname.
      const same = this.bySurname.all(surnameKey) as Array<PersonRow & { key: string }>;
      const bare = same.find((p) => p.key === surnameKey);
      if (bare) {
        this.upgrade.run(name, key, bare.id);
        this.addAlias.run(surnameKey, bare.id, bare.name);
        person = { id: bare.id, name, description: bare.description };
      }
    } else if (!person) {
      // A surname alone: the one person of that surname, if there is exactly one.
      const same = this.bySurname.all(surnameKey) as PersonRow[];
      if (same.length === 1) person = same[0]!;
    }
    if (!person) {
      const id = Number(this.insert.run(name, key, surnameKey, description).lastInsertRowid);
      this.addAlias.run(key, id, name);
      return { id, described: Boolean(description) };
    }
    this.addAlias.run(key, person.id, name);
    if (description && !person.description) this.setDescription.run(description, person.id);
    return { id: person.id, described: Boolean(description || person.description) };
  }

  private uniqueAlias(key: string): PersonRow | undefined {
    const rows = this.byAlias.all(key) as PersonRow[];
    return rows.length === 1 ? rows[0] : undefined;
  }
}
