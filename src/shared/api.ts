// The one typed contract between the engine and every shell (Electron IPC, loopback HTTP, CLI).
// Methods are 'noun.verb' names mapped to argument and result types; events are onSomething
// names mapped to payloads. The engine implements it with `satisfies`; transports derive from it.
import type { Envelope, WbError, WbErrorCode } from './api/common.ts';
import type { AppMethods } from './api/app.ts';
import type { CompareMethods } from './api/compare.ts';
import type { CorpusMethods } from './api/corpus.ts';
import type { ImportMethods, ImportProgress, ImportSummary } from './api/import.ts';
import type { ReindexProgress, SearchExportProgress, SearchMethods } from './api/search.ts';
import type { QuoteMethods } from './api/quotes.ts';
import type { CollectionMethods } from './api/collections.ts';
import type { CorpusHealth, IntegrityMethods } from './api/integrity.ts';

export type * from './api/common.ts';
export type * from './api/app.ts';
export type * from './api/compare.ts';
export type * from './api/corpus.ts';
export type * from './api/import.ts';
export type * from './api/search.ts';
export type * from './api/quotes.ts';
export type * from './api/collections.ts';
export type * from './api/integrity.ts';

export interface Methods extends AppMethods, CompareMethods, CorpusMethods, ImportMethods, SearchMethods, QuoteMethods, CollectionMethods, IntegrityMethods {}

export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = Methods[M]['args'];
export type MethodResult<M extends MethodName> = Methods[M]['result'];

export interface Events {
  onImportProgress: ImportProgress;
  onImportFinished: ImportSummary;
  /** The set of articles changed (import, delete): lists and counts should refresh. */
  onCorpusChanged: { articles: number };
  /** Desktop app: folders or files to import, dropped on the window or chosen from the File menu. */
  onPathsDropped: { paths: string[] };
  /** Collections or their items changed (by this window, another one, or the command line). */
  onCollectionsChanged: { collectionIds: number[] };
  /** Desktop app: a wirebench://article/ID?start=…&end=… link (from an exported briefing) was opened. */
  onOpenArticle: { articleId: number; start: number | null; end: number | null };
  /** The corpus's health changed (a restore, a check that found problems, a failed backup). */
  onCorpusHealth: CorpusHealth;
  /** While search.export writes a file. */
  onSearchExportProgress: SearchExportProgress;
  /** While the search index is rebuilt (after an upgrade, or search.reindex). */
  onReindexProgress: ReindexProgress;
}

export type EventName = keyof Events;

/**
 * Every method name, for runtime checks at the boundaries (IPC, HTTP). The Record type makes
 * the compiler reject a method that is added to `Methods` but not listed here.
 */
const methodNames: Record<MethodName, true> = {
  'app.info': true,
  'demo.load': true,
  'demo.attribution': true,
  'dialog.pickFolders': true,
  'corpus.stats': true,
  'article.get': true,
  'article.nearDuplicates': true,
  'article.similar': true,
  'article.openSource': true,
  'article.revealSource': true,
  'import.run': true,
  'import.cancel': true,
  'import.runs': true,
  'import.outcomes': true,
  'watch.add': true,
  'watch.remove': true,
  'watch.list': true,
  'quotes.search': true,
  'quotes.get': true,
  'quotes.timeline': true,
  'collections.list': true,
  'collections.get': true,
  'collections.create': true,
  'collections.rename': true,
  'collections.delete': true,
  'collections.addItems': true,
  'collections.updateItem': true,
  'collections.removeItems': true,
  'collections.moveItem': true,
  'collections.setBriefing': true,
  'collections.undo': true,
  'collections.redo': true,
  'collections.history': true,
  'briefing.export': true,
  'compare.articles': true,
  'compare.matrix': true,
  'corpus.health': true,
  'corpus.check': true,
  'backup.list': true,
  'backup.create': true,
  'backup.restore': true,
  'dialog.saveFile': true,
  'search.query': true,
  'search.count': true,
  'search.facets': true,
  'search.suggest': true,
  'search.export': true,
  'search.reindex': true,
  'searches.list': true,
  'searches.save': true,
  'searches.delete': true,
  'history.list': true,
  'history.clear': true,
  'variants.list': true,
  'variants.set': true,
  'variants.delete': true,
};
export const METHOD_NAMES = Object.keys(methodNames) as MethodName[];

const eventNames: Record<EventName, true> = {
  onImportProgress: true,
  onImportFinished: true,
  onCorpusChanged: true,
  onPathsDropped: true,
  onCollectionsChanged: true,
  onOpenArticle: true,
  onCorpusHealth: true,
  onSearchExportProgress: true,
  onReindexProgress: true,
};
export const EVENT_NAMES = Object.keys(eventNames) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(methodNames, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(eventNames, value);
}

/**
 * The untyped wire every shell provides: a call that always resolves to an envelope, and an
 * event subscription that returns its unsubscribe function.
 */
export interface Transport {
  call(method: string, args: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The typed face of a transport: resolves with the result or rejects with a WirebenchError. */
export interface Client {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export class WirebenchError extends Error implements WbError {
  readonly code: WbErrorCode;
  readonly position?: number;
  constructor(error: WbError) {
    super(error.message);
    this.name = 'WirebenchError';
    this.code = error.code;
    if (error.position !== undefined) this.position = error.position;
  }
}

export function createClient(transport: Transport): Client {
  return {
    async call(method, args) {
      const envelope = await transport.call(method, args);
      if (!envelope.ok) throw new WirebenchError(envelope.error);
      return envelope.result as never;
    },
    on(event, listener) {
      return transport.on(event, listener as (payload: unknown) => void);
    },
  };
}
