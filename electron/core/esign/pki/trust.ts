/**
 * Trust lists (a `CACertificates.p7b`-style degenerate SignedData, concatenated DER certificates or
 * PEM) and certificate path building: signer → (intermediates from the envelope) → a certificate in
 * the trust list. Every certificate of the trust list is an anchor, as in eHealth's DS service, so a
 * QTSP CA certificate alone is enough even without the central root above it.
 */
import {
  DerError,
  TAG,
  bytesEqual,
  children,
  decodeOid,
  isContext,
  readTlv,
  seqChildren,
  value,
  whole,
  type Tlv,
} from '../der';
import { OID } from '../oids';
import { isSignedBy, parseCertificate, validAt, type ParsedCertificate } from './certificate';

export interface TrustList {
  readonly kind: 'trust-list';
  readonly certificates: readonly ParsedCertificate[];
}

export class TrustListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustListError';
  }
}

const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

/** Certificates inside a ContentInfo(SignedData) [0] IMPLICIT certificates field. */
export function certificatesOfSignedData(contentInfo: Tlv): Uint8Array[] {
  const [type, content] = seqChildren(contentInfo, 'ContentInfo');
  if (!type || decodeOid(type) !== OID.signedData || !content || !isContext(content, 0))
    throw new DerError('not a SignedData bundle');
  const sd = readTlv(content.buf, content.valueStart, content.end);
  const fields = seqChildren(sd, 'SignedData');
  const certs = fields.find((f) => f.tag === 0xa0);
  return certs
    ? children(certs)
        .filter((c) => c.tag === TAG.SEQUENCE)
        .map(whole)
    : [];
}

function derBlocks(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const all = Buffer.from(bytes).toString('latin1');
    const blocks = [...all.matchAll(/-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/g)];
    return blocks.map((m) => new Uint8Array(Buffer.from((m[1] as string).replace(/\s+/g, ''), 'base64')));
  }
  const out: Uint8Array[] = [];
  let p = 0;
  while (p < bytes.length) {
    const t = readTlv(bytes, p, bytes.length);
    out.push(whole(t));
    p = t.end;
  }
  return out;
}

/**
 * Reads a trust bundle. Throws TrustListError when nothing usable is inside (a configuration
 * error the operator must see); certificates that fail to parse are counted in `skipped`.
 */
export function loadTrustList(bundle: Uint8Array): TrustList {
  return parseTrustList(bundle).list;
}

export function parseTrustList(bundle: Uint8Array): { list: TrustList; skipped: number } {
  if (bundle.length === 0) throw new TrustListError('trust bundle is empty');
  if (bundle.length > MAX_BUNDLE_BYTES) throw new TrustListError('trust bundle is too large');
  let blocks: Uint8Array[];
  try {
    blocks = derBlocks(bundle);
  } catch (e) {
    throw new TrustListError(`trust bundle is not DER or PEM: ${(e as Error).message}`);
  }
  const certs: ParsedCertificate[] = [];
  let skipped = 0;
  for (const block of blocks) {
    let ders: Uint8Array[] = [block];
    try {
      const t = readTlv(block);
      const first = seqChildren(t, 'block')[0];
      if (first && first.tag === TAG.OID) ders = certificatesOfSignedData(t);
    } catch {
      skipped++;
      continue;
    }
    for (const der of ders) {
      try {
        certs.push(parseCertificate(der));
      } catch {
        skipped++;
      }
    }
  }
  if (certs.length === 0) throw new TrustListError('trust bundle holds no readable certificate');
  return { list: { kind: 'trust-list', certificates: certs }, skipped };
}

export type ChainResult =
  { trusted: true; path: ParsedCertificate[] } | { trusted: false; reason: string; expiredIssuer?: boolean };

const MAX_PATH = 8;

function normalisedName(der: Uint8Array): string {
  try {
    const t = readTlv(der);
    return seqChildren(t, 'Name')
      .flatMap((rdn) => children(rdn))
      .map((atv) => {
        const [type, val] = seqChildren(atv, 'ATV');
        return `${decodeOid(type as Tlv)}=${Buffer.from(value(val as Tlv))
          .toString('utf8')
          .trim()
          .toLowerCase()}`;
      })
      .join('/');
  } catch {
    return '';
  }
}

function mayHaveIssued(issuer: ParsedCertificate, cert: ParsedCertificate): boolean {
  const nameMatch =
    bytesEqual(issuer.subjectDer, cert.issuerDer) ||
    normalisedName(issuer.subjectDer) === normalisedName(cert.issuerDer);
  if (!nameMatch) return false;
  if (cert.authorityKeyId && issuer.subjectKeyId && !bytesEqual(cert.authorityKeyId, issuer.subjectKeyId))
    return false;
  if (issuer.isCa === false) return false;
  if (issuer.keyUsage && !issuer.keyUsage.has('keyCertSign')) return false;
  return true;
}

/**
 * Finds a path from `cert` to an anchor of `trust`, checking each issuer's signature, CA flags and
 * validity at every time in `times` (signing time, time-stamp time, now — as the caller decides).
 */
export function buildChain(
  cert: ParsedCertificate,
  pool: readonly ParsedCertificate[],
  trust: TrustList,
  times: readonly Date[],
): ChainResult {
  const anchors = trust.certificates;
  let lastReason = 'the issuing CA is not in the trust list';
  let expiredIssuer = false;
  const walk = (
    c: ParsedCertificate,
    depth: number,
    path: ParsedCertificate[],
  ): ParsedCertificate[] | null => {
    if (anchors.some((a) => bytesEqual(a.der, c.der))) return path;
    if (depth >= MAX_PATH) return null;
    const candidates = [...anchors, ...pool.filter((p) => !anchors.includes(p))].filter(
      (cand) => !path.includes(cand) && cand !== c && mayHaveIssued(cand, c),
    );
    for (const cand of candidates) {
      if (!isSignedBy(c, cand)) {
        lastReason = 'the certificate signature does not verify with its issuer key';
        continue;
      }
      if (!times.every((t) => validAt(cand, t))) {
        lastReason = 'an issuing CA certificate is not valid at the checked time';
        expiredIssuer = true;
        continue;
      }
      const found = walk(cand, depth + 1, [...path, cand]);
      if (found) return found;
    }
    return null;
  };
  const path = walk(cert, 0, [cert]);
  if (path) return { trusted: true, path };
  return expiredIssuer
    ? { trusted: false, reason: lastReason, expiredIssuer }
    : { trusted: false, reason: lastReason };
}
