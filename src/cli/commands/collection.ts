import type { Client, Collection } from '../../shared/api.ts';
import { dataDir, intOption, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { metaLine } from '../format.ts';

const SUB = 'create NAME | add NAME QUOTE_ID... | list | show NAME | rename NAME NEW | delete NAME | undo | redo';

export async function collectionId(api: Client, name: string): Promise<number> {
  const { collections } = await api.call('collections.list', {});
  const found = collections.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new Error(`There is no collection called "${name}" (wirebench collection list shows them).`);
  return found.id;
}

export const collectionCommand: Command = {
  name: 'collection',
  usage: `wirebench collection ${SUB}
                         [--note TEXT] [--tag TAG]... (for add)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { note: { type: 'string' }, tag: { type: 'string', multiple: true } });
    const [sub, ...rest] = positionals;
    const need = (count: number, what: string): void => {
      if (rest.length !== count) throw new UsageError(`collection ${sub} needs ${what}`);
    };
    switch (sub) {
      case 'create':
        need(1, 'a name: wirebench collection create NAME');
        break;
      case 'show':
      case 'delete':
        need(1, `a collection name: wirebench collection ${sub} NAME`);
        break;
      case 'rename':
        need(2, 'the name and the new name: wirebench collection rename NAME NEW');
        break;
      case 'add':
        if (rest.length < 2) throw new UsageError('collection add needs a name and quote ids: wirebench collection add NAME QUOTE_ID...');
        break;
      case 'list':
      case 'undo':
      case 'redo':
        need(0, 'no arguments');
        break;
      default:
        throw new UsageError(`collection needs one of: ${SUB}`);
    }
    const quoteIds = sub === 'add' ? rest.slice(1).map((id) => intOption(id, 'quote id', 1, Number.MAX_SAFE_INTEGER)!) : [];
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const report = (value: unknown, text: string): void => (values.json ? json(value) : out(text));
      switch (sub) {
        case 'create': {
          const c = await api.call('collections.create', { name: rest[0]! });
          report(c, `Created collection "${c.name}" (#${c.id}).`);
          break;
        }
        case 'add': {
          const id = await collectionId(api, rest[0]!);
          const { items } = await api.call('collections.addItems', {
            collectionId: id,
            items: quoteIds.map((quoteId) => ({ quoteId })),
            ...(values.note !== undefined && { note: values.note }),
            ...(values.tag !== undefined && { tags: values.tag }),
          });
          report({ items }, `Added ${items.length} ${items.length === 1 ? 'item' : 'items'} to "${rest[0]}".`);
          break;
        }
        case 'list': {
          const { collections } = await api.call('collections.list', {});
          report(
            { collections },
            collections.length ? collections.map((c) => `${c.name}  (${c.items} ${c.items === 1 ? 'item' : 'items'}${c.flagged ? `, ${c.flagged} flagged` : ''})`).join('\n') : 'No collections yet (wirebench collection create NAME).',
          );
          break;
        }
        case 'show': {
          const c = await api.call('collections.get', { id: await collectionId(api, rest[0]!) });
          report(c, formatCollection(c));
          break;
        }
        case 'rename': {
          const c = await api.call('collections.rename', { id: await collectionId(api, rest[0]!), name: rest[1]! });
          report(c, `Renamed to "${c.name}".`);
          break;
        }
        case 'delete': {
          await api.call('collections.delete', { id: await collectionId(api, rest[0]!) });
          report({ deleted: true }, `Deleted "${rest[0]}" (wirebench collection undo brings it back).`);
          break;
        }
        case 'undo':
        case 'redo': {
          const before = await api.call('collections.history', {});
          const label = sub === 'undo' ? before.undoLabel : before.redoLabel;
          const state = await api.call(sub === 'undo' ? 'collections.undo' : 'collections.redo', {});
          report(state, `${sub === 'undo' ? 'Undid' : 'Redid'}: ${label}`);
          break;
        }
      }
      return 0;
    });
  },
};

const FLAGS = { ok: '', source_changed: '  [source changed]', source_removed: '  [source removed]' } as const;

function formatCollection(c: Collection): string {
  const lines = [`${c.name}: ${c.itemList.length} ${c.itemList.length === 1 ? 'item' : 'items'}`];
  c.itemList.forEach((item, k) => {
    lines.push('', `${k + 1}. “${item.text.replace(/\s+/g, ' ')}”${FLAGS[item.status]}`);
    lines.push(`   — ${[item.speaker ?? 'unattributed', item.description].filter(Boolean).join(', ')}; ${item.headline} · ${metaLine(item)}${item.articleId ? ` · article #${item.articleId}` : ''}`);
    if (item.note) lines.push(`   Note: ${item.note}`);
    if (item.tags.length) lines.push(`   Tags: ${item.tags.join(', ')}`);
  });
  return lines.join('\n');
}
