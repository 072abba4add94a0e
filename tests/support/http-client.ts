// A Node client for the loopback server, used by the contract tests: it logs in the way a
// browser does (launch URL → cookie) and reads the event stream with fetch.
import type { Envelope, Transport } from '../../src/shared/api.ts';

export interface HttpSession extends Transport {
  cookie: string;
  close(): void;
}

export async function login(launchUrl: string): Promise<string> {
  const response = await fetch(launchUrl, { redirect: 'manual' });
  if (response.status !== 303) throw new Error(`login answered ${response.status}`);
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) throw new Error('no cookie set');
  return setCookie.split(';')[0]!;
}

export async function httpSession(baseUrl: string, launchUrl: string): Promise<HttpSession> {
  const cookie = await login(launchUrl);
  const origin = new URL(baseUrl).origin;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const abort = new AbortController();
  const stream = await fetch(`${origin}/api/events`, { headers: { cookie }, signal: abort.signal });
  if (!stream.ok || !stream.body) throw new Error(`event stream answered ${stream.status}`);
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!data) continue;
          const { event, payload } = JSON.parse(data) as { event: string; payload: unknown };
          for (const l of listeners.get(event) ?? []) l(payload);
        }
      }
    } catch {
      // aborted on close
    }
  })();
  return {
    cookie,
    async call(method, args) {
      const response = await fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin },
        body: JSON.stringify({ method, args }),
      });
      return (await response.json()) as Envelope<unknown>;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    close: () => abort.abort(),
  };
}
