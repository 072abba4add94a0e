// Where Wirebench keeps its data when no --data-dir is given: the same per-user folder that
// Electron's app.getPath('userData') gives for an app named "Wirebench", so the desktop app,
// the CLI and web mode share one corpus by default.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Wirebench';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.WIREBENCH_DATA_DIR) return path.resolve(env.WIREBENCH_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export const CORPUS_FILE = 'corpus.sqlite';
