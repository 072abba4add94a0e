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
  return { code: 'internal', message: 'Wirebench hit an internal error; the corpus is unchanged. Details are in the log.' };
}
