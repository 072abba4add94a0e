import { dataDir, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { n } from '../format.ts';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'wirebench backup                         back the corpus up now (into <data>/backups)',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length) throw new UsageError(`backup takes no arguments (got ${positionals[0]})`);
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const backup = await api.call('backup.create', {});
      if (values.json) json(backup);
      else out(`Backed up to ${backup.path} (${n(Math.round(backup.bytes / 1024))} KB, checked).`);
      return 0;
    });
  },
};
