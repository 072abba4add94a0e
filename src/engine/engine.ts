// The engine: everything about the corpus behind the one contract. It opens the corpus,
// assembles the modules that implement the contract's methods, and answers every call with
// an envelope; it never throws across that boundary.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope, EventName, Events, MethodArgs, MethodName, MethodResult, SearchExportArgs, SearchExportResult, Transport } from '../shared/api.ts';
import type { ExportSink } from './search/export.ts';
import { isMethodName, METHOD_NAMES } from '../shared/api.ts';
import { createAppModule } from './app-module.ts';
import type { EngineContext, EngineModule, Handler, Handlers } from './context.ts';
import { createCorpusModule } from './corpus-module.ts';
import { openCorpus, type Db } from './db/open.ts';
import { toWbError, WbFailure } from './errors.ts';
import { createImporter, createImportModule } from './ingest/module.ts';
import { checkArgs } from './schemas.ts';
import { createFtsIndexer } from './search/fts-indexer.ts';
import { createSearchModule, type SearchModule } from './search/module.ts';
import { SearchService } from './search/search.ts';
import { ArticleStore } from './store/articles.ts';

export interface EngineOptions {
  dataDir: string;
  /** The folder holding the demo corpus and other bundled resources. */
  resourcesDir?: string;
  /** Where internal errors are logged (never sent to clients). */
  log?: (message: string) => void;
}

/** resources/ at the top of the checkout, as seen from this file. */
export const DEFAULT_RESOURCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');

type Listener = (payload: unknown) => void;

export class Engine implements Transport {
  readonly dataDir: string;
  readonly db: Db;
  private readonly log: (message: string) => void;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly modules: EngineModule[];
  private readonly handlers: Handlers;
  private readonly searchModule: SearchModule;
  private closed = false;

  constructor(options: EngineOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.log = options.log ?? ((message) => process.stderr.write(`${message}\n`));
    this.db = openCorpus({ dataDir: this.dataDir });
    const store = new ArticleStore(this.db);
    const ctx: EngineContext = {
      db: this.db,
      dataDir: this.dataDir,
      resourcesDir: options.resourcesDir ?? DEFAULT_RESOURCES_DIR,
      store,
      emit: (event, payload) => this.emit(event, payload),
      log: this.log,
    };
    const ftsIndexer = createFtsIndexer(this.db);
    store.addIndexer(ftsIndexer);
    const search = new SearchService(this.db);
    const importer = createImporter(ctx);
    this.searchModule = createSearchModule(ctx, search, ftsIndexer);
    this.modules = [createAppModule(ctx, importer), createCorpusModule(ctx, search), createImportModule(importer), this.searchModule];
    this.handlers = assemble(this.modules);
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
      const handler = this.handlers[method] as Handler<M>;
      return { ok: true, result: await handler(checked.args as MethodArgs<M>) };
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

  /** Exports a whole result list to a sink in this process (the CLI's stdout); see search.export. */
  exportSearch(args: Omit<SearchExportArgs, 'path'>, sink: ExportSink): Promise<SearchExportResult> {
    return this.searchModule.exportTo(args, sink);
  }

  /** Resolves when the search index is current (it is rebuilt in the background after an upgrade). */
  indexReady(): Promise<void> {
    return this.searchModule.indexReady();
  }

  private emit<E extends EventName>(event: E, payload: Events[E]): void {
    if (event === 'onCorpusChanged') for (const module of this.modules) module.corpusChanged?.();
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        this.log(`wirebench: a listener of ${event} failed: ${String(error)}`);
      }
    }
  }

  /** Stops running work (what an import stored stays) and closes the corpus cleanly. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const module of this.modules) await module.close?.();
    try {
      this.db.pragma('optimize');
    } catch {
      // optimisation is a nicety; closing is what matters
    }
    this.db.close();
  }
}

/** Every method handled exactly once across the modules. */
function assemble(modules: EngineModule[]): Handlers {
  const handlers: Partial<Handlers> = {};
  for (const module of modules) {
    for (const [method, handler] of Object.entries(module.handlers)) {
      if (method in handlers) throw new Error(`two engine modules handle ${method}`);
      (handlers as Record<string, unknown>)[method] = handler;
    }
  }
  const missing = METHOD_NAMES.filter((m) => !(m in handlers));
  if (missing.length) throw new Error(`no engine module handles ${missing.join(', ')}`);
  return handlers as Handlers;
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}
