// Non-blocking messages (errors from calls, confirmations). Any component can raise one;
// the NoticeArea shows them in a corner and lets them expire, so an error never blanks the app.
import { createContext, useContext } from 'react';

export type NoticeKind = 'error' | 'info' | 'success';

export interface Notice {
  id: number;
  kind: NoticeKind;
  title: string;
  detail?: string;
}

export interface NoticeApi {
  notify(notice: Omit<Notice, 'id'>): void;
  /** Shows a failed call as an error notice; `what` says what was being done. */
  reportError(what: string, error: unknown): void;
}

export const NoticeContext = createContext<NoticeApi>({
  notify: () => {},
  reportError: () => {},
});

export function useNotices(): NoticeApi {
  return useContext(NoticeContext);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}

export function errorCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}
