// A schema per method, checked before any handler runs, so no shell (IPC, HTTP, CLI) can
// hand the engine arguments the contract does not allow. The `satisfies` clause makes the
// compiler reject a schema whose output does not match the contract's argument type.
import * as v from 'valibot';
import type { MethodArgs, MethodName } from '../shared/api.ts';

const none = v.strictObject({});
const id = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const path = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));
const dateText = v.pipe(v.string(), v.maxLength(40));
const queryText = v.pipe(v.string(), v.maxLength(2000));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000));
const collectionName = v.pipe(v.string(), v.trim(), v.minLength(1, 'A collection needs a name.'), v.maxLength(200));
const note = v.pipe(v.string(), v.maxLength(20_000));
const tags = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))), v.maxLength(50));
const column = v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200)));
const columns = v.strictObject({ headline: column, body: column, published: column, source: column, url: column, byline: column, place: column, language: column });
const shortText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const value = v.optional(v.pipe(v.string(), v.maxLength(200)));
const filters = { from: v.optional(dateText), to: v.optional(dateText), agency: value, place: value, language: value };
const order = { sort: v.optional(v.picklist(['relevance', 'date'])), recency: v.optional(v.boolean()), match: v.optional(v.picklist(['all', 'any'])) };
const queryArgs = { query: queryText, ...filters, ...order };
const searchOptions = v.strictObject({ ...filters, ...order });

export const SCHEMAS = {
  'app.info': none,
  'demo.load': none,
  'demo.attribution': none,
  'dialog.pickFolders': none,
  'corpus.stats': none,
  'article.get': v.strictObject({ id, query: v.optional(queryText) }),
  'article.nearDuplicates': v.strictObject({ id }),
  'article.similar': v.strictObject({ id, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))) }),
  'article.openSource': v.strictObject({ id }),
  'article.revealSource': v.strictObject({ id }),
  'import.run': v.strictObject({ paths: v.pipe(v.array(path), v.minLength(1), v.maxLength(1000)), columns: v.optional(columns) }),
  'import.cancel': none,
  'import.runs': v.strictObject({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))), offset: v.optional(offset) }),
  'import.outcomes': v.strictObject({
    runId: id,
    outcome: v.optional(v.picklist(['imported', 'duplicate', 'skipped', 'failed'])),
    offset: v.optional(offset),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  }),
  'watch.add': v.strictObject({ path }),
  'watch.remove': v.strictObject({ path }),
  'watch.list': none,
  'dialog.saveFile': v.strictObject({
    defaultName: v.optional(v.pipe(v.string(), v.maxLength(255))),
    extensions: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9]{1,10}$/))), v.maxLength(10))),
  }),
  'search.query': v.strictObject({
    ...queryArgs,
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000))),
    remember: v.optional(v.boolean()),
  }),
  'quotes.search': v.strictObject({
    query: v.optional(queryText),
    speaker: v.optional(v.pipe(v.string(), v.maxLength(200))),
    personId: v.optional(id),
    articleId: v.optional(id),
    from: v.optional(dateText),
    to: v.optional(dateText),
    sort: v.optional(v.picklist(['date', 'relevance', 'article'])),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000))),
  }),
  'quotes.get': v.strictObject({ id }),
  'quotes.timeline': v.strictObject({ speaker: v.optional(v.pipe(v.string(), v.maxLength(200))), personId: v.optional(id), query: v.optional(queryText) }),
  'collections.list': none,
  'collections.get': v.strictObject({ id }),
  'collections.create': v.strictObject({ name: collectionName }),
  'collections.rename': v.strictObject({ id, name: collectionName }),
  'collections.delete': v.strictObject({ id }),
  'collections.addItems': v.strictObject({
    collectionId: id,
    items: v.pipe(
      v.array(
        v.union([
          v.strictObject({ quoteId: id }),
          v.strictObject({ articleId: id, start: offset, end: offset, speaker: v.optional(v.pipe(v.string(), v.maxLength(200))) }),
        ]),
      ),
      v.minLength(1),
      v.maxLength(1000),
    ),
    note: v.optional(note),
    tags: v.optional(tags),
  }),
  'collections.updateItem': v.strictObject({ itemId: id, note: v.optional(note), tags: v.optional(tags), section: v.optional(v.pipe(v.string(), v.maxLength(200))) }),
  'collections.removeItems': v.strictObject({ itemIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(1000)) }),
  'collections.moveItem': v.strictObject({ itemId: id, toCollectionId: v.optional(id), position: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)) }),
  'collections.setBriefing': v.strictObject({
    id,
    briefing: v.strictObject({
      title: v.pipe(v.string(), v.maxLength(300)),
      author: v.pipe(v.string(), v.maxLength(300)),
      date: v.pipe(v.string(), v.maxLength(100)),
      intro: v.pipe(v.string(), v.maxLength(20_000)),
      groupBy: v.picklist(['none', 'section', 'speaker', 'tag', 'date']),
    }),
  }),
  'collections.undo': none,
  'collections.redo': none,
  'collections.history': none,
  'briefing.export': v.strictObject({ collectionId: id, format: v.picklist(['md', 'html', 'docx', 'pdf']), path: v.optional(path) }),
  'compare.articles': v.strictObject({ a: id, b: id }),
  'compare.matrix': v.strictObject({ ids: v.pipe(v.array(id), v.minLength(2), v.maxLength(20)) }),
  'corpus.health': none,
  'corpus.check': none,
  'backup.list': none,
  'backup.create': none,
  // A file name from backup.list, never a path: restoring takes only files from the backups folder.
  'backup.restore': v.strictObject({ name: v.pipe(v.string(), v.maxLength(200), v.regex(/^corpus-[0-9TZ]+-[a-z-]+\.sqlite$/, 'a backup name from backup.list')) }),
  'search.count': v.strictObject(queryArgs),
  'search.facets': v.strictObject(queryArgs),
  'search.suggest': v.strictObject({ text: v.pipe(v.string(), v.maxLength(200)), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))) }),
  'search.export': v.strictObject({ ...queryArgs, format: v.picklist(['csv', 'jsonl']), path, includeBody: v.optional(v.boolean()) }),
  'search.reindex': none,
  'searches.list': none,
  'searches.save': v.strictObject({ name: shortText, query: queryText, options: v.optional(searchOptions) }),
  'searches.delete': v.strictObject({ name: shortText }),
  'history.list': v.strictObject({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))) }),
  'history.clear': none,
  'variants.list': none,
  'variants.set': v.strictObject({ name: shortText, variants: v.pipe(v.array(shortText), v.minLength(1), v.maxLength(100)) }),
  'variants.delete': v.strictObject({ name: shortText }),
} satisfies { [M in MethodName]: v.GenericSchema<unknown, MethodArgs<M>> };

/** The first problem with the arguments, in words, or null if they are valid. */
export function checkArgs<M extends MethodName>(method: M, args: unknown): { ok: true; args: MethodArgs<M> } | { ok: false; message: string } {
  const result = v.safeParse(SCHEMAS[method], args);
  if (result.success) return { ok: true, args: result.output as MethodArgs<M> };
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, message: `Invalid arguments for ${method}${where ? ` (${where})` : ''}: ${issue.message}` };
}
