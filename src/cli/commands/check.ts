import type { IntegrityReport } from '../../shared/api.ts';
import { dataDir, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';

function describe(report: IntegrityReport): string {
  const took = `${(report.durationMs / 1000).toFixed(1)} s`;
  if (report.ok && report.repaired.length === 0) return `The corpus is sound (integrity check and full-text index check passed in ${took}).`;
  if (report.ok) return `The corpus is sound. The full-text index (${report.repaired.join(', ')}) was damaged and has been rebuilt from the articles (${took}).`;
  return [`The corpus is damaged:`, ...report.problems.map((p) => `  ${p}`)].join('\n');
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'wirebench check                          full integrity check of the corpus',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length) throw new UsageError(`check takes no arguments (got ${positionals[0]})`);
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const health = await api.call('corpus.health', {});
      // Opening already set a damaged corpus aside: that is the answer, and the fresh corpus needs no check.
      if (health.state === 'recovered' || health.state === 'unavailable') {
        if (values.json) json({ ok: false, health });
        else out(health.message ?? 'The corpus could not be opened.');
        if (health.newestBackup && !values.json) out(`Restore it with: wirebench restore ${health.newestBackup.name}`);
        return 1;
      }
      const report = await api.call('corpus.check', {});
      if (values.json) json({ ok: report.ok, report, health: await api.call('corpus.health', {}) });
      else out(describe(report));
      if (!report.ok && !values.json) {
        const { backups } = await api.call('backup.list', {});
        if (backups[0]) out(`Restore a backup with: wirebench restore ${backups[0].name}`);
      }
      return report.ok ? 0 : 1;
    });
  },
};
