/**
 * The HTTP port of the eHealth client: the subset of `fetch` the client needs. `fetchTransport`
 * is the real one; tests may pass a transport that talks to a scripted local server.
 */
import { bodyChunksBounded, isRedirect, readBodyBounded } from '../io';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpRequestInit {
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** The largest response body read (default DEFAULT_MAX_BODY_BYTES); a bigger one fails the call. */
  maxBodyBytes?: number;
}

export interface HttpResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** The body as it arrives (fetch's stream); readers that stream use it instead of `text()`. */
  body?: AsyncIterable<Uint8Array> | null;
}

export type HttpTransport = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;

/** eHealth's JSON answers are kilobytes; bulk directory dumps raise their own ceiling. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * `fetch` for eHealth: a redirect is never followed (it would take the api-key and the patient's
 * token to another place) — the 3xx comes back to the client, which treats it as a network failure;
 * bodies are read up to `maxBodyBytes`.
 */
export const fetchTransport: HttpTransport = async (url, init) => {
  const res = await globalThis.fetch(url, {
    method: init.method,
    headers: init.headers,
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.signal ? { signal: init.signal } : {}),
    redirect: 'manual',
  });
  const max = init.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const redirected = isRedirect(res.status);
  return {
    status: res.status,
    headers: res.headers,
    text: async () => {
      if (redirected) {
        await res.body?.cancel().catch(() => undefined);
        return '';
      }
      return Buffer.from(await readBodyBounded(res, max, 'the eHealth response')).toString('utf8');
    },
    // the same ceiling, for readers that stream (bulk directory dumps): the body is never held whole
    body: redirected ? null : bodyChunksBounded(res, max, 'the eHealth response'),
  };
};
