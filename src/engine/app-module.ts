// The application around the corpus: version and data folder, the bundled demo corpus, and
// the methods only a desktop shell can answer (the shells intercept those before the engine).
import type { EngineContext, EngineModule } from './context.ts';
import { demoArticlesDir, demoAttribution, demoAvailable } from './demo.ts';
import { WbFailure } from './errors.ts';
import type { Importer } from './ingest/importer.ts';
import { VERSION } from './version.ts';

export function createAppModule(ctx: EngineContext, importer: Importer): EngineModule {
  return {
    handlers: {
      'app.info': () => ({ version: VERSION, dataDir: ctx.dataDir, demoAvailable: demoAvailable(ctx.resourcesDir) }),
      'demo.load': () => {
        if (!demoAvailable(ctx.resourcesDir)) throw new WbFailure('not_found', 'This build of Wirebench has no demo corpus.');
        return importer.run([demoArticlesDir(ctx.resourcesDir)]);
      },
      'demo.attribution': () => demoAttribution(ctx.resourcesDir),
      'dialog.pickFolders': () => {
        throw new WbFailure('unsupported', 'There is no folder picker here; type the folder path on the machine running Wirebench.');
      },
      'dialog.saveFile': () => {
        throw new WbFailure('unsupported', 'There is no save dialog here; type the path of the file on the machine running Wirebench.');
      },
    },
  };
}
