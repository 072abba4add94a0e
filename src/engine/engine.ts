// The engine: everything about the corpus behind the one contract. It opens the corpus
// carefully (integrity/open.ts), assembles the modules that implement the contract's methods,
// and answers every call with an envelope; it never throws across that boundary. When the
// corpus cannot be opened the engine still starts: the corpus methods answer with the reason,
// and the integrity methods (health, backups, restore) keep working, so the app never
// crash-loops and the user can get their corpus back.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackupInfo, CorpusHealth, Envelope, EventName, Events, IntegrityReport, MethodArgs, MethodName, MethodResult, SearchExportArgs, SearchExportResult, Transport } from '../shared/api.ts';
import { isMethodName, METHOD_NAMES } from '../shared/api.ts';
import { createAppModule } from './app-module.ts';
import type { EngineContext, EngineModule, Handler, Handlers } from './context.ts';
import { Collections } from './collections/service.ts';
import { createProvenanceIndexer } from './collections/provenance.ts';
import { createCompareModule } from './compare/module.ts';
import { createCorpusModule } from './corpus-module.ts';
import { latestVersion, type Migration } from './db/migrate.ts';
import { MIGRATIONS } from './db/migrations/index.ts';
import { corpusPath, type Db } from './db/open.ts';
import { demoAttribution, demoAvailable } from './demo.ts';
import { toWbError, WbFailure } from './errors.ts';
import { createImporter, createImportModule } from './ingest/module.ts';
import { NearDuplicates } from './ingest/near-duplicates.ts';
import type { PoolOptions } from './ingest/parser-pool.ts';
import { createBackup, DEFAULT_KEEP, findBackup, listBackups, newestGoodBackup, pruneBackups, verifyBackupFile } from './integrity/backups.ts';
import { fullCheck } from './integrity/checks.ts';
import { createIntegrityModule, INTEGRITY_METHODS, type CorpusControl } from './integrity/module.ts';
import { openCorpusGuarded, openCorpusGuardedSync, setAside, type GuardOptions, type OpenedCorpus } from './integrity/open.ts';
import { quickCheckInBackground } from './integrity/background-check.ts';
import { otherLiveSessions, removeMarkers } from './integrity/sessions.ts';
import { checkArgs } from './schemas.ts';
import { createFtsIndexer } from './search/fts-indexer.ts';
import type { ExportSink } from './search/export.ts';
import { createSearchModule, type SearchModule } from './search/module.ts';
import { SearchService } from './search/search.ts';
import { createQuoteIndexer } from './quotes/indexer.ts';
import { createCollectionsModule, createQuotesModule } from './quotes/module.ts';
import { QuoteSearch } from './quotes/search.ts';
import { ArticleStore } from './store/articles.ts';
import { ensureDerived } from './store/derived.ts';
import { restoreDeferredIndexes } from './db/deferred-indexes.ts';
import { VERSION } from './version.ts';

export interface AutoBackupOptions {
  /** A daily backup is due when the newest backup is older than this (default 24 h). */
  maxAgeMs?: number;
  /** How often to look (default 1 h), and how soon after opening the first time (default 2 min). */
  intervalMs?: number;
  firstCheckMs?: number;
}

export interface EngineOptions {
  dataDir: string;
  /** The folder holding the demo corpus and other bundled resources. */
  resourcesDir?: string;
  /** Where internal errors are logged (never sent to clients). */
  log?: (message: string) => void;
  /** Long-running shells (the desktop app, web mode) back the corpus up daily while in use. */
  autoBackup?: boolean | AutoBackupOptions;
  /** How many automatic backups to keep (default 7). */
  keepBackups?: number;
  /** The schema migrations (tests give broken ones). */
  migrations?: readonly Migration[];
  /** Parser worker limits (threads, time and memory per file). */
  parsers?: PoolOptions;
  /** Expected new articles from which an import sets slow-to-update indexes aside (importer.ts; tests make it small). */
  deferIndexesAt?: number;
  /** Corpora bigger than this (bytes) are quick_checked after opening, in a worker thread (see GuardOptions.deferCheckAbove). */
  deferCheckAbove?: number;
  /** Resume watching the stored watched folders (default true; the CLI's one-shot commands turn it off). */
  watch?: boolean;
}

