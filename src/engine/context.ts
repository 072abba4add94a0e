// What every engine module gets: the open corpus, the article store, and the means to emit
// events and log. Modules (search, import, and later quotes, compare, ...) each contribute
// handlers for their part of the contract; engine.ts only assembles them.
import type { EventName, Events, MethodArgs, MethodName, MethodResult } from '../shared/api.ts';
import type { Db } from './db/open.ts';
import type { ArticleStore } from './store/articles.ts';

export interface EngineContext {
  db: Db;
  dataDir: string;
  resourcesDir: string;
  store: ArticleStore;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  log(message: string): void;
}

export type Handler<M extends MethodName> = (args: MethodArgs<M>) => MethodResult<M> | Promise<MethodResult<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface EngineModule {
  handlers: Partial<Handlers>;
  /** Called when the set of articles changed (after an import, say): drop cached figures. */
  corpusChanged?(): void;
  /**
   * Runs now the upkeep the module otherwise does in the background after imports (merging
   * its full-text index's segments); resolves when done.
   */
  upkeep?(): Promise<void>;
  /** Called when the engine shuts down (stop work, release resources). */
  close?(): Promise<void> | void;
}
