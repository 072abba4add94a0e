// The packaged app's Electron fuses (electron-builder.yml), read and validated by
// electron-builder itself, then turned into the fuse wire exactly as it does at package time.
// Packaging cannot run here (no Electron binary can be downloaded); this pins the config.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/temp.ts';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const { PlatformPackager } = require('app-builder-lib');
const { DebugLogger } = require('builder-util');

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  asar?: boolean;
  asarUnpack?: string[];
  files?: unknown;
  extraResources?: { from: string; to: string }[];
}

async function config(): Promise<BuilderConfig> {
  const loaded = (await getConfig(REPO, null, null)) as BuilderConfig;
  await validateConfiguration(loaded, new DebugLogger(false));
  return loaded;
}

describe('packaging (electron-builder.yml)', () => {
  it('sets every fuse', async () => {
    expect((await config()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is the fuse wire electron-builder writes into the binary', async () => {
    const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, (await config()).electronFuses);
    expect(wire.version).toBe(FuseVersion.V1);
    expect(wire[FuseV1Options.RunAsNode]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('packs the app into an asar archive (what the integrity fuses check), with only the built code', async () => {
    const c = await config();
    expect(c.asar).toBe(true);
    expect(c.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    expect(c.files).toEqual([{ filter: ['out/**', 'package.json', '!**/*.map'] }]);
    // Beside the archive: the demo corpus, and the FTS5 ranking function (a SQLite extension,
    // which cannot be loaded from inside the archive), where rank-function.ts looks for it.
    expect(c.extraResources).toEqual([
      { from: 'resources', to: 'resources' },
      { from: 'native-build', to: 'native' },
    ]);
  });

  it('builds on a current Electron (no older than the one the security review was done on)', () => {
    const { version } = require('electron/package.json') as { version: string };
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('rejects a misspelt fuse (electron-builder validates the file)', async () => {
    const c = await config();
    await expect(validateConfiguration({ ...c, electronFuses: { ...c.electronFuses, runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });
});

describe('the bundle (electron-vite build, out/main)', () => {
  it('has every worker the engine starts by path, where entryUrl finds it from a chunk', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const { entryUrl } = await import('../../src/engine/host/entry-url.ts');
    const main = path.join(REPO, 'out', 'main');
    // npm test builds before the unit tests run; a bare `vitest run` without a build skips this.
    if (!fs.existsSync(path.join(main, 'index.js'))) return;
    const fromChunk = pathToFileURL(path.join(main, 'chunks', 'engine.js')).href;
    for (const name of ['parse-worker', 'quick-check-worker', 'read-ahead-worker']) {
      expect(fs.existsSync(path.join(main, `${name}.js`))).toBe(true);
      expect(entryUrl(name, fromChunk).href).toBe(pathToFileURL(path.join(main, `${name}.js`)).href);
    }
  });
});
