// "Add to collection": pick a collection (or name a new one), add a note and tags. Used for
// an extracted quote and for any passage selected in the reader.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { api, type CollectionSummary, type NewItem } from '../api/index.ts';
import { parseTags } from '../lib/quotes.ts';

export interface CollectFormProps {
  item: NewItem;
  /** What is being collected, shown at the top. */
  preview: string;
  collections: CollectionSummary[];
  style?: CSSProperties;
  onDone(message: string): void;
  onCancel(): void;
  onError(title: string, error: unknown): void;
}

const NEW = '__new__';
let lastUsed: number | null = null;

export function CollectForm({ item, preview, collections, style, onDone, onCancel, onError }: CollectFormProps) {
  const [target, setTarget] = useState<string>(() => {
    const preferred = collections.find((c) => c.id === lastUsed) ?? collections[0];
    return preferred ? String(preferred.id) : NEW;
  });
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      let id = Number(target);
      let label = collections.find((c) => c.id === id)?.name ?? '';
      if (target === NEW) {
        const created = await api.call('collections.create', { name: name.trim() });
        id = created.id;
        label = created.name;
      }
      await api.call('collections.addItems', { collectionId: id, items: [item], ...(note.trim() && { note: note.trim() }), ...(tags.trim() && { tags: parseTags(tags) }) });
      lastUsed = id;
      onDone(`Added to ${label}`);
    } catch (error) {
      onError('Could not add to the collection', error);
      setBusy(false);
    }
  };

  return (
    <form
      className="collect-form"
      style={style}
      aria-label="Add to collection"
      onMouseDown={(e) => e.stopPropagation()}
      onMouseUp={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && (target !== NEW || name.trim())) void submit();
      }}
    >
      <p className="collect-preview">“{preview.length > 140 ? `${preview.slice(0, 140)}…` : preview}”</p>
      <label className="field-label">
        Collection
        <select ref={first} className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value={NEW}>New collection…</option>
        </select>
      </label>
      {target === NEW && (
        <label className="field-label">
          Name
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Peskov on the talks" />
        </label>
      )}
      <label className="field-label">
        Note
        <textarea className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label className="field-label">
        Tags
        <input className="input" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="comma, separated" />
      </label>
      <div className="collect-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy || (target === NEW && !name.trim())}>
          Add
        </button>
      </div>
    </form>
  );
}
