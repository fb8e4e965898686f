/**
 * signJson: attached CAdES-BES over UTF-8 JSON (no BOM), signed attributes in DER order
 * (contentType, signingTime, messageDigest, signingCertificateV2, contentTimeStamp), signer
 * certificate embedded, content time-stamp from the given TSA. Before returning, the output is
 * verified with the same code eHealth-side checks use, including the signer's DRFO.
 */
import { err, ok, type Result } from '#shared/result';
import { drfoMatches } from '../identity';
import { hashSignerOf, type OpenedKey } from '../key';
import { OID } from '../oids';
import type { SignerInfo } from '../types';
import { encodeTimeStampRequest, parseTimeStampRequest, parseTimeStampResponse } from '../tsa/protocol';
import { gostHash } from '../vendor/jk';
import { signedAttributes, signedData } from './build';
import { verifySignedContent } from './verify';

export type TsaFunction = (requestDer: Uint8Array) => Promise<Uint8Array>;

export interface SignJsonOptions {
  /** Time-stamp service (request DER → response DER); null signs without a time-stamp. */
  tsa: TsaFunction | null;
  /** The tax id the signature must carry (eHealth compares it with the person's tax_id). */
  expectedDrfo?: string;
  now?: () => Date;
}

/** Largest JSON we sign: far above any eHealth payload, far below what would stall the signer. */
export const MAX_SIGNED_JSON_BYTES = 4 * 1024 * 1024;

export async function signJson(
  key: OpenedKey,
  json: string,
  opts: SignJsonOptions,
): Promise<Result<{ signedContent: string; signer: SignerInfo }>> {
  const text = json.startsWith('\uFEFF') ? json.slice(1) : json;
  try {
    JSON.parse(text);
  } catch {
    return err('VALIDATION', 'the data to sign is not JSON');
  }
  return signBytes(key, new Uint8Array(Buffer.from(text, 'utf8')), opts);
}

/**
 * Signs arbitrary content (e.g. another envelope, for a stamp over a signature) with the same
 * pipeline and self-check as signJson. The outermost signer is checked against expectedDrfo.
 */
export async function signBytes(
  key: OpenedKey,
  content: Uint8Array,
  opts: SignJsonOptions,
): Promise<Result<{ signedContent: string; signer: SignerInfo }>> {
  const signer = hashSignerOf(key);
  if (!signer) return err('SIGNER_FAILED', 'the key is closed');
  if (content.length > MAX_SIGNED_JSON_BYTES) return err('VALIDATION', 'the data to sign is too large');
  const now = opts.now ?? (() => new Date());
  const digest = gostHash(content);

  let token: Uint8Array | null = null;
  if (opts.tsa) {
    const request = encodeTimeStampRequest(digest);
    const nonce = parseTimeStampRequest(request).nonce;
    let response: Uint8Array;
    try {
      response = await opts.tsa(request);
    } catch (e) {
      return err('TSA_UNAVAILABLE', `the time-stamp service is not reachable: ${(e as Error).message}`);
    }
    const parsed = parseTimeStampResponse(response, { imprint: digest, nonce });
    if (!parsed.ok) return err('TSA_UNAVAILABLE', parsed.message);
    token = parsed.token;
  }

  let der: Uint8Array;
  try {
    const attrs = signedAttributes({
      contentType: OID.data,
      contentDigest: digest,
      signingTime: now(),
      certificate: key.certificate,
      contentTimeStampToken: token,
    });
    const signature = await signer.signHash(gostHash(attrs));
    der = signedData({
      eContentType: OID.data,
      content,
      certificate: key.certificate,
      signedAttrs: attrs,
      signature,
    });
  } catch (e) {
    return err('SIGNER_FAILED', `signing failed: ${(e as Error).message}`);
  }

  const report = await verifySignedContent(der, { at: 'now', requireTimestamp: opts.tsa !== null, now });
  const self = report.signers[0];
  if (!report.integrity || !self) {
    return err(
      'SIGNER_FAILED',
      `our own signature does not verify: ${report.error?.message ?? 'unknown reason'}`,
    );
  }
  if (report.error) {
    const code =
      report.error.code === 'CERT_EXPIRED' || report.error.code === 'CERT_NOT_YET_VALID'
        ? report.error.code
        : 'SIGNER_FAILED';
    return err(code, report.error.message);
  }
  if (opts.expectedDrfo !== undefined && !drfoMatches(self.drfo, opts.expectedDrfo)) {
    return err(
      'SIGNER_MISMATCH',
      'the key belongs to another person (DRFO differs from the expected tax id)',
    );
  }
  return ok({ signedContent: Buffer.from(der).toString('base64'), signer: self });
}
