/**
 * CMS encoders: attached SignedData with one SignerInfo (CAdES-BES signed attributes in DER order)
 * for our own signatures and for the test TSA's tokens, and the degenerate "p7b" certificate bundle.
 */
import { explicit, implicit, octets, oid, seq, setOf, tlv, uint, utcTime, TAG } from '../der';
import { OID } from '../oids';
import type { ParsedCertificate } from '../pki/certificate';
import { gostHash } from '../vendor/jk';

export const algorithm = (id: string): Uint8Array => seq(oid(id));

export const attribute = (type: string, ...values: Uint8Array[]): Uint8Array =>
  seq(oid(type), setOf(...values));

/** ESSCertIDv2 with the GOST 34.311 hash of the certificate and its issuer + serial. */
export function signingCertificateV2(cert: ParsedCertificate): Uint8Array {
  const issuerSerial = seq(seq(explicit(4, cert.issuerDer)), cert.serialTlv);
  const essCertId = seq(algorithm(OID.gost34311), octets(gostHash(cert.der)), issuerSerial);
  return attribute(OID.signingCertificateV2, seq(seq(essCertId)));
}

export interface SignedAttributesInput {
  contentType: string;
  contentDigest: Uint8Array;
  signingTime: Date;
  certificate: ParsedCertificate;
  /** A time-stamp token (ContentInfo DER) over the content, added as contentTimeStamp. */
  contentTimeStampToken?: Uint8Array | null;
}

/** The signed attributes as a DER SET OF (sorted), i.e. exactly the bytes that get hashed and signed. */
export function signedAttributes(input: SignedAttributesInput): Uint8Array {
  const attrs = [
    attribute(OID.contentType, oid(input.contentType)),
    attribute(OID.signingTime, utcTime(input.signingTime)),
    attribute(OID.messageDigest, octets(input.contentDigest)),
    signingCertificateV2(input.certificate),
  ];
  if (input.contentTimeStampToken) attrs.push(attribute(OID.contentTimeStamp, input.contentTimeStampToken));
  return setOf(...attrs);
}

export interface SignedDataInput {
  eContentType: string;
  content: Uint8Array;
  certificate: ParsedCertificate;
  /** DER SET OF attributes as returned by signedAttributes(). */
  signedAttrs: Uint8Array;
  /** Raw little-endian r‖s. */
  signature: Uint8Array;
  extraCertificates?: readonly Uint8Array[];
  /** Embed the signer certificate (default true; a TSA leaves it out when not asked for it). */
  includeCertificate?: boolean;
}

export function signedData(input: SignedDataInput): Uint8Array {
  const signerInfo = seq(
    uint(1),
    seq(input.certificate.issuerDer, input.certificate.serialTlv),
    algorithm(OID.gost34311),
    implicit(0, input.signedAttrs),
    algorithm(OID.dstu4145le),
    octets(input.signature),
  );
  const certs = [
    ...(input.includeCertificate === false ? [] : [input.certificate.der]),
    ...(input.extraCertificates ?? []),
  ];
  const sd = seq(
    uint(1),
    setOf(algorithm(OID.gost34311)),
    seq(oid(input.eContentType), explicit(0, octets(input.content))),
    ...(certs.length ? [tlv(0xa0, Buffer.concat(certs))] : []),
    setOf(signerInfo),
  );
  return seq(oid(OID.signedData), explicit(0, sd));
}

/** A degenerate SignedData (no content, no signers) carrying certificates: a CACertificates.p7b. */
export function encodeCertificateBundle(certificates: readonly Uint8Array[]): Uint8Array {
  const sd = seq(
    uint(1),
    tlv(TAG.SET, new Uint8Array(0)),
    seq(oid(OID.data)),
    tlv(0xa0, Buffer.concat([...certificates])),
    tlv(TAG.SET, new Uint8Array(0)),
  );
  return seq(oid(OID.signedData), explicit(0, sd));
}
