/**
 * The training/test PKI: a throw-away root CA, personal certificates with a DRFO (including
 * passport-number DRFOs), organisation stamps (EKU electronic seal), a time-stamp authority, and
 * the key files patients would carry (Key-6.dat PBES2, PrivatBank-style .jks, unencrypted .pk8).
 * Nothing it makes is trusted outside training mode: its root is only in its own trust list.
 */
import { encodeCertificateBundle } from '../cms/build';
import { passwordUtf16be, wipeAll, passwordCandidates } from '../containers/password';
import { isJks, rechainJks, writeJks } from '../containers/jks';
import { OID } from '../oids';
import { bytesEqual, decodeOid, readWhole, seqChildren, type Tlv } from '../der';
import {
  privateKeysFromDer,
  stdCurve,
  writePbes2Store,
  type CurveName,
  type JkPriv,
  type JkPub,
} from '../vendor/jk';
import { nameValue, parseCertificate, publicKeyOf, type ParsedCertificate } from './certificate';
import { issueCertificate, keyIdOf, type NameInput } from './issue';

const CA_STATE = Symbol('test-ca');

interface CaState {
  curve: CurveName;
  priv: JkPriv;
  name: NameInput;
  certificateDer: Uint8Array;
  certificate: ParsedCertificate;
  now: Date;
}

