// Every command of the CLI, in the order `wirebench --help` lists them.
import type { Command } from '../args.ts';
import { importCommand } from './import.ts';
import { searchCommand } from './search.ts';
import { historyCommand, reindexCommand, searchesCommand, variantsCommand } from './searches.ts';
import { serveCommand } from './serve.ts';
import { showCommand } from './show.ts';
import { statsCommand } from './stats.ts';

export const COMMANDS: Command[] = [importCommand, searchCommand, searchesCommand, historyCommand, variantsCommand, showCommand, statsCommand, reindexCommand, serveCommand];
