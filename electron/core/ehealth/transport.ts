/**
 * The HTTP port of the eHealth client: the subset of `fetch` the client needs. `globalThis.fetch`
 * satisfies it; tests may pass a transport that talks to a scripted local server.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpRequestInit {
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** The body as it arrives (fetch's stream); readers that stream use it instead of `text()`. */
  body?: AsyncIterable<Uint8Array> | null;
}

export type HttpTransport = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;

export const fetchTransport: HttpTransport = (url, init) => globalThis.fetch(url, init);
