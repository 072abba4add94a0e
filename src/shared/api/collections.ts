// Collections of quotes and passages, with their provenance, and the briefings made from them.

/**
 * ok: the article is as it was when the item was collected.
 * source_changed: the article was re-imported with changes; the verbatim text was found again and the item points at it.
 * source_removed: the article is gone, or no longer holds the verbatim text. The item keeps its text and citation.
 */
export type ItemStatus = 'ok' | 'source_changed' | 'source_removed';

export interface CollectionSummary {
  id: number;
  name: string;
  items: number;
  /** Items whose source changed or was removed. */
  flagged: number;
  updatedAt: string;
}

export interface CollectionItem {
  id: number;
  collectionId: number;
  position: number;
  quoteId: number | null;
  /** Null when the article is gone. */
  articleId: number | null;
  start: number;
  end: number;
  /** Verbatim, as collected; never rewritten. */
  text: string;
  speaker: string | null;
  description: string | null;
  note: string;
  tags: string[];
  /** A briefing section chosen by hand ("" for none). */
  section: string;
  status: ItemStatus;
  /** The citation as it was when collected. */
  headline: string;
  published: string | null;
  place: string | null;
  agency: string | null;
  createdAt: string;
}

export type BriefingGrouping = 'none' | 'section' | 'speaker' | 'tag' | 'date';

export interface BriefingSettings {
  title: string;
  author: string;
  /** As the author wants it printed, e.g. "2022-03-21". */
  date: string;
  intro: string;
  groupBy: BriefingGrouping;
}

export interface Collection extends CollectionSummary {
  briefing: BriefingSettings;
  itemList: CollectionItem[];
}

/** What to add: an extracted quote, or any passage of an article by its offsets. */
export type NewItem = { quoteId: number } | { articleId: number; start: number; end: number; speaker?: string };

export interface AddItemsArgs {
  collectionId: number;
  items: NewItem[];
  note?: string;
  tags?: string[];
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  /** What undo / redo would do, e.g. "Add 2 items to Peskov". */
  undoLabel: string | null;
  redoLabel: string | null;
}

export type BriefingFormat = 'md' | 'html' | 'docx' | 'pdf';

export interface ExportArgs {
  collectionId: number;
  format: BriefingFormat;
  /**
   * Where to write the file, an absolute path on the machine running the engine. Without it
   * the export comes back in the result (base64), up to 8 MB.
   */
  path?: string;
}

export interface ExportResult {
  format: BriefingFormat;
  /** A file name made from the title, e.g. "peskov-on-the-talks.pdf". */
  fileName: string;
  mime: string;
  bytes: number;
  /** Set when written to a path. */
  path: string | null;
  /** Base64 of the file, when no path was given. */
  data: string | null;
}

export interface CollectionMethods {
  'collections.list': { args: Record<string, never>; result: { collections: CollectionSummary[] } };
  'collections.get': { args: { id: number }; result: Collection };
  'collections.create': { args: { name: string }; result: CollectionSummary };
  'collections.rename': { args: { id: number; name: string }; result: CollectionSummary };
  'collections.delete': { args: { id: number }; result: { deleted: boolean } };
  'collections.addItems': { args: AddItemsArgs; result: { items: CollectionItem[] } };
  'collections.updateItem': { args: { itemId: number; note?: string; tags?: string[]; section?: string }; result: CollectionItem };
  'collections.removeItems': { args: { itemIds: number[] }; result: { removed: number } };
  /** Moves an item to a position (0-based) in its collection, or in another collection. */
  'collections.moveItem': { args: { itemId: number; toCollectionId?: number; position: number }; result: CollectionItem };
  'collections.setBriefing': { args: { id: number; briefing: BriefingSettings }; result: BriefingSettings };
  /** Undo and redo the last change to collections (kept in the corpus, so they survive restarts). */
  'collections.undo': { args: Record<string, never>; result: UndoState };
  'collections.redo': { args: Record<string, never>; result: UndoState };
  'collections.history': { args: Record<string, never>; result: UndoState };
  'briefing.export': { args: ExportArgs; result: ExportResult };
}
