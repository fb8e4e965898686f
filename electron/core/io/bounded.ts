/**
 * Reads with a ceiling: files (key containers, certificates) and HTTP bodies (eHealth, time-stamp
 * and OCSP answers, a document storage's answer to an upload) are read only up to a size the caller
 * names, checked before and while reading, so a hostile or broken peer cannot make main buffer without
 * end. HTTP requests here never follow a redirect: a 3xx is refused (a redirect would carry the
 * request, and maybe credentials or a patient's document, elsewhere).
 */
import { open } from 'node:fs/promises';

export class TooLargeError extends Error {
  readonly code = 'ETOOLARGE';
  constructor(what: string, max: number) {
    super(`${what} is larger than ${max} bytes`);
    this.name = 'TooLargeError';
  }
}

export class RedirectRefusedError extends Error {
  readonly code = 'EREDIRECT';
  constructor(status: number) {
    super(`the server answered with a redirect (${status}); redirects are not followed`);
    this.name = 'RedirectRefusedError';
  }
}

/** A non-2xx answer (its status tells a caller whether asking again for a fresh URL may help). */
export class HttpStatusError extends Error {
  readonly code = 'EHTTPSTATUS';
  constructor(
    what: string,
    readonly status: number,
  ) {
    super(`${what} came with HTTP ${status}`);
    this.name = 'HttpStatusError';
  }
}

export const isRedirect = (status: number): boolean => status >= 300 && status < 400;

/** Reads a whole file of at most `max` bytes; a bigger (or growing) file is a TooLargeError. */
export async function readFileBounded(path: string, max: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size > max) throw new TooLargeError('the file', max);
    // one byte more than allowed tells a file that grew since stat from one that did not
    const buf = Buffer.alloc(Math.min(size, max) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, filled, buf.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > max) throw new TooLargeError('the file', max);
      if (filled === buf.length) break;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, filled);
  } finally {
    await fh.close();
  }
}

/** The part of a fetch Response this module reads. */
export interface BodySource {
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

/** Reads a response body of at most `max` bytes (Content-Length checked first, then counted). */
export async function readBodyBounded(
  res: BodySource,
  max: number,
  what = 'the response',
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new TooLargeError(what, max);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError(what, max);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A response body as it arrives, up to `max` bytes (Content-Length checked first, then counted): for
 * readers that parse while they read and so never hold the whole body. Stopping early cancels it.
 */
export async function* bodyChunksBounded(
  res: BodySource,
  max: number,
  what = 'the response',
): AsyncGenerator<Uint8Array, void, undefined> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new TooLargeError(what, max);
  }
  if (!res.body) return;
  const reader = res.body.getReader();
  let done = false;
  try {
    let total = 0;
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      total += next.value.byteLength;
      if (total > max) throw new TooLargeError(what, max);
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

export interface PostBinaryOptions {
  contentType: string;
  accept: string;
  timeoutMs: number;
  maxBytes: number;
  /** What is being read, for messages ("the time-stamp response"). */
  what: string;
}

/**
 * POSTs a binary request (RFC 3161 time-stamp query, OCSP request) to an http(s) URL and returns the
 * body of a 2xx answer. No credentials are ever sent; a redirect, another status, a timeout or an
 * oversized body throws.
 */
export async function postBinary(url: string, body: Uint8Array, o: PostBinaryOptions): Promise<Uint8Array> {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`unsupported URL scheme ${u.protocol}`);
  const res = await fetch(u, {
    method: 'POST',
    headers: { 'content-type': o.contentType, accept: o.accept },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(o.timeoutMs),
  });
  if (isRedirect(res.status)) {
    await res.body?.cancel().catch(() => undefined);
    throw new RedirectRefusedError(res.status);
  }
  if (res.status < 200 || res.status >= 300) {
    await res.body?.cancel().catch(() => undefined);
    throw new HttpStatusError(o.what, res.status);
  }
  return readBodyBounded(res, o.maxBytes, o.what);
}

export interface PutBinaryOptions {
  contentType: string;
  timeoutMs: number;
  /** The largest answer read (a storage answers an upload with little or nothing). */
  maxAnswerBytes: number;
  what: string;
  /** The transport (default: global fetch); tests may count or fail requests. */
  fetch?: typeof globalThis.fetch;
}

/**
 * PUTs bytes to an http(s) URL (a pre-signed upload URL: whatever authorises the upload is in the URL
 * itself) with no credentials and no cookies. A redirect, another status than 2xx, a timeout or an
 * oversized answer throws; the answer's body is read (bounded) and dropped.
 */
export async function putBinary(url: string, body: Uint8Array, o: PutBinaryOptions): Promise<void> {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`unsupported URL scheme ${u.protocol}`);
  const res = await (o.fetch ?? globalThis.fetch)(u, {
    method: 'PUT',
    headers: { 'content-type': o.contentType, 'content-length': String(body.byteLength) },
    body,
    redirect: 'manual',
    credentials: 'omit',
    signal: AbortSignal.timeout(o.timeoutMs),
  });
  if (isRedirect(res.status)) {
    await res.body?.cancel().catch(() => undefined);
    throw new RedirectRefusedError(res.status);
  }
  if (res.status < 200 || res.status >= 300) {
    await res.body?.cancel().catch(() => undefined);
    throw new HttpStatusError(o.what, res.status);
  }
  await readBodyBounded(res, o.maxAnswerBytes, o.what);
}