/** resources/ at the top of the checkout, as seen from this file. */
export const DEFAULT_RESOURCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');

type Listener = (payload: unknown) => void;

interface Session {
  db: Db;
  store: ArticleStore;
  search: SearchModule;
  modules: EngineModule[];
  handlers: Partial<Handlers>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class Engine implements Transport {
  readonly dataDir: string;
  private readonly resourcesDir: string;
  private readonly log: (message: string) => void;
  private readonly migrations: readonly Migration[];
  private readonly keepBackups: number;
  private readonly options: EngineOptions;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly integrity: Partial<Handlers>;
  private corpus: OpenedCorpus;
  private session: Session | null = null;
  private restoring = false;
  private backupRunning: Promise<unknown> = Promise.resolve();
  private timers: ReturnType<typeof setTimeout>[] = [];
  private closed = false;
  /** Stops the deferred quick_check while it runs. */
  private stopCheck: (() => void) | null = null;

  /** `opened` comes from openEngine (asynchronous open); without it the corpus is opened here. */
  constructor(options: EngineOptions, opened?: OpenedCorpus) {
    this.options = options;
    this.dataDir = path.resolve(options.dataDir);
    this.log = options.log ?? ((message) => process.stderr.write(`${message}\n`));
    this.resourcesDir = options.resourcesDir ?? DEFAULT_RESOURCES_DIR;
    this.migrations = options.migrations ?? MIGRATIONS;
    this.keepBackups = options.keepBackups ?? DEFAULT_KEEP;
    this.corpus = opened ?? openCorpusGuardedSync(this.guardOptions());
    this.integrity = createIntegrityModule(this.control()).handlers;
    this.startSession();
    this.startDeferredCheck();
    if (options.autoBackup) this.scheduleBackups(options.autoBackup === true ? {} : options.autoBackup);
  }

  /** The open corpus. Throws when there is none (corpus.health says why). */
  get db(): Db {
    if (!this.session) throw this.unavailableFailure();
    return this.session.db;
  }

  /** The open corpus's article store. Throws when there is none. */
  get store(): ArticleStore {
    if (!this.session) throw this.unavailableFailure();
    return this.session.store;
  }

  get health(): CorpusHealth {
    return this.corpus.health;
  }

  private unavailableFailure(): WbFailure {
    const e = this.corpus.unavailable ?? { code: 'unavailable', message: this.corpus.health.message ?? 'The corpus is not open.' };
    return new WbFailure(e.code, e.message);
  }

  private startSession(): void {
    const db = this.corpus.db;
    if (!db) return;
    try {
      const store = new ArticleStore(db);
      const ctx: EngineContext = {
        db,
        dataDir: this.dataDir,
        resourcesDir: this.resourcesDir,
        store,
        emit: (event, payload) => this.emit(event, payload),
        log: this.log,
      };
      const ftsIndexer = createFtsIndexer(db);
      store.addIndexer(ftsIndexer);
      const nearDuplicates = new NearDuplicates(db);
      const nearDuplicateIndexer = nearDuplicates.indexer();
      store.addIndexer(nearDuplicateIndexer);
      const quoteIndexer = createQuoteIndexer(db);
      store.addIndexer(quoteIndexer);
      const collections = new Collections(db);
      collections.onChange = (ids) => this.emit('onCollectionsChanged', { collectionIds: ids });
      store.addIndexer(createProvenanceIndexer(db, (ids) => this.emit('onCollectionsChanged', { collectionIds: ids })));
      // Derived data of an older version (or never built, as after migration 0020) is rebuilt now.
      if (!db.readonly) {
        ensureDerived(db, [quoteIndexer, nearDuplicateIndexer], this.log);
        const built = restoreDeferredIndexes(db);
        if (built.length > 0) this.log(`wirebench: built the indexes an interrupted import had set aside: ${built.join(', ')}`);
        store.followHashIndex();
      }
      const search = new SearchService(db);
      const importer = createImporter(ctx, {
        nearDuplicates,
        ...(this.options.parsers ? { pool: this.options.parsers } : {}),
        ...(this.options.deferIndexesAt !== undefined ? { deferIndexesAt: this.options.deferIndexesAt } : {}),
      });
      const searchModule = createSearchModule(ctx, search, ftsIndexer);
      const modules = [
        createAppModule(ctx, importer),
        createCorpusModule(ctx, search, nearDuplicates),
        createImportModule(ctx, importer, { watch: this.options.watch ?? true }),
        searchModule,
        createQuotesModule(ctx, new QuoteSearch(db)),
        createCollectionsModule(ctx, collections),
        createCompareModule(ctx),
      ];
      this.session = { db, store, search: searchModule, modules, handlers: assemble(modules, INTEGRITY_METHODS) };
    } catch (error) {
      // A read-only corpus left at an old schema by a failed upgrade may lack what the modules
      // need; the engine still answers, with the reason.
      this.log(`wirebench: the corpus modules could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      db.close();
      removeMarkers(this.corpus.marker ? [this.corpus.marker] : []);
      const message = `${this.corpus.health.message ?? 'The corpus cannot be used.'} This version of Wirebench cannot read it as it is; restore a backup or update Wirebench.`;
      this.corpus = { db: null, marker: null, deferredCheck: false, unavailable: { code: 'unavailable', message }, health: { ...this.corpus.health, state: 'unavailable', message, schemaVersion: null } };
    }
  }

  /** The transport face: any method name and arguments in, an envelope out. */
  async call(method: string, args: unknown): Promise<Envelope<unknown>> {
    if (this.closed) return { ok: false, error: { code: 'unsupported', message: 'The engine is shut down.' } };
    if (!isMethodName(method)) return { ok: false, error: { code: 'bad_request', message: `Unknown method: ${String(method).slice(0, 80)}` } };
    return this.dispatch(method, args ?? {});
  }

  private handlerFor<M extends MethodName>(method: M): Handler<M> {
    const own = this.integrity[method];
    if (own) return own as Handler<M>;
    if (this.restoring) throw new WbFailure('busy', 'A backup is being restored; try again in a moment.');
    const handler = this.session?.handlers[method] ?? (this.fallback[method] as Handler<M> | undefined);
    if (!handler) throw this.unavailableFailure();
    return handler as Handler<M>;
  }

  /** What still works without a corpus: the app's own information. */
  private readonly fallback: Partial<Handlers> = {
    'app.info': () => ({ version: VERSION, dataDir: this.dataDir, demoAvailable: demoAvailable(this.resourcesDir) }),
    'demo.attribution': () => demoAttribution(this.resourcesDir),
  };

  private async dispatch<M extends MethodName>(method: M, rawArgs: unknown): Promise<Envelope<MethodResult<M>>> {
    const checked = checkArgs(method, rawArgs);
    if (!checked.ok) return { ok: false, error: { code: 'bad_request', message: checked.message } };
    try {
      const handler = this.handlerFor(method);
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
    if (!this.session) throw this.unavailableFailure();
    return this.session.search.exportTo(args, sink);
  }

  /** Resolves when the search index is current (it is rebuilt in the background after an upgrade). */
  indexReady(): Promise<void> {
    return this.session ? this.session.search.indexReady() : Promise.resolve();
  }

  /** Merges the full-text indexes' segments now when worth it (it also happens by itself after imports). */
  async mergeIndexSegments(): Promise<void> {
    await Promise.all((this.session?.modules ?? []).map((m) => m.upkeep?.()));
  }

  private emit<E extends EventName>(event: E, payload: Events[E]): void {
    if (event === 'onCorpusChanged') for (const module of this.session?.modules ?? []) module.corpusChanged?.();
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        this.log(`wirebench: a listener of ${event} failed: ${String(error)}`);
      }
    }
  }

  private guardOptions(knownDamage?: string[]): GuardOptions {
    return { dataDir: this.dataDir, migrations: this.migrations, keepBackups: this.keepBackups, deferCheckAbove: this.options.deferCheckAbove, log: this.log, knownDamage };
  }

  /**
   * The quick_check a big corpus skipped at open (OpenedCorpus.deferredCheck), run now in a
   * worker thread while the engine answers. Damage found is handled as at open: the corpus is
   * set aside with its -wal and -shm, a new empty one opens, the newest good backup is offered.
   */
  private startDeferredCheck(): void {
    const corpus = this.corpus;
    if (!corpus.deferredCheck || !this.session) return;
    corpus.deferredCheck = false;
    corpus.health.checking = true;
    const check = quickCheckInBackground(corpusPath(this.dataDir));
    this.stopCheck = check.stop;
    const stillCurrent = (): boolean => this.corpus === corpus && !this.closed;
    check.result.then(
      async (report) => {
        if (!stillCurrent()) return;
        this.stopCheck = null;
        corpus.health.checking = false;
        corpus.health.lastCheck = report;
        if (report.ok) return this.healthChanged();
        this.log(`wirebench: the quick_check after opening found the corpus damaged: ${report.problems[0]}`);
        await this.closeSession();
        this.corpus = await openCorpusGuarded(this.guardOptions(report.problems));
        this.startSession();
        this.healthChanged();
        this.emit('onCorpusChanged', { articles: this.session?.store.total() ?? 0 });
      },
      (error: unknown) => {
        if (!stillCurrent()) return;
        this.stopCheck = null;
        corpus.health.checking = false;
        this.log(`wirebench: the quick_check after opening could not run: ${error instanceof Error ? error.message : String(error)}`);
        this.healthChanged();
      },
    );
  }

  private healthChanged(): void {
    this.emit('onCorpusHealth', this.corpus.health);
  }

  // ---- integrity: checks, backups, restore ----

  private control(): CorpusControl {
    return {
      health: () => this.corpus.health,
      check: () => this.check(),
      listBackups: () => ({ folder: path.join(this.dataDir, 'backups'), backups: listBackups(this.dataDir) }),
      backup: () => this.backup('manual'),
      restore: (name) => this.restore(name),
    };
  }

  private check(): IntegrityReport {
    const db = this.db;
    const report = fullCheck(db, { repair: !db.readonly });
    const health = this.corpus.health;
    health.lastCheck = report;
    if (!report.ok) {
      const backup = newestGoodBackup(this.dataDir, latestVersion(this.migrations));
      health.newestBackup = backup;
      health.message = `The full check found the corpus damaged (${report.problems[0]}). ` + (backup ? `Restore the backup of ${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC.` : 'There is no backup to restore; export what you need.');
      this.healthChanged();
    } else if (report.repaired.length) {
      health.message = `The full check found the full-text index (${report.repaired.join(', ')}) damaged and rebuilt it from the articles; nothing was lost.`;
      // The search index is rebuilt in the background (searches say so meanwhile).
      void this.session?.search.indexReady();
      this.healthChanged();
    }
    return report;
  }

  /** One backup at a time: the next waits for the one running. */
  private backup(reason: 'daily' | 'manual' | 'pre-restore'): Promise<BackupInfo> {
    const run = this.backupRunning.then(async () => {
      const db = this.db;
      const backup = await createBackup(db, this.dataDir, reason);
      pruneBackups(this.dataDir, this.keepBackups);
      this.corpus.health.newestBackup = backup;
      return backup;
    });
    this.backupRunning = run.catch(() => {});
    return run;
  }

  private scheduleBackups(options: AutoBackupOptions): void {
    const maxAge = options.maxAgeMs ?? DAY_MS;
    const tick = async (): Promise<void> => {
      if (this.closed || this.restoring || !this.session || this.session.db.readonly) return;
      const newest = listBackups(this.dataDir)[0];
      if (newest && Date.now() - Date.parse(newest.createdAt) < maxAge) return;
      if (this.session.store.total() === 0) return;
      try {
        await this.backup('daily');
      } catch (error) {
        this.log(`wirebench: the daily backup failed: ${(error as Error).message}`);
        this.corpus.health.message = `The daily backup failed: ${(error as Error).message}`;
        this.healthChanged();
      }
    };
    const first = setTimeout(() => void tick(), options.firstCheckMs ?? 2 * 60_000);
    const every = setInterval(() => void tick(), options.intervalMs ?? 60 * 60_000);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) {
      for (const module of session.modules) await module.close?.();
      if (!session.db.readonly) {
        try {
          session.db.pragma('optimize');
        } catch {
          // optimisation is a nicety; closing is what matters
        }
      }
      session.db.close();
    }
    if (this.corpus.marker) removeMarkers([this.corpus.marker]);
  }

  private async restore(name: string): Promise<CorpusHealth> {
    if (this.restoring) throw new WbFailure('busy', 'A backup is already being restored.');
    const backup = findBackup(this.dataDir, name);
    const latest = latestVersion(this.migrations);
    if (backup.schemaVersion > latest) throw new WbFailure('newer_database', `The backup ${name} was written by a newer Wirebench (schema ${backup.schemaVersion}); update Wirebench to restore it.`);
    const problems = verifyBackupFile(backup.path);
    if (problems.length) throw new WbFailure('bad_request', `The backup ${name} failed its check (${problems[0]}); choose another.`);
    const others = otherLiveSessions(this.dataDir);
    if (others.length) throw new WbFailure('busy', `Another Wirebench process (pid ${others.map((o) => o.pid).join(', ')}) has this corpus open; close it, then restore.`);

    this.restoring = true;
    try {
      await this.backupRunning;
      // Keep what is being replaced: as a backup when it can be read, set aside otherwise.
      let savedAs: BackupInfo | null = null;
      const current = this.session;
      if (current) {
        try {
          savedAs = await createBackup(current.db, this.dataDir, 'pre-restore');
        } catch (error) {
          this.log(`wirebench: could not back up the corpus before restoring: ${(error as Error).message}`);
        }
      }
      this.stopCheck?.();
      this.stopCheck = null;
      await this.closeSession();
      const file = corpusPath(this.dataDir);
      const incoming = `${file}.restoring`;
      try {
        // The copy first: if it fails (disk full), the current corpus is still in place.
        fs.copyFileSync(backup.path, incoming);
        if (fs.existsSync(file)) {
          if (savedAs) for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
          else setAside(this.dataDir, [`replaced by the backup ${name}`]);
        }
        fs.renameSync(incoming, file);
      } catch (error) {
        fs.rmSync(incoming, { force: true, recursive: true });
        this.corpus = await openCorpusGuarded(this.guardOptions());
        this.startSession();
        this.startDeferredCheck();
        throw new WbFailure('internal', `The backup could not be restored (${error instanceof Error ? error.message : String(error)}); the corpus is as it was.`);
      }
      this.corpus = await openCorpusGuarded(this.guardOptions());
      this.startSession();
      this.startDeferredCheck();
      pruneBackups(this.dataDir, this.keepBackups);
      if (savedAs && this.corpus.health.state === 'ok') this.corpus.health.newestBackup = savedAs;
    } finally {
      this.restoring = false;
    }
    this.healthChanged();
    this.emit('onCorpusChanged', { articles: this.session?.store.total() ?? 0 });
    return this.corpus.health;
  }

  /** Stops running work (what an import stored stays) and closes the corpus cleanly. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopCheck?.();
    for (const t of this.timers) clearTimeout(t);
    await this.backupRunning;
    await this.closeSession();
  }
}

/** Every method handled exactly once across the modules (and the engine's own). */
function assemble(modules: EngineModule[], own: readonly MethodName[]): Handlers {
  const handlers: Partial<Handlers> = {};
  for (const module of modules) {
    for (const [method, handler] of Object.entries(module.handlers)) {
      if (method in handlers || own.includes(method as MethodName)) throw new Error(`two engine modules handle ${method}`);
      (handlers as Record<string, unknown>)[method] = handler;
    }
  }
  const missing = METHOD_NAMES.filter((m) => !(m in handlers) && !own.includes(m));
  if (missing.length) throw new Error(`no engine module handles ${missing.join(', ')}`);
  return handlers as Handlers;
}

/** Opens the engine synchronously (tests, scripts); a corpus that needs an upgrade is backed up with VACUUM INTO. */
export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}

/** Opens the engine the way the shells do: the pre-migration backup uses the online backup API. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const dataDir = path.resolve(options.dataDir);
  const opened = await openCorpusGuarded({
    dataDir,
    migrations: options.migrations ?? MIGRATIONS,
    keepBackups: options.keepBackups,
    deferCheckAbove: options.deferCheckAbove,
    log: options.log ?? ((m) => process.stderr.write(`${m}\n`)),
  });
  return new Engine(options, opened);
}

