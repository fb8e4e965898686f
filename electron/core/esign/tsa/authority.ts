/**
 * A test RFC 3161 time-stamp authority under the test CA, as a pure request → response function
 * (the sandbox mounts it over HTTP at /tsa; tests call it directly). Tokens are SignedData over a
 * TSTInfo with GOST 34.311 imprints and the TSA certificate embedded, like QTSP TSP servers make.
 */
import { randomBytes } from 'node:crypto';
import { DerError, explicit, genTime, oid, octets, seq, tlv, uint, utf8 } from '../der';
import { OID } from '../oids';
import { algorithm, signedAttributes, signedData } from '../cms/build';
import { parseCertificate } from '../pki/certificate';
import { issueIdentity, type TestCa } from '../pki/test-pki';
import { gostHash } from '../vendor/jk';
import { parseTimeStampRequest } from './protocol';

/** Policy of the test TSA: a UUID-based OID (2.25.x), registered to nobody, meaning "training only". */
export const TEST_TSA_POLICY = '2.25.118917024555275585088495145395783380260';

export interface TimestampAuthority {
  respond(requestDer: Uint8Array): Uint8Array;
  certificateDer: Uint8Array;
}

function rejection(failBit: number, text: string): Uint8Array {
  // PKIFailureInfo BIT STRING with one bit set (badAlg 0, badRequest 2, badDataFormat 5)
  const byte = 0x80 >> failBit;
  const failInfo = tlv(0x03, Uint8Array.of(7 - failBit, byte));
  return seq(seq(uint(2), seq(utf8(text)), failInfo));
}

export async function createTimestampAuthority(
  ca: TestCa,
  opts: { now?: () => Date } = {},
): Promise<TimestampAuthority> {
  const now = opts.now ?? (() => new Date());
  const t = now();
  const id = issueIdentity(ca, {
    commonName: 'Тестовий TSP-сервер Kabinet Kiosk',
    surname: 'TSP',
    givenName: 'TSP',
    role: 'tsa',
    validFrom: new Date(t.getTime() - 5 * 365 * 24 * 3600 * 1000),
    validTo: new Date(t.getTime() + 15 * 365 * 24 * 3600 * 1000),
  });
  const cert = parseCertificate(id.certificateDer);
  return {
    certificateDer: id.certificateDer,
    respond(requestDer) {
      try {
        return stamp(requestDer);
      } catch (e) {
        // systemFailure (bit 25): the caller gets a well-formed refusal, never an exception
        return seq(seq(uint(2), seq(utf8(`time-stamp failed: ${(e as Error).message}`))));
      }
    },
  };

  function stamp(requestDer: Uint8Array): Uint8Array {
    let req;
    try {
      req = parseTimeStampRequest(requestDer);
    } catch (e) {
      const msg = e instanceof DerError ? e.message : 'bad request';
      return rejection(msg.includes('GOST') ? 0 : 5, msg);
    }
    const at = now();
    const tstParts = [
      uint(1),
      oid(TEST_TSA_POLICY),
      seq(algorithm(OID.gost34311), octets(req.imprint)),
      uint(randomBytes(12)),
      genTime(at),
    ];
    if (req.nonce) tstParts.push(tlv(0x02, req.nonce));
    tstParts.push(explicit(0, explicit(4, cert.subjectDer)));
    const tstInfo = seq(...tstParts);
    const attrs = signedAttributes({
      contentType: OID.tstInfo,
      contentDigest: gostHash(tstInfo),
      signingTime: at,
      certificate: cert,
    });
    const signature = id.priv.sign(gostHash(attrs), 'le');
    const token = signedData({
      eContentType: OID.tstInfo,
      content: tstInfo,
      certificate: cert,
      signedAttrs: attrs,
      signature,
      includeCertificate: req.certReq,
    });
    return seq(seq(uint(0)), token);
  }
}
