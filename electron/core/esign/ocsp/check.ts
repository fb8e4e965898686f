/**
 * Certificate status by OCSP (RFC 6960), as the kiosk asks it before it accepts a signature: the
 * certificate must chain to an issuer in the trust list (only then is the responder URL from its
 * authorityInfoAccess used), the answer must be signed by that issuer or by a responder certificate
 * it issued for OCSP signing, name this certificate, carry our nonce when it carries one, and be
 * fresh. Never throws: every failure is a status the caller turns into a decision.
 */
import { randomBytes } from 'node:crypto';
import { postBinary } from '../../io';
import { bytesEqual } from '../der';
import { OID } from '../oids';
import {
  isSignedBy,
  parseCertificate,
  publicKeyOf,
  validAt,
  verifyDstu,
  type ParsedCertificate,
} from '../pki/certificate';
import { buildChain, type TrustList } from '../pki/trust';
import { gostHash } from '../vendor/jk';
import { certIdFor, encodeOcspRequest, parseOcspResponse, sameCertId, type BasicResponse } from './protocol';

export type RevocationStatus =
  /** The responder vouches for the certificate now. */
  | { status: 'good'; thisUpdate: string }
  | { status: 'revoked'; revokedAt: string; reason: string | null }
  /** The responder does not know the certificate. */
  | { status: 'unknown' }
  /** No trust list, or the certificate does not chain to it: its URLs are not used. */
  | { status: 'untrusted'; reason: string }
  /** The status could not be learnt now (no responder named, unreachable, unusable or stale answer). */
  | { status: 'unavailable'; reason: string };

/** Sends an OCSP request to a responder URL and returns its answer (bounded, no redirects). */
export type OcspPost = (url: string, request: Uint8Array) => Promise<Uint8Array>;

/** OCSP answers are a few kilobytes (one status and the responder's certificate). */
export const MAX_OCSP_RESPONSE_BYTES = 256 * 1024;

/** OCSP over HTTP POST: no credentials, no redirect followed, a bounded answer. */
export const httpOcspPost =
  (timeoutMs = 10_000): OcspPost =>
  (url, request) =>
    postBinary(url, request, {
      contentType: 'application/ocsp-request',
      accept: 'application/ocsp-response',
      timeoutMs,
      maxBytes: MAX_OCSP_RESPONSE_BYTES,
      what: 'the OCSP response',
    });

/** Clock difference tolerated between the kiosk and a responder. */
const SKEW_MS = 5 * 60_000;
/** An answer without nextUpdate is trusted this long after thisUpdate. */
const MAX_AGE_MS = 24 * 3600_000;

export interface CheckOptions {
  trust: TrustList | null;
  now: Date;
  post: OcspPost;
}

/** Whether the response was signed by the issuer itself or by a responder the issuer authorised. */
function signedByIssuerOrItsResponder(b: BasicResponse, issuer: ParsedCertificate, now: Date): boolean {
  if (b.signatureAlgorithm !== OID.dstu4145le) return false;
  const hash = gostHash(b.tbsDer);
  const candidates = [
    issuer,
    ...b.certificates.filter(
      (c) => c.extKeyUsage?.includes(OID.ekuOcspSigning) === true && validAt(c, now) && isSignedBy(c, issuer),
    ),
  ];
  return candidates.some((c) => {
    try {
      return verifyDstu(publicKeyOf(c), hash, b.signature);
    } catch {
      return false;
    }
  });
}

export async function checkRevocation(
  certificate: Uint8Array | ParsedCertificate,
  o: CheckOptions,
): Promise<RevocationStatus> {
  let cert: ParsedCertificate;
  try {
    cert = certificate instanceof Uint8Array ? parseCertificate(certificate) : certificate;
  } catch {
    return { status: 'untrusted', reason: 'the certificate cannot be read' };
  }
  if (!o.trust) return { status: 'untrusted', reason: 'no trust list is installed at this kiosk' };
  const chain = buildChain(cert, [], o.trust, [o.now]);
  if (!chain.trusted) return { status: 'untrusted', reason: chain.reason };
  const issuer = chain.path[1];
  if (!issuer) return { status: 'untrusted', reason: 'the certificate is itself a trust anchor' };
  const url = cert.ocspUrl;
  if (!url || !/^https?:\/\//i.test(url))
    return { status: 'unavailable', reason: 'the certificate names no OCSP responder' };

  const id = certIdFor(cert, issuer);
  const request = encodeOcspRequest(id, randomBytes(16));
  let der: Uint8Array;
  try {
    der = await o.post(url, request.der);
  } catch (e) {
    const err = e as Error & { code?: string };
    return {
      status: 'unavailable',
      reason: `the OCSP responder could not be reached (${err.code ?? err.name})`,
    };
  }
  let res;
  try {
    res = parseOcspResponse(der);
  } catch {
    return { status: 'unavailable', reason: 'the OCSP answer is unreadable' };
  }
  if (res.status !== 'successful')
    return { status: 'unavailable', reason: `the OCSP responder answered ${res.status}` };
  const b = res.basic;
  if (!signedByIssuerOrItsResponder(b, issuer, o.now))
    return { status: 'unavailable', reason: 'the OCSP answer is not signed by the issuer or its responder' };
  if (request.nonce && b.nonce && !bytesEqual(request.nonce, b.nonce))
    return { status: 'unavailable', reason: 'the OCSP answer is for another request (nonce)' };
  const single = b.responses.find((r) => sameCertId(r.certId, id));
  if (!single) return { status: 'unavailable', reason: 'the OCSP answer does not name this certificate' };
  // an answer that carries our nonce was made for this request: fresh whatever the kiosk's clock
  // says (a clock an hour off must not hold acts back); without it, its dates must be current
  if (!b.nonce) {
    const now = o.now.getTime();
    if (single.thisUpdate.getTime() > now + SKEW_MS)
      return { status: 'unavailable', reason: 'the OCSP answer is dated in the future' };
    const expired = single.nextUpdate
      ? now > single.nextUpdate.getTime() + SKEW_MS
      : now - single.thisUpdate.getTime() > MAX_AGE_MS;
    if (expired) return { status: 'unavailable', reason: 'the OCSP answer is out of date' };
  }
  switch (single.status.kind) {
    case 'good':
      return { status: 'good', thisUpdate: single.thisUpdate.toISOString() };
    case 'revoked':
      return {
        status: 'revoked',
        revokedAt: single.status.revokedAt.toISOString(),
        reason: single.status.reason,
      };
    default:
      return { status: 'unknown' };
  }
}

/**
 * The kiosk's revocation checks: the trust list of the environment in use, the injected clock and
 * HTTP. One instance serves sign-in, signing and the delivery worker.
 */
export class RevocationChecker {
  constructor(private readonly o: { trust: () => TrustList | null; now: () => Date; post: OcspPost }) {}

  check(certificate: Uint8Array | ParsedCertificate): Promise<RevocationStatus> {
    return checkRevocation(certificate, { trust: this.o.trust(), now: this.o.now(), post: this.o.post });
  }

  /** The trust list in use (also decides whether a certificate's time-stamp URL may be used). */
  trust(): TrustList | null {
    return this.o.trust();
  }
}
