// Subscribes to an engine event for the lifetime of a component. The latest listener is
// always called, so callers can pass inline closures without re-subscribing on every render.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { api, type EventName, type Events } from '../api/index.ts';

export function useApiEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): void {
  const ref = useRef(listener);
  useLayoutEffect(() => {
    ref.current = listener;
  });
  useEffect(() => {
    try {
      return api.on(event, (payload) => ref.current(payload));
    } catch (error) {
      // A shell without this event (an older preload, say) costs live updates, not the window.
      console.warn(`Cannot subscribe to ${event}:`, error);
      return undefined;
    }
  }, [event]);
}
