// Collections: the list on the left; on the right the chosen collection's items, reordered by
// drag and drop (or the keyboard), moved between collections, annotated, and the briefing
// builder with its exports. Every change can be undone (buttons, Ctrl+Z, Ctrl+Shift+Z).
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useRef, useState } from 'react';
import { api, shell, type BriefingSettings, type Collection, type CollectionItem, type BriefingFormat } from '../api/index.ts';
import type { CollectionsState } from '../hooks/use-collections.ts';
import { isTypingTarget, modalOpen, useHotkeys } from '../hooks/use-hotkeys.ts';
import { formatPublished } from '../lib/dates.ts';
import { base64ToBytes, moveInList, parseTags } from '../lib/quotes.ts';

export interface CollectionsViewProps {
  state: CollectionsState;
  notify(message: string): void;
  reportError(title: string, error: unknown): void;
  onOpenArticle(articleId: number, start: number, end: number): void;
}

const STATUS_TEXT = { ok: '', source_changed: 'Source changed', source_removed: 'Source removed' } as const;
const STATUS_HINT = {
  ok: '',
  source_changed: 'The article was re-imported with changes; this text was found again in it and is unchanged here.',
  source_removed: 'The article is gone or no longer holds this text; the item keeps its text and citation.',
} as const;

export function CollectionsView({ state, notify, reportError, onOpenArticle }: CollectionsViewProps) {
  const { collections, undo } = state;
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [collection, setCollection] = useState<Collection | null>(null);
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const selected = collections.find((c) => c.id === selectedId) ?? collections[0] ?? null;

  useEffect(() => {
    if (!selected) return setCollection(null);
    let live = true;
    api.call('collections.get', { id: selected.id }).then(
      (c) => live && setCollection(c),
      (error: unknown) => live && reportError('Could not open the collection', error),
    );
    return () => {
      live = false;
    };
  }, [selected?.id, state.version, reportError]);

  const run = async (title: string, work: () => Promise<unknown>, done?: string): Promise<void> => {
    try {
      await work();
      if (done) notify(done);
    } catch (error) {
      reportError(title, error);
    }
  };

  const doUndo = (): void => void run('Could not undo', () => api.call('collections.undo', {}), undo.undoLabel ? `Undone: ${undo.undoLabel}` : undefined);
  const doRedo = (): void => void run('Could not redo', () => api.call('collections.redo', {}), undo.redoLabel ? `Redone: ${undo.redoLabel}` : undefined);

  useHotkeys((event) => {
    if (modalOpen() || isTypingTarget(event.target) || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
    event.preventDefault();
    if (event.shiftKey) {
      if (undo.canRedo) doRedo();
    } else if (undo.canUndo) doUndo();
  });

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const onDragEnd = (event: DragEndEvent): void => {
    if (!collection || !event.over || event.active.id === event.over.id) return;
    const ids = collection.itemList.map((i) => i.id);
    const from = ids.indexOf(Number(event.active.id));
    const to = ids.indexOf(Number(event.over.id));
    if (from < 0 || to < 0) return;
    // Show the new order at once; the engine's answer (or an error) follows.
    setCollection({ ...collection, itemList: moveInList(collection.itemList, from, to) });
    void run('Could not reorder', () => api.call('collections.moveItem', { itemId: Number(event.active.id), position: to }));
  };

  return (
    <div className="collections-view">
      <nav className="collections-list" aria-label="Collections">
        <div className="collections-toolbar">
          <button type="button" className="button button-quiet button-small" onClick={doUndo} disabled={!undo.canUndo} title={undo.undoLabel ? `Undo: ${undo.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
            Undo
          </button>
          <button type="button" className="button button-quiet button-small" onClick={doRedo} disabled={!undo.canRedo} title={undo.redoLabel ? `Redo: ${undo.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
            Redo
          </button>
        </div>
        <ul>
          {collections.map((c) => (
            <li key={c.id}>
              <button type="button" className={`collection-entry${selected?.id === c.id ? ' is-selected' : ''}`} aria-current={selected?.id === c.id || undefined} onClick={() => setSelectedId(c.id)}>
                <span className="collection-name">{c.name}</span>
                <span className="collection-count">
                  {c.items}
                  {c.flagged > 0 && <span className="flag-dot" title={`${c.flagged} flagged`} />}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <form
          className="collection-new"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newName.trim();
            if (!name) return;
            void run('Could not create the collection', async () => {
              const c = await api.call('collections.create', { name });
              setSelectedId(c.id);
              setNewName('');
            });
          }}
        >
          <input className="input input-small" aria-label="New collection name" placeholder="New collection" value={newName} onChange={(e) => setNewName(e.target.value)} />
          <button type="submit" className="button button-small" disabled={!newName.trim()}>
            Create
          </button>
        </form>
      </nav>
      {collection ? (
        <div className="collection-detail">
          <section className="collection-items" aria-label={`Items of ${collection.name}`}>
            <header className="collection-header">
              {renaming === null ? (
                <h2>{collection.name}</h2>
              ) : (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run('Could not rename', () => api.call('collections.rename', { id: collection.id, name: renaming })).then(() => setRenaming(null));
                  }}
                >
                  <input className="input" aria-label="Collection name" value={renaming} onChange={(e) => setRenaming(e.target.value)} autoFocus />
                </form>
              )}
              <button type="button" className="button button-quiet button-small" onClick={() => setRenaming(renaming === null ? collection.name : null)}>
                {renaming === null ? 'Rename' : 'Cancel'}
              </button>
              <button type="button" className="button button-quiet button-small" onClick={() => void run('Could not delete', () => api.call('collections.delete', { id: collection.id }), `Deleted ${collection.name} (Undo brings it back)`)}>
                Delete
              </button>
            </header>
            {collection.itemList.length === 0 ? (
              <p className="collection-empty">Nothing here yet. Collect quotes in the Quotes view, or select a passage in the reader and choose a collection.</p>
            ) : (
              <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
                <SortableContext items={collection.itemList.map((i) => i.id)} strategy={verticalListSortingStrategy}>
                  <ol className="item-list">
                    {collection.itemList.map((item, k) => (
                      <SortableItem
                        key={item.id}
                        item={item}
                        index={k}
                        count={collection.itemList.length}
                        others={collections.filter((c) => c.id !== collection.id)}
                        showSection={collection.briefing.groupBy === 'section'}
                        run={run}
                        onOpen={() => item.articleId !== null && onOpenArticle(item.articleId, item.start, item.end)}
                      />
                    ))}
                  </ol>
                </SortableContext>
              </DndContext>
            )}
          </section>
          <BriefingBuilder key={collection.id} collection={collection} run={run} notify={notify} reportError={reportError} />
        </div>
      ) : (
        <div className="collection-detail collection-none">
          <p>Create a collection on the left, then collect quotes into it from the Quotes view or the reader.</p>
        </div>
      )}
    </div>
  );
}

type Run = (title: string, work: () => Promise<unknown>, done?: string) => Promise<void>;

function SortableItem({ item, index, count, others, showSection, run, onOpen }: { item: CollectionItem; index: number; count: number; others: Array<{ id: number; name: string }>; showSection: boolean; run: Run; onOpen(): void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const [note, setNote] = useState(item.note);
  const [tags, setTags] = useState(item.tags.join(', '));
  const [section, setSection] = useState(item.section);
  useEffect(() => setNote(item.note), [item.note]);
  useEffect(() => setTags(item.tags.join(', ')), [item.tags]);
  useEffect(() => setSection(item.section), [item.section]);
  const save = (): void => {
    const change = { note: note.trim(), tags: parseTags(tags), section: section.trim() };
    if (change.note === item.note && change.tags.join('\u0000') === item.tags.join('\u0000') && change.section === item.section) return;
    void run('Could not save the note', () => api.call('collections.updateItem', { itemId: item.id, ...change }));
  };
  return (
    <li ref={setNodeRef} className={`item-card${isDragging ? ' is-dragging' : ''}${item.status !== 'ok' ? ' is-flagged' : ''}`} style={{ transform: CSS.Transform.toString(transform), transition }} data-item-id={item.id}>
      <button type="button" className="drag-handle" aria-label={`Drag to reorder item ${index + 1} of ${count}`} {...attributes} {...listeners}>
        ⠿
      </button>
      <div className="item-body">
        {item.status !== 'ok' && (
          <p className="item-flag" role="note" title={STATUS_HINT[item.status]}>
            {STATUS_TEXT[item.status]}: {STATUS_HINT[item.status]}
          </p>
        )}
        <blockquote className="item-text">{item.text}</blockquote>
        <p className="item-cite">
          <strong>{item.speaker ?? 'Unattributed'}</strong>
          {item.description && `, ${item.description}`} · {[item.agency, item.published && formatPublished(item.published), item.headline].filter(Boolean).join(' · ')}
        </p>
        <div className="item-fields">
          <input className="input input-small" aria-label="Note" placeholder="Note" value={note} onChange={(e) => setNote(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />
          <input className="input input-small" aria-label="Tags" placeholder="Tags, comma separated" value={tags} onChange={(e) => setTags(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />
          {showSection && <input className="input input-small" aria-label="Section" placeholder="Section" value={section} onChange={(e) => setSection(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />}
        </div>
        <div className="item-actions">
          {item.articleId !== null && (
            <button type="button" className="link-button" onClick={onOpen}>
              Open in article
            </button>
          )}
          <button type="button" className="link-button" disabled={index === 0} onClick={() => void run('Could not move', () => api.call('collections.moveItem', { itemId: item.id, position: index - 1 }))} aria-label="Move up">
            Up
          </button>
          <button type="button" className="link-button" disabled={index === count - 1} onClick={() => void run('Could not move', () => api.call('collections.moveItem', { itemId: item.id, position: index + 1 }))} aria-label="Move down">
            Down
          </button>
          {others.length > 0 && (
            <select
              className="input input-select input-small"
              aria-label="Move to collection"
              value=""
              onChange={(e) => {
                const to = Number(e.target.value);
                const name = others.find((o) => o.id === to)?.name;
                if (to) void run('Could not move', () => api.call('collections.moveItem', { itemId: item.id, toCollectionId: to, position: 1_000_000 }), `Moved to ${name}`);
              }}
            >
              <option value="">Move to…</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
          <button type="button" className="link-button danger" onClick={() => void run('Could not remove', () => api.call('collections.removeItems', { itemIds: [item.id] }), 'Removed (Undo brings it back)')}>
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}

const FORMATS: Array<{ format: BriefingFormat; label: string }> = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'Word' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
];

function BriefingBuilder({ collection, run, notify, reportError }: { collection: Collection; run: Run; notify(m: string): void; reportError(t: string, e: unknown): void }) {
  const [b, setB] = useState<BriefingSettings>(collection.briefing);
  const [serverPath, setServerPath] = useState('');
  const [busy, setBusy] = useState<BriefingFormat | null>(null);
  const formRef = useRef<HTMLElement>(null);
  // Changes from elsewhere (undo, another window) show at once, except in a field being typed in.
  useEffect(() => {
    if (!formRef.current?.contains(document.activeElement)) setB(collection.briefing);
  }, [collection.briefing]);
  const dirty = JSON.stringify(b) !== JSON.stringify(collection.briefing);
  const save = (next = b): Promise<void> => run('Could not save the briefing', () => api.call('collections.setBriefing', { id: collection.id, briefing: next }));

  const exportAs = async (format: BriefingFormat): Promise<void> => {
    setBusy(format);
    try {
      if (dirty) await api.call('collections.setBriefing', { id: collection.id, briefing: b });
      const fileName = `${(b.title || collection.name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'briefing'}.${format}`;
      if (shell === 'desktop') {
        const { path } = await api.call('dialog.saveFile', { defaultName: fileName, extensions: [format] });
        if (!path) return;
        const r = await api.call('briefing.export', { collectionId: collection.id, format, path });
        notify(`Saved ${r.path}`);
      } else if (serverPath.trim()) {
        const r = await api.call('briefing.export', { collectionId: collection.id, format, path: serverPath.trim().replace(/\.(md|html|docx|pdf)$/i, '') + `.${format}` });
        notify(`Wrote ${r.path} on the server`);
      } else {
        const r = await api.call('briefing.export', { collectionId: collection.id, format });
        const url = URL.createObjectURL(new Blob([base64ToBytes(r.data!)], { type: r.mime }));
        const a = document.createElement('a');
        a.href = url;
        a.download = r.fileName;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        notify(`Downloaded ${r.fileName}`);
      }
    } catch (error) {
      reportError(`Could not export the ${format.toUpperCase()}`, error);
    } finally {
      setBusy(null);
    }
  };

  const field = (key: 'title' | 'author' | 'date', label: string, placeholder: string) => (
    <label className="field-label">
      {label}
      <input className="input" value={b[key]} placeholder={placeholder} onChange={(e) => setB({ ...b, [key]: e.target.value })} onBlur={() => dirty && void save()} />
    </label>
  );

  return (
    <section className="briefing-builder" aria-label="Briefing" ref={formRef}>
      <h2>Briefing</h2>
      {field('title', 'Title', collection.name)}
      <div className="briefing-row">
        {field('author', 'Author', 'Your name')}
        {field('date', 'Date', new Date().toISOString().slice(0, 10))}
      </div>
      <label className="field-label">
        Introduction
        <textarea className="input briefing-intro" rows={4} value={b.intro} onChange={(e) => setB({ ...b, intro: e.target.value })} onBlur={() => dirty && void save()} />
      </label>
      <label className="field-label">
        Sections
        <select
          className="input input-select"
          value={b.groupBy}
          onChange={(e) => {
            const next = { ...b, groupBy: e.target.value as BriefingSettings['groupBy'] };
            setB(next);
            void save(next);
          }}
        >
          <option value="none">One list, in collection order</option>
          <option value="section">By hand (a section per item)</option>
          <option value="speaker">By speaker</option>
          <option value="tag">By first tag</option>
          <option value="date">By date</option>
        </select>
      </label>
      {shell === 'web' && (
        <label className="field-label">
          Save on the server (optional)
          <input className="input" value={serverPath} onChange={(e) => setServerPath(e.target.value)} placeholder="/home/me/briefings/peskov — or leave empty to download" />
        </label>
      )}
      <div className="export-buttons" role="group" aria-label="Export">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" className={`button${format === 'pdf' ? ' button-primary' : ''}`} disabled={busy !== null || collection.itemList.length === 0} onClick={() => void exportAs(format)}>
            {busy === format ? 'Exporting…' : `Export ${label}`}
          </button>
        ))}
      </div>
      <p className="field-hint">Each quote is cited with its agency, headline, place, date and time, and a link back to the article in Wirebench; the sources are listed at the end.</p>
    </section>
  );
}
