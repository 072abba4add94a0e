// The application around the corpus: version, data folder, demo corpus, native dialogs.
import type { ImportSummary } from './import.ts';

export interface AppInfo {
  version: string;
  /** The data folder holding the corpus (corpus.sqlite and its companions). */
  dataDir: string;
  /** Whether the bundled demo corpus is present in this build. */
  demoAvailable: boolean;
}

export interface DemoSource {
  /** Collection name, e.g. "English Wikinews 2019-20". */
  name: string;
  licence: string;
  licenceUrl: string | null;
  /** The credit line the licence asks for. */
  credit: string;
  articles: number;
}

export interface DemoArticleCredit {
  file: string;
  title: string;
  url: string;
  source: string;
}

export interface DemoAttribution {
  sources: DemoSource[];
  articles: DemoArticleCredit[];
  /** How the articles were changed, as CC BY asks. */
  changes: string;
}

export interface AppMethods {
  'app.info': { args: Record<string, never>; result: AppInfo };
  /** Imports the demo corpus shipped in resources/demo. */
  'demo.load': { args: Record<string, never>; result: ImportSummary };
  'demo.attribution': { args: Record<string, never>; result: DemoAttribution };
  /**
   * Opens the native folder picker (desktop app only; other shells answer "unsupported").
   * Returns the chosen folders, or none when the user cancelled.
   */
  'dialog.pickFolders': { args: Record<string, never>; result: { paths: string[] } };
  /**
   * Opens the native save dialog (desktop app only; other shells answer "unsupported"). Returns
   * the chosen path, or null when the user cancelled.
   */
  'dialog.saveFile': { args: { defaultName?: string; extensions?: string[] }; result: { path: string | null } };
}
