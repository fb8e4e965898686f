import type { Readable } from 'node:stream';
import { ApiError } from '../../errors';
import { renderError } from '../envelope';
import { headerOf, type Exchange, type Verdict } from '../exchange';

export const MAX_BODY = 10 * 1024 * 1024;

/** Reads the whole body; past `MAX_BODY` it keeps reading (so the answer can be sent) but keeps nothing. */
export function readBody(incoming: Readable, max = MAX_BODY): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    incoming.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) tooLarge = true;
      else chunks.push(c);
    });
    incoming.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

/** Takes the request's bytes off the connection (every request, answered or not). */
export async function receive(x: Exchange): Promise<Verdict> {
  x.raw = await readBody(x.incoming);
  return undefined;
}

/**
 * The body as eHealth reads it: over 10 MiB is 413; a trust service takes the bytes as they are;
 * anything else is JSON — another content type is 415, malformed JSON 400.
 */
export function jsonBody(x: Exchange): Verdict {
  const raw = x.raw;
  if (raw === null) throw new Error('the body is parsed before it was received');
  if (raw === 'too-large')
    return {
      reply: renderError(new ApiError(413, 'request_too_large', 'Request body is too large'), x.meta),
    };
  if (x.kind === 'trust' || raw.length === 0) return undefined;
  const type = headerOf(x.headers, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    return {
      reply: renderError(
        new ApiError(415, 'content_type_invalid', 'Invalid content type. Use application/json'),
        x.meta,
      ),
    };
  try {
    x.body = JSON.parse(raw.toString('utf8'));
    x.requestJson = raw.toString('utf8');
  } catch {
    return {
      reply: renderError(new ApiError(400, 'bad_request', 'Malformed JSON in the request body'), x.meta),
    };
  }
  return undefined;
}
