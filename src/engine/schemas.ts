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
const column = v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200)));
const columns = v.strictObject({ headline: column, body: column, published: column, source: column, url: column, byline: column, place: column, language: column });

export const SCHEMAS = {
  'app.info': none,
  'demo.load': none,
  'demo.attribution': none,
  'dialog.pickFolders': none,
  'corpus.stats': none,
  'article.get': v.strictObject({ id, query: v.optional(queryText) }),
  'article.nearDuplicates': v.strictObject({ id }),
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
  'search.query': v.strictObject({
    query: queryText,
    sort: v.optional(v.picklist(['relevance', 'date'])),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000))),
    from: v.optional(dateText),
    to: v.optional(dateText),
    agency: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
} satisfies { [M in MethodName]: v.GenericSchema<unknown, MethodArgs<M>> };

/** The first problem with the arguments, in words, or null if they are valid. */
export function checkArgs<M extends MethodName>(method: M, args: unknown): { ok: true; args: MethodArgs<M> } | { ok: false; message: string } {
  const result = v.safeParse(SCHEMAS[method], args);
  if (result.success) return { ok: true, args: result.output as MethodArgs<M> };
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, message: `Invalid arguments for ${method}${where ? ` (${where})` : ''}: ${issue.message}` };
}
