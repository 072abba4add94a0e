import path from 'node:path';
import type { BriefingFormat } from '../../shared/api.ts';
import { dataDir, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { collectionId } from './collection.ts';

const FORMATS = ['md', 'html', 'docx', 'pdf'];

export const exportCommand: Command = {
  name: 'export',
  usage: 'wirebench export NAME --format md|html|docx|pdf --out FILE   a collection as a cited briefing',
  async run(argv) {
    const { values, positionals } = parse(argv, { format: { type: 'string' }, out: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('export needs one collection name: wirebench export NAME --format pdf --out FILE');
    const format = values.format ?? (values.out ? path.extname(values.out).slice(1).toLowerCase() : undefined);
    if (!format || !FORMATS.includes(format)) throw new UsageError('--format must be md, html, docx or pdf');
    if (!values.out) throw new UsageError('--out FILE is required');
    const target = path.resolve(values.out);
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const id = await collectionId(api, positionals[0]!);
      const result = await api.call('briefing.export', { collectionId: id, format: format as BriefingFormat, path: target });
      if (values.json) json(result);
      else out(`Wrote ${result.path} (${result.bytes} bytes).`);
      return 0;
    });
  },
};
