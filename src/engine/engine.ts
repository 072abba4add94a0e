// The engine: everything about the corpus behind the one contract. Shells hand it
// (method, args) and get an envelope back; it never throws across that boundary.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope, EventName, Events, MethodArgs, MethodName, MethodResult, Transport } from '../shared/api.ts';
import { isMethodName } from '../shared/api.ts';
import { openCorpus, type Db } from './db/open.ts';
import { demoArticlesDir, demoAttribution, demoAvailable } from './demo.ts';
import { toWbError, WbFailure } from './errors.ts';
import { Importer } from './ingest/importer.ts';
import { checkArgs } from './schemas.ts';
import { SearchService } from './search/search.ts';
import { ArticleStore } from './store/articles.ts';
import { VERSION } from './version.ts';

export interface EngineOptions {
  dataDir: string;
  /** The folder holding the demo corpus and other bundled resources. */
  resourcesDir?: string;
  /** Where internal errors are logged (never sent to clients). */
  log?: (message: string) => void;
}

/** resources/ at the top of the checkout, as seen from this file. */
export const DEFAULT_RESOURCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');

type Handlers = { [M in MethodName]: (args: MethodArgs<M>) => MethodResult<M> | Promise<MethodResult<M>> };
type Listener = (payload: unknown) => void;

export class Engine implements Transport {
  readonly dataDir: string;
  readonly db: Db;
  private readonly resourcesDir: string;
  private readonly log: (message: string) => void;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly store: ArticleStore;
  private readonly search: SearchService;
  private readonly importer: Importer;
  private readonly handlers: Handlers;
  private closed = false;

  constructor(options: EngineOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.resourcesDir = options.resourcesDir ?? DEFAULT_RESOURCES_DIR;
    this.log = options.log ?? ((message) => process.stderr.write(`${message}\n`));
    this.db = openCorpus({ dataDir: this.dataDir });
    this.store = new ArticleStore(this.db);
    this.search = new SearchService(this.db);
    this.importer = new Importer(this.db, this.store, {
      progress: (p) => this.emit('onImportProgress', p),
      finished: (s) => this.emit('onImportFinished', s),
      corpusChanged: () => this.emit('onCorpusChanged', { articles: this.store.total() }),
    });
    this.handlers = this.createHandlers();
  }

  private createHandlers(): Handlers {
    return {
      'app.info': () => ({ version: VERSION, dataDir: this.dataDir, demoAvailable: demoAvailable(this.resourcesDir) }),
      'demo.load': () => {
        if (!demoAvailable(this.resourcesDir)) throw new WbFailure('not_found', 'This build of Wirebench has no demo corpus.');
        return this.importer.run([demoArticlesDir(this.resourcesDir)]);
      },
      'demo.attribution': () => demoAttribution(this.resourcesDir),
      'dialog.pickFolders': () => {
        throw new WbFailure('unsupported', 'There is no folder picker here; type the folder path on the machine running Wirebench.');
      },
      'corpus.stats': () => this.stats(),
      'article.get': ({ id, query }) => {
        const article = this.store.get(id);
        if (!article) throw new WbFailure('not_found', `There is no article ${id}.`);
        return { ...article, matches: query ? this.search.matches(id, query) : [] };
      },
      'import.run': ({ paths }) => this.importer.run(paths),
      'import.cancel': () => ({ cancelled: this.importer.cancel() }),
      'search.query': (args) => this.search.query(args),
    };
  }

  private stats(): MethodResult<'corpus.stats'> {
    const articles = this.store.total();
    const agencies = this.db
      .prepare(`SELECT agency AS value, count(*) AS count FROM articles WHERE agency IS NOT NULL GROUP BY agency ORDER BY count DESC, agency LIMIT 200`)
      .all() as { value: string; count: number }[];
    const range = this.db
      .prepare(`SELECT (SELECT published FROM articles WHERE published_at IS NOT NULL ORDER BY published_at LIMIT 1) AS earliest,
                       (SELECT published FROM articles WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1) AS latest`)
      .get() as { earliest: string | null; latest: string | null };
    return { articles, agencies, earliest: range.earliest, latest: range.latest };
  }

  /** The transport face: any method name and arguments in, an envelope out. */
  async call(method: string, args: unknown): Promise<Envelope<unknown>> {
    if (this.closed) return { ok: false, error: { code: 'unsupported', message: 'The engine is shut down.' } };
    if (!isMethodName(method)) return { ok: false, error: { code: 'bad_request', message: `Unknown method: ${String(method).slice(0, 80)}` } };
    return this.dispatch(method, args ?? {});
  }

  private async dispatch<M extends MethodName>(method: M, rawArgs: unknown): Promise<Envelope<MethodResult<M>>> {
    const checked = checkArgs(method, rawArgs);
    if (!checked.ok) return { ok: false, error: { code: 'bad_request', message: checked.message } };
    try {
      const handler = this.handlers[method] as (args: MethodArgs<M>) => MethodResult<M> | Promise<MethodResult<M>>;
      return { ok: true, result: await handler(checked.args) };
    } catch (error) {
      if (!(error instanceof WbFailure)) this.log(`wirebench: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: toWbError(error) };
    }
  }

  on(event: string, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        this.log(`wirebench: a listener of ${event} failed: ${String(error)}`);
      }
    }
  }

  /** Stops a running import (what it stored stays) and closes the corpus cleanly. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.importer.running) {
      this.importer.cancel();
      const deadline = Date.now() + 10_000;
      while (this.importer.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    }
    this.closed = true;
    try {
      this.db.pragma('optimize');
    } catch {
      // optimisation is a nicety; closing is what matters
    }
    this.db.close();
  }
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}
