// Every command of the CLI, in the order `wirebench --help` lists them.
import type { Command } from '../args.ts';
import { backupCommand } from './backup.ts';
import { checkCommand } from './check.ts';
import { importCommand } from './import.ts';
import { restoreCommand } from './restore.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { showCommand } from './show.ts';
import { statsCommand } from './stats.ts';

export const COMMANDS: Command[] = [importCommand, searchCommand, showCommand, statsCommand, serveCommand, checkCommand, backupCommand, restoreCommand];