/** Opaque handle to a test CA (its private key never leaves this module). */
export interface TestCa {
  readonly curve: CurveName;
  readonly certificateDer: Uint8Array;
  readonly [CA_STATE]: CaState;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

export async function createTestCa(
  opts: { curve?: CurveName; now?: Date; commonName?: string } = {},
): Promise<TestCa> {
  const curve = opts.curve ?? 'DSTU_PB_257';
  const now = opts.now ?? new Date();
  const priv = stdCurve(curve).keygen();
  const name: NameInput = {
    organization: 'Kabinet Kiosk TRAINING',
    commonName: opts.commonName ?? 'Тестовий ЦСК Kabinet Kiosk (лише для навчання)',
    serialNumber: 'UA-TEST-CA',
    country: 'UA',
    locality: 'Київ',
  };
  const certificateDer = issueCertificate({
    curve,
    subject: name,
    subjectPub: priv.pub(),
    subjectPriv: priv,
    issuer: 'self',
    validFrom: new Date(now.getTime() - 20 * YEAR_MS),
    validTo: new Date(now.getTime() + 20 * YEAR_MS),
    keyUsage: ['keyCertSign', 'cRLSign'],
    isCa: true,
  });
  const state: CaState = {
    curve,
    priv,
    name,
    certificateDer,
    certificate: parseCertificate(certificateDer),
    now,
  };
  return { curve, certificateDer, [CA_STATE]: state };
}

/** The trust bundle (a CACertificates.p7b-style SignedData) holding the test root. */
export function trustListOf(ca: TestCa): Uint8Array {
  return encodeCertificateBundle([ca.certificateDer]);
}

export interface TestSubject {
  drfo?: string;
  edrpou?: string;
  surname: string;
  givenName: string;
  commonName: string;
  role: 'personal' | 'stamp' | 'tsa' | 'ocsp';
  validFrom: Date;
  validTo: Date;
  tsaUrl?: string;
  /** The CA's OCSP responder, written into the certificate's authorityInfoAccess. */
  ocspUrl?: string;
  organization?: string;
}

export interface TestContainerSpec {
  format: 'key6' | 'jks' | 'pk8';
  password: string;
  /** Key-6.dat only: how the password is turned into bytes (IIT tools use cp1251; default). */
  passwordEncoding?: 'cp1251' | 'utf8';
}

export interface IssuedIdentity {
  priv: JkPriv;
  certificateDer: Uint8Array;
}

/** Issues a key pair and certificate under the CA (in-process; used by the TSA and the container writer). */
export function issueIdentity(ca: TestCa, subject: TestSubject, keyAgreementOnly = false): IssuedIdentity {
  const priv = stdCurve(ca[CA_STATE].curve).keygen();
  return { priv, certificateDer: issueCertificateFor(ca, subject, priv.pub(), keyAgreementOnly) };
}

/**
 * A certificate under the CA for an existing public key — a renewed certificate for a key that
 * already sits in a container (the sandbox renews its personas' certificates at every start).
 */
export function issueCertificateFor(
  ca: TestCa,
  subject: TestSubject,
  pub: JkPub,
  keyAgreementOnly = false,
): Uint8Array {
  const s = ca[CA_STATE];
  const caPub = s.priv.pub();
  const isStamp = subject.role === 'stamp';
  return issueCertificate({
    curve: s.curve,
    subject: {
      commonName: subject.commonName,
      surname: isStamp ? undefined : subject.surname,
      givenName: isStamp ? undefined : subject.givenName,
      organization:
        subject.organization ??
        (isStamp
          ? subject.commonName
          : subject.role === 'tsa' || subject.role === 'ocsp'
            ? s.name.organization
            : 'ФІЗИЧНА ОСОБА'),
      serialNumber: subject.drfo
        ? `TINUA-${subject.drfo.replace(/[^0-9A-Za-z]/g, '')}`
        : subject.edrpou
          ? `EDRPOU-${subject.edrpou}`
          : undefined,
      country: 'UA',
      locality: 'Київ',
    },
    subjectPub: pub,
    issuer: {
      name: s.certificate.subjectDer,
      priv: s.priv,
      keyId: s.certificate.subjectKeyId ?? keyIdOf(caPub),
    },
    validFrom: subject.validFrom,
    validTo: subject.validTo,
    keyUsage: keyAgreementOnly ? ['keyAgreement'] : ['digitalSignature', 'nonRepudiation'],
    extKeyUsage:
      subject.role === 'stamp'
        ? [OID.ekuElectronicStamp]
        : subject.role === 'tsa'
          ? [OID.ekuTimeStamping]
          : subject.role === 'ocsp'
            ? [OID.ekuOcspSigning]
            : undefined,
    drfo: subject.role === 'personal' ? subject.drfo : undefined,
    edrpou: subject.edrpou,
    tsaUrl: subject.tsaUrl,
    ocspUrl: subject.ocspUrl,
  });
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
};

const slug = (s: string): string =>
  [...s.toLowerCase()]
    .map((ch) => TRANSLIT[ch] ?? ch)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'key';

/**
 * Issues a test identity and writes its key container with a known password.
 * Key-6.dat holds only the key (its certificate travels as a .cer beside it — `certificateDer`);
 * a personal .jks also holds an encryption key first, as real PrivatBank stores do, to prove the
 * kiosk picks the signing key.
 */
export async function issueTestIdentity(
  ca: TestCa,
  subject: TestSubject,
  container: TestContainerSpec,
): Promise<{ file: Uint8Array; certificateDer: Uint8Array; fileName: string }> {
  const id = issueIdentity(ca, subject);
  const name = slug(
    subject.commonName === subject.surname
      ? subject.commonName
      : `${subject.surname}-${subject.drfo ?? subject.edrpou ?? ''}`,
  );
  const password = new Uint8Array(Buffer.from(container.password, 'utf8'));
  try {
    if (container.format === 'pk8') {
      return {
        file: new Uint8Array(id.priv.to_asn1()),
        certificateDer: id.certificateDer,
        fileName: `${name}.pk8`,
      };
    }
    if (container.format === 'key6') {
      // candidates are [cp1251, utf8] when they differ; the first is what IIT tools use
      const candidates = passwordCandidates(password);
      try {
        const pick = container.passwordEncoding === 'utf8' ? password : (candidates[0] as Uint8Array);
        const file = new Uint8Array(writePbes2Store(id.priv, Buffer.from(pick)));
        return { file, certificateDer: id.certificateDer, fileName: 'Key-6.dat' };
      } finally {
        wipeAll(candidates);
      }
    }
    const pw = passwordUtf16be(password);
    try {
      const chain = [id.certificateDer, ca.certificateDer];
      const entries = [
        { alias: subject.role === 'stamp' ? 'stamp' : 'sign', key: new Uint8Array(id.priv.to_asn1()), chain },
      ];
      if (subject.role === 'personal') {
        const enc = issueIdentity(ca, subject, true);
        entries.unshift({
          alias: 'encrypt',
          key: new Uint8Array(enc.priv.to_asn1()),
          chain: [enc.certificateDer, ca.certificateDer],
        });
      }
      return {
        file: writeJks(entries, pw, ca[CA_STATE].now),
        certificateDer: id.certificateDer,
        fileName: `${name}.jks`,
      };
    } finally {
      pw.fill(0);
    }
  } finally {
    password.fill(0);
  }
}

/**
 * Renews a test identity's certificate for the key its container already holds (new serial, the
 * subject's current extensions such as the OCSP URL), without decrypting anything: a Key-6.dat stays
 * as it is (its certificate travels beside it), a .jks gets the new certificate in its chain.
 */
export function renewTestIdentity(
  ca: TestCa,
  subject: TestSubject,
  held: { file: Uint8Array; certificateDer: Uint8Array; password: string },
): { file: Uint8Array; certificateDer: Uint8Array } {
  const pub = publicKeyOf(parseCertificate(held.certificateDer));
  const certificateDer = issueCertificateFor(ca, subject, pub);
  if (!isJks(held.file)) return { file: held.file, certificateDer };
  const pw = passwordUtf16be(new Uint8Array(Buffer.from(held.password, 'utf8')));
  try {
    const file = rechainJks(
      held.file,
      pw,
      (_alias, chain) =>
        chain[0] && bytesEqual(chain[0], held.certificateDer) ? [certificateDer, ca.certificateDer] : chain,
      ca[CA_STATE].now,
    );
    return { file, certificateDer };
  } finally {
    pw.fill(0);
  }
}

/**
 * The CA's certificate and (unencrypted) private key, so a CA made by `kiosk esign test-pki` can
 * be loaded again by the sandbox. Training material only: this key signs nothing real.
 */
export function exportTestCa(ca: TestCa): { certificateDer: Uint8Array; privateKeyDer: Uint8Array } {
  return { certificateDer: ca.certificateDer, privateKeyDer: new Uint8Array(ca[CA_STATE].priv.to_asn1()) };
}

export function loadTestCa(certificateDer: Uint8Array, privateKeyDer: Uint8Array): TestCa {
  const certificate = parseCertificate(certificateDer);
  const [priv] = privateKeysFromDer(Buffer.from(privateKeyDer));
  if (!priv || !publicKeyOf(certificate).point.equals(priv.pub().point))
    throw new Error('the CA key does not match the CA certificate');
  const curveOid = decodeOid(
    seqChildren(
      seqChildren(seqChildren(readWhole(certificate.spkiDer), 'spki')[0], 'algorithm')[1],
      'params',
    )[0] as Tlv,
  );
  const curve: CurveName = curveOid === OID.curvePb431 ? 'DSTU_PB_431' : 'DSTU_PB_257';
  const name: NameInput = {
    organization: nameValue(certificate.subject, OID.organizationName) ?? undefined,
    commonName: nameValue(certificate.subject, OID.commonName) ?? 'Test CA',
    serialNumber: nameValue(certificate.subject, OID.serialNumber) ?? undefined,
    country: nameValue(certificate.subject, OID.countryName) ?? 'UA',
    locality: nameValue(certificate.subject, OID.localityName) ?? undefined,
  };
  const state: CaState = { curve, priv, name, certificateDer, certificate, now: new Date() };
  return { curve, certificateDer, [CA_STATE]: state };
}

/** Internal: the CA state for the TSA (same module family only). */
export const caStateOf = (ca: TestCa): CaState => ca[CA_STATE];
