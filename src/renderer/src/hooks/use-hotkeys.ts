// Window-wide keyboard shortcuts. Single-letter keys are ignored while the user types in a
// field, so "n" in the search box is a letter, not "next match".
import { useEffect, useLayoutEffect, useRef } from 'react';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'file', 'color'].includes(target.type);
  }
  return false;
}

/** Whether a modal dialog is open: shortcuts for the page behind it must not fire. */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

export function useHotkeys(handler: (event: KeyboardEvent) => void): void {
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      ref.current(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
