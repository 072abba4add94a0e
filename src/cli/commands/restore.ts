import fs from 'node:fs';
import path from 'node:path';
import { adoptBackupFile, backupsDir } from '../../engine/integrity/backups.ts';
import { dataDir, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { n } from '../format.ts';

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'wirebench restore [BACKUP]               list the backups, or restore one (a name or a file)',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length > 1) throw new UsageError('restore takes at most one backup: wirebench restore [NAME|FILE]');
    const dir = dataDir(values['data-dir']);
    let name = positionals[0];
    // A file from elsewhere (a copy kept on another disk) is checked and copied in first.
    if (name !== undefined && (name.includes('/') || name.includes(path.sep)) && path.dirname(path.resolve(name)) !== backupsDir(dir)) {
      if (!fs.existsSync(name)) throw new UsageError(`no such file: ${name}`);
      name = adoptBackupFile(dir, path.resolve(name)).name;
    } else if (name !== undefined) {
      name = path.basename(name);
    }
    return withEngine(dir, async (api) => {
      if (name === undefined) {
        const list = await api.call('backup.list', {});
        if (values.json) {
          json(list);
          return 0;
        }
        if (list.backups.length === 0) {
          out(`No backups in ${list.folder} yet. Make one with: wirebench backup`);
          return 0;
        }
        out(`Backups in ${list.folder}, newest first:`);
        for (const b of list.backups) out(`  ${b.name}  ${b.createdAt.slice(0, 19).replace('T', ' ')} UTC  ${b.reason}  ${n(Math.round(b.bytes / 1024))} KB`);
        out('Restore one with: wirebench restore NAME');
        return 0;
      }
      const health = await api.call('backup.restore', { name });
      const stats = await api.call('corpus.stats', {});
      if (values.json) json({ restored: name, health, articles: stats.articles });
      else out(`Restored ${name}: ${n(stats.articles)} articles.${health.newestBackup?.reason === 'pre-restore' ? ` The corpus it replaced was saved as ${health.newestBackup.name}.` : ''}`);
      return health.state === 'ok' ? 0 : 1;
    });
  },
};
