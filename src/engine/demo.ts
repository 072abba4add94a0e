// The demo corpus shipped in resources/demo: openly licensed articles (see its ATTRIBUTION.md)
// and the attribution data the app shows.
import fs from 'node:fs';
import path from 'node:path';
import type { DemoAttribution } from '../shared/api.ts';
import { WbFailure } from './errors.ts';

export function demoDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'demo');
}

export function demoArticlesDir(resourcesDir: string): string {
  return path.join(demoDir(resourcesDir), 'articles');
}

export function demoAvailable(resourcesDir: string): boolean {
  return fs.existsSync(demoArticlesDir(resourcesDir));
}

export function demoAttribution(resourcesDir: string): DemoAttribution {
  const file = path.join(demoDir(resourcesDir), 'attribution.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoAttribution;
  } catch {
    throw new WbFailure('not_found', 'This build of Wirebench has no demo corpus.');
  }
}
