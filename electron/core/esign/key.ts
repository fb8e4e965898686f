/**
 * An opened signing key: its certificate (public) and a hash signer (private, reachable only
 * through `hashSignerOf` inside esign). Software keys keep the DSTU scalar in memory until
 * `close()` wipes it; token keys keep a PKCS#11 session.
 */
import { OID } from './oids';
import { formatName, isStampCertificate, nameValue, type ParsedCertificate } from './pki/certificate';

export interface HashSigner {
  /** Raw little-endian DSTU 4145 r‖s over a GOST 34.311 hash. */
  signHash(hash: Uint8Array): Promise<Uint8Array>;
  wipe(): void;
}

/** Public facts about the key's certificate (safe to show; no secret inside). */
export interface KeyInfo {
  drfo: string | null;
  edrpou: string | null;
  commonName: string | null;
  surname: string | null;
  givenName: string | null;
  organization: string | null;
  isStamp: boolean;
  certificate: { serial: string; issuer: string; notBefore: string; notAfter: string };
  /** Time-stamp service named in the certificate (subjectInfoAccess), if any. */
  tsaUrl: string | null;
}

export function keyInfoOf(cert: ParsedCertificate): KeyInfo {
  return {
    drfo: cert.drfo,
    edrpou: cert.edrpou,
    commonName: nameValue(cert.subject, OID.commonName),
    surname: nameValue(cert.subject, OID.surname),
    givenName: nameValue(cert.subject, OID.givenName),
    organization: nameValue(cert.subject, OID.organizationName),
    isStamp: isStampCertificate(cert),
    certificate: {
      serial: cert.serialHex,
      issuer: formatName(cert.issuer),
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
    },
    tsaUrl: cert.tspUrl,
  };
}

const signers = new WeakMap<OpenedKey, HashSigner>();

export class OpenedKey {
  readonly info: KeyInfo;
  private isClosed = false;

  constructor(
    readonly certificate: ParsedCertificate,
    signer: HashSigner,
  ) {
    this.info = keyInfoOf(certificate);
    signers.set(this, signer);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Wipes the key material (best effort; the signer process exiting is the real wipe). */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    signers.get(this)?.wipe();
    signers.delete(this);
  }
}

/** For esign's own signing code only (not re-exported from index.ts). */
export function hashSignerOf(key: OpenedKey): HashSigner | null {
  return key.closed ? null : (signers.get(key) ?? null);
}
