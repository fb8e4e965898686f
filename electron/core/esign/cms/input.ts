/**
 * Turns what an operator or a service hands us into CMS DER: raw DER, base64 text (optionally PEM)
 * or a JSON document with a `signed_content` string anywhere inside. Size and shape are checked
 * before any heavy work so that garbage fails fast with a clear code.
 */
import type { VerifyErrorCode } from '../types';

/** Larger than any eHealth payload (a declaration with its printout is ~0.4 MB). */
export const MAX_SIGNED_DER_BYTES = 8 * 1024 * 1024;
const MAX_INPUT_BYTES = Math.ceil((MAX_SIGNED_DER_BYTES * 4) / 3) + 1024 * 1024;

export type DecodeResult =
  { ok: true; value: Uint8Array } | { ok: false; error: { code: VerifyErrorCode; message: string } };

const fail = (code: VerifyErrorCode, message: string): DecodeResult => ({
  ok: false,
  error: { code, message },
});

function findSignedContent(node: unknown, depth: number): string | null {
  if (depth > 32 || node === null || typeof node !== 'object') return null;
  if (!Array.isArray(node)) {
    const v = (node as Record<string, unknown>).signed_content;
    if (typeof v === 'string') return v;
  }
  for (const child of Object.values(node as Record<string, unknown>)) {
    const found = findSignedContent(child, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function base64ToDer(text: string): DecodeResult {
  const body = text.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
  if (body.length === 0) return fail('INPUT_EMPTY', 'the signature is empty');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(body))
    return fail('INPUT_NOT_CMS', 'not DER, base64 or JSON with signed_content');
  const der = new Uint8Array(
    Buffer.from(body, body.includes('-') || body.includes('_') ? 'base64url' : 'base64'),
  );
  if (der.length > MAX_SIGNED_DER_BYTES)
    return fail('INPUT_TOO_LARGE', `the signature is larger than ${MAX_SIGNED_DER_BYTES} bytes`);
  if (der[0] !== 0x30) return fail('INPUT_NOT_CMS', 'the base64 content is not a CMS structure');
  return { ok: true, value: der };
}

export function decodeSignatureInput(input: Uint8Array): DecodeResult {
  if (input.length === 0) return fail('INPUT_EMPTY', 'the input is empty');
  if (input.length > MAX_INPUT_BYTES)
    return fail('INPUT_TOO_LARGE', `the input is larger than ${MAX_INPUT_BYTES} bytes`);
  if (input[0] === 0x30) {
    if (input.length > MAX_SIGNED_DER_BYTES)
      return fail('INPUT_TOO_LARGE', `the signature is larger than ${MAX_SIGNED_DER_BYTES} bytes`);
    return { ok: true, value: input };
  }
  let text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  text = text.trim();
  if (text.length === 0) return fail('INPUT_EMPTY', 'the input is blank');
  if (text.startsWith('{') || text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return fail('INPUT_NOT_CMS', 'the input looks like JSON but does not parse');
    }
    const sc = findSignedContent(parsed, 0);
    if (sc === null) return fail('INPUT_NOT_CMS', 'the JSON has no signed_content string');
    return base64ToDer(sc);
  }
  return base64ToDer(text);
}
