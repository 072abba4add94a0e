// Web mode: the contract over the loopback server. One generic endpoint for calls and one
// event stream; the session cookie set from the launch URL's token authenticates both.
import type { Envelope, Transport } from '../../../shared/api.ts';

export function createHttpTransport(base = ''): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureStream(): void {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message) => {
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data as string) as typeof parsed;
      } catch {
        return;
      }
      if (typeof parsed.event !== 'string') return;
      for (const listener of listeners.get(parsed.event) ?? []) listener(parsed.payload);
    };
  }

  return {
    async call(method, args) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/call`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method, args }),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The Wirebench server cannot be reached. Is `wirebench serve` still running?' } };
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a readable body.` } };
      }
    },
    on(event, listener) {
      ensureStream();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
