// Every command of the CLI, in the order `wirebench --help` lists them.
import type { Command } from '../args.ts';
import { backupCommand } from './backup.ts';
import { checkCommand } from './check.ts';
import { collectionCommand } from './collection.ts';
import { compareCommand } from './compare.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { quotesCommand } from './quotes.ts';
import { restoreCommand } from './restore.ts';
import { searchCommand } from './search.ts';
import { historyCommand, reindexCommand, searchesCommand, variantsCommand } from './searches.ts';
import { serveCommand } from './serve.ts';
import { showCommand } from './show.ts';
import { similarCommand } from './similar.ts';
import { statsCommand } from './stats.ts';

export const COMMANDS: Command[] = [
  importCommand,
  searchCommand,
  searchesCommand,
  historyCommand,
  variantsCommand,
  showCommand,
  compareCommand,
  similarCommand,
  statsCommand,
  quotesCommand,
  collectionCommand,
  exportCommand,
  reindexCommand,
  serveCommand,
  checkCommand,
  backupCommand,
  restoreCommand,
];
