// Failures the engine means to report: they cross every boundary as { code, message }.
// Anything else that is thrown is a bug and is reported as `internal` without its stack.
import type { WbError, WbErrorCode } from '../shared/api.ts';

export class WbFailure extends Error {
  readonly code: WbErrorCode;
  readonly position: number | undefined;
  constructor(code: WbErrorCode, message: string, position?: number) {
    super(message);
    this.name = 'WbFailure';
    this.code = code;
    this.position = position;
  }
}

export function toWbError(error: unknown): WbError {
  if (error instanceof WbFailure) {
    return error.position === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, position: error.position };
  }
  const sqlite = sqliteFailure(error);
  if (sqlite) return sqlite;
  return { code: 'internal', message: 'Wirebench hit an internal error; the corpus is unchanged. Details are in the log.' };
}

/** SQLite errors a user can act on, in words; null for the others (bugs). */
export function sqliteFailure(error: unknown): WbError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { code: 'internal', message: 'The disk is full; nothing was changed. Free some space and try again.' };
  if (code.startsWith('SQLITE_READONLY')) return { code: 'read_only', message: 'The corpus is open read-only; nothing can be changed. See the notice about the corpus for why.' };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { code: 'busy', message: 'The corpus is locked by another Wirebench process; try again in a moment.' };
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { code: 'unavailable', message: 'The corpus file is damaged. Run `wirebench check`, or restart Wirebench to set it aside and restore a backup.' };
  if (code.startsWith('SQLITE_IOERR')) return { code: 'internal', message: 'The disk reported an error while reading or writing the corpus; nothing was changed.' };
  return null;
}
