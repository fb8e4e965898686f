/**
 * A test OCSP responder (RFC 6960) for the test CA, as a pure request → response function (the
 * sandbox mounts it at /ocsp; tests call it directly). Like QTSP responders it signs with its own
 * certificate issued by the CA (extended key usage OCSPSigning), DSTU 4145 over GOST 34.311, and
 * echoes the request's nonce. It answers only for certificates of its own CA ("unknown" otherwise).
 */
import { DerError, toHex } from '../der';
import { parseCertificate } from '../pki/certificate';
import { caStateOf, issueIdentity, type TestCa } from '../pki/test-pki';
import { gostHash } from '../vendor/jk';
import { OID } from '../oids';
import {
  encodeCertId,
  encodeErrorResponse,
  encodeResponseData,
  encodeSuccessfulResponse,
  parseOcspRequest,
  type SingleAnswer,
  type SingleStatus,
} from './protocol';
import { bytesEqual } from '../der';

export interface OcspResponder {
  respond(requestDer: Uint8Array): Uint8Array;
  certificateDer: Uint8Array;
}

/** How long an answer may be relied on (nextUpdate − thisUpdate). */
export const TEST_OCSP_VALIDITY_MS = 3600_000;

export function createOcspResponder(
  ca: TestCa,
  opts: {
    now?: () => Date;
    /** The status of a certificate of this CA by its serial (hex, as ParsedCertificate.serialHex). */
    statusOf: (serialHex: string) => SingleStatus;
  },
): OcspResponder {
  const now = opts.now ?? (() => new Date());
  const state = caStateOf(ca);
  const t = now();
  const id = issueIdentity(ca, {
    commonName: 'Тестовий OCSP-сервер Kabinet Kiosk',
    surname: 'OCSP',
    givenName: 'OCSP',
    role: 'ocsp',
    validFrom: new Date(t.getTime() - 5 * 365 * 24 * 3600 * 1000),
    validTo: new Date(t.getTime() + 15 * 365 * 24 * 3600 * 1000),
  });
  const cert = parseCertificate(id.certificateDer);
  const nameHash = gostHash(state.certificate.subjectDer);
  const keyHash = gostHash(state.certificate.publicKeyBits);

  const serialHex = (serial: Uint8Array): string => {
    let i = 0;
    while (i < serial.length - 1 && serial[i] === 0) i++;
    return toHex(serial.subarray(i));
  };

  function answer(requestDer: Uint8Array): Uint8Array {
    let req;
    try {
      req = parseOcspRequest(requestDer);
    } catch (e) {
      if (e instanceof DerError) return encodeErrorResponse('malformedRequest');
      throw e;
    }
    const at = now();
    const answers: SingleAnswer[] = req.certIds.map((c) => {
      const ours =
        c.hashAlgorithm === OID.gost34311 &&
        bytesEqual(c.issuerNameHash, nameHash) &&
        bytesEqual(c.issuerKeyHash, keyHash);
      return {
        certIdDer: encodeCertId(c),
        status: ours ? opts.statusOf(serialHex(c.serial)) : { kind: 'unknown' },
        thisUpdate: at,
        nextUpdate: new Date(at.getTime() + TEST_OCSP_VALIDITY_MS),
      };
    });
    const tbs = encodeResponseData({
      responderName: cert.subjectDer,
      producedAt: at,
      answers,
      nonce: req.nonce,
    });
    const signature = id.priv.sign(gostHash(tbs), 'le');
    return encodeSuccessfulResponse(tbs, new Uint8Array(signature), id.certificateDer);
  }

  return {
    certificateDer: id.certificateDer,
    respond(requestDer) {
      try {
        return answer(requestDer);
      } catch {
        // a well-formed refusal, never an exception, whatever came in
        return encodeErrorResponse('internalError');
      }
    },
  };
}
