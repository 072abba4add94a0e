// Importing: runs, cancellation.
import type { EngineContext, EngineModule } from '../context.ts';
import { Importer } from './importer.ts';

export function createImporter(ctx: EngineContext): Importer {
  return new Importer(ctx.db, ctx.store, {
    progress: (p) => ctx.emit('onImportProgress', p),
    finished: (s) => ctx.emit('onImportFinished', s),
    corpusChanged: () => ctx.emit('onCorpusChanged', { articles: ctx.store.total() }),
  });
}

export function createImportModule(importer: Importer): EngineModule {
  return {
    handlers: {
      'import.run': ({ paths }) => importer.run(paths),
      'import.cancel': () => ({ cancelled: importer.cancel() }),
    },
    close: () => importer.stop(),
  };
}
