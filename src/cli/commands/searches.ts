import type { SearchOptions } from '../../shared/api.ts';
import { dataDir, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';

function describeOptions(o: SearchOptions): string {
  const parts = Object.entries(o).map(([k, v]) => (v === true ? `--${k}` : `--${k === 'language' ? 'lang' : k} ${String(v)}`));
  return parts.length ? `  ${parts.join(' ')}` : '';
}

export const searchesCommand: Command = {
  name: 'searches',
  usage: `wirebench searches [--delete NAME]        saved searches (save one with search --save NAME)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { delete: { type: 'string' } });
    if (positionals.length) throw new UsageError('searches takes no arguments; run a saved search with: wirebench search --saved NAME');
    return withEngine(dataDir(values['data-dir']), async (api) => {
      if (values.delete !== undefined) {
        const { deleted } = await api.call('searches.delete', { name: values.delete });
        if (values.json) json({ deleted });
        else out(deleted ? `Deleted "${values.delete}".` : `There is no saved search "${values.delete}".`);
        return deleted ? 0 : 1;
      }
      const { searches } = await api.call('searches.list', {});
      if (values.json) json(searches);
      else if (searches.length === 0) out('No saved searches. Save one with: wirebench search QUERY --save NAME');
      else for (const s of searches) out(`${s.name}: ${s.query}${describeOptions(s.options)}`);
      return 0;
    });
  },
};

export const historyCommand: Command = {
  name: 'history',
  usage: `wirebench history [--limit N] [--clear]   recent searches, newest first`,
  async run(argv) {
    const { values, positionals } = parse(argv, { limit: { type: 'string' }, clear: { type: 'boolean', default: false } });
    if (positionals.length) throw new UsageError('history takes no arguments');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit must be a whole number from 1 to 1000');
    return withEngine(dataDir(values['data-dir']), async (api) => {
      if (values.clear) {
        const r = await api.call('history.clear', {});
        if (values.json) json(r);
        else out(`Cleared ${r.cleared} ${r.cleared === 1 ? 'entry' : 'entries'}.`);
        return 0;
      }
      const { entries } = await api.call('history.list', { limit });
      if (values.json) json(entries);
      else for (const e of entries) out(`${e.at.slice(0, 16).replace('T', ' ')}  ${e.query}${describeOptions(e.options)}`);
      return 0;
    });
  },
};

export const variantsCommand: Command = {
  name: 'variants',
  usage: `wirebench variants [--set NAME SPELLING...] [--delete NAME]
                                           name-variant groups (Kyiv: Kiev Київ Киев)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { set: { type: 'string' }, delete: { type: 'string' } });
    if (values.set !== undefined && values.delete !== undefined) throw new UsageError('give --set or --delete, not both');
    if (values.set === undefined && positionals.length) throw new UsageError('spellings go with --set NAME: wirebench variants --set Kyiv Kiev Київ Киев');
    if (values.set !== undefined && positionals.length === 0) throw new UsageError('--set NAME needs the spellings after it');
    return withEngine(dataDir(values['data-dir']), async (api) => {
      if (values.set !== undefined) {
        const group = await api.call('variants.set', { name: values.set, variants: [values.set, ...positionals] });
        if (values.json) json(group);
        else out(`${group.name}: ${group.variants.join(', ')}`);
        return 0;
      }
      if (values.delete !== undefined) {
        const { deleted } = await api.call('variants.delete', { name: values.delete });
        if (values.json) json({ deleted });
        else out(deleted ? `Deleted "${values.delete}".` : `There is no group "${values.delete}".`);
        return deleted ? 0 : 1;
      }
      const { groups } = await api.call('variants.list', {});
      if (values.json) json(groups);
      else for (const g of groups) out(`${g.name}: ${g.variants.join(', ')}`);
      return 0;
    });
  },
};

export const reindexCommand: Command = {
  name: 'reindex',
  usage: `wirebench reindex                        rebuild the search index from the articles`,
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length) throw new UsageError('reindex takes no arguments');
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const tty = process.stderr.isTTY && !values.json;
      const off = api.on('onReindexProgress', (p) => {
        if (tty) process.stderr.write(`\r\x1b[2KReindexing… ${p.done}/${p.total} articles`);
      });
      try {
        const r = await api.call('search.reindex', {});
        if (tty) process.stderr.write('\r\x1b[2K');
        if (values.json) json(r);
        else out(`Reindexed ${r.articles} articles in ${(r.durationMs / 1000).toFixed(1)} s.`);
        return 0;
      } finally {
        off();
      }
    });
  },
};
