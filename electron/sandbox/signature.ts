import { drfoMatches as esignDrfoMatches } from '../core/esign/index';
import { badRequest, invalidField, unprocessable } from './errors';

/** Who signed, as far as the sandbox's checks are concerned. */
export interface SignerIdentity {
  drfo: string | null;
  edrpou: string | null;
  commonName: string | null;
  /** the certificate subject's surname and given name (given name and patronymic) */
  surname?: string | null;
  givenName?: string | null;
  isStamp: boolean;
  /** when it was signed: the content time-stamp's time (else the signingTime attribute), ISO 8601 */
  signedAt: string | null;
}

export type VerifyOutcome =
  { ok: true; content: string; signer: SignerIdentity } | { ok: false; message: string };

/**
 * Verifies a signed envelope like eHealth's digital-signature service: exactly one signer, integrity,
 * a content time-stamp, a certificate valid now and at signing time, chained to the trusted CA.
 */
export interface SignatureVerifier {
  verify(envelope: Uint8Array, now: Date): Promise<VerifyOutcome>;
}

const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

/** eHealth's identity check: signer DRFO equals the person's tax id (spaces, case and look-alike letters ignored). */
export const drfoMatches = (drfo: string, taxId: string | null | undefined): boolean =>
  !!taxId && esignDrfoMatches(drfo, taxId);

export interface SignedJson {
  json: unknown;
  signer: SignerIdentity & { drfo: string };
  base64: string;
}

/**
 * Decodes, verifies and parses `signed_content` (base64). `entry` names the JSON field for errors,
 * e.g. `$.signed_content` or `$.token.signed_content`.
 */
export async function readSignedJson(
  verifier: SignatureVerifier,
  signedContent: string,
  encoding: string,
  now: Date,
  entry = '$.signed_content',
): Promise<SignedJson> {
  if (encoding !== 'base64')
    throw invalidField(
      entry.replace(/signed_content$/, 'signed_content_encoding'),
      'inclusion',
      'value is not allowed in enum: base64',
    );
  const compact = signedContent.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64_RE.test(compact))
    throw invalidField(entry, 'format', 'Not a base64 string');
  const outcome = await verifier.verify(new Uint8Array(Buffer.from(compact, 'base64')), now);
  if (!outcome.ok) throw badRequest(outcome.message);
  let json: unknown;
  try {
    json = JSON.parse(outcome.content.replace(/^\uFEFF/, '').replace(/\0+$/, ''));
  } catch {
    throw invalidField(entry, 'invalid', 'Signed content is not a valid JSON');
  }
  const drfo = outcome.signer.drfo?.trim();
  if (!drfo) throw unprocessable('Digital signature signer does not contain drfo.');
  return { json, signer: { ...outcome.signer, drfo }, base64: compact };
}

/** A verifier for a sandbox whose PKI is not available: every signature is refused clearly. */
export const unavailableVerifier: SignatureVerifier = {
  verify: () =>
    Promise.resolve({ ok: false, message: 'Signature verification is not available in this sandbox' }),
};
