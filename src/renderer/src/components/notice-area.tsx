// Shows notices in a corner of the window; errors stay longer than confirmations and every
// notice can be dismissed.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage, NoticeContext, type Notice, type NoticeApi } from '../hooks/use-notices.ts';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './icons.tsx';

const LIFETIME = { error: 9000, info: 5000, success: 5000 } as const;
const MAX_VISIBLE = 4;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setNotices((list) => list.filter((n) => n.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const notify = useCallback<NoticeApi['notify']>(
    (notice) => {
      const id = nextId.current++;
      setNotices((list) => {
        // The same message twice in a row (a flaky connection, say) is shown once.
        const withoutSame = list.filter((n) => !(n.title === notice.title && n.detail === notice.detail));
        return [...withoutSame, { ...notice, id }].slice(-MAX_VISIBLE);
      });
      timers.current.set(id, setTimeout(() => dismiss(id), LIFETIME[notice.kind]));
    },
    [dismiss],
  );

  const reportError = useCallback<NoticeApi['reportError']>(
    (what, error) => notify({ kind: 'error', title: what, detail: errorMessage(error) }),
    [notify],
  );

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);

  const value = useMemo(() => ({ notify, reportError }), [notify, reportError]);

  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className="notice-area" aria-live="polite" aria-label="Notifications">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span className="notice-icon">
              {n.kind === 'error' ? <AlertIcon /> : n.kind === 'success' ? <CheckIcon /> : <InfoIcon />}
            </span>
            <div className="notice-text">
              <strong>{n.title}</strong>
              {n.detail && <span>{n.detail}</span>}
            </div>
            <button type="button" className="icon-button notice-close" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
              <CloseIcon size={14} />
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
