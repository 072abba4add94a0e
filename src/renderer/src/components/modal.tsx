// A modal built on <dialog>: the browser gives it the dialog role, traps focus, makes the
// page behind it inert and closes it on Escape (which we route through onClose, so the
// owner decides, e.g. not while an import is starting).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons.tsx';

export interface ModalProps {
  title: string;
  /** Text under the title. */
  subtitle?: ReactNode;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
  testId?: string;
  /**
   * When this changes, the content was replaced (a form turning into progress, progress into
   * a summary): the focus moves to the control marked `data-autofocus`, if there is one.
   */
  focusKey?: string;
}

export function Modal({ title, subtitle, onClose, children, footer, className, testId, focusKey }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const lastFocusKey = useRef(focusKey);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs before the dialog is shown, when nothing in it can take focus.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog?.open) return;
    const replaced = lastFocusKey.current !== focusKey;
    lastFocusKey.current = focusKey;
    // Focus also falls out of the dialog when the focused control disappears.
    if (!replaced && dialog.contains(document.activeElement)) return;
    const preferred = dialog.querySelector<HTMLElement>('[data-autofocus]');
    if (preferred) preferred.focus();
    else if (!dialog.contains(document.activeElement)) dialog.focus();
  });

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="modal-inner">
        <header className="modal-header">
          <div>
            <h2 id={titleId} className="modal-title">
              {title}
            </h2>
            {subtitle && <p className="modal-subtitle">{subtitle}</p>}
          </div>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <CloseIcon size={18} />
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-footer">{footer}</footer>}
      </div>
    </dialog>
  );
}
