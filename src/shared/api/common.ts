// Types every part of the contract shares. This folder imports nothing outside itself, so
// the engine (Node), the renderer (browser) and the preload (sandbox) can all use it.

/** Machine-readable reason a call failed. Errors cross every boundary as `{ code, message }`. */
export type WbErrorCode =
  | 'bad_request' // arguments do not match the contract
  | 'bad_query' // the search query cannot be understood; `position` points at the problem
  | 'not_found'
  | 'busy' // e.g. an import is already running
  | 'cancelled'
  | 'unsupported' // this shell cannot do it (a native dialog in web mode)
  | 'newer_database' // the corpus was written by a newer Wirebench
  | 'unavailable' // the corpus cannot be opened (damaged, unreadable); corpus.health says why
  | 'read_only' // the corpus is open read-only (a failed upgrade); nothing can be written
  | 'unauthorized'
  | 'forbidden'
  | 'internal';

export interface WbError {
  code: WbErrorCode;
  message: string;
  /** For `bad_query`: the 0-based character offset in the query the message refers to. */
  position?: number;
}

/** What every transport carries back for a call: a result or an error, never a stack trace. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: WbError };

/** A method that takes no arguments still takes an (empty) object, so every call has the same shape. */
export type NoArgs = Record<string, never>;
