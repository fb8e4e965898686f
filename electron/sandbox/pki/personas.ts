import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  createOcspResponder,
  createTestCa,
  createTimestampAuthority,
  exportTestCa,
  issueTestIdentity,
  loadTestCa,
  loadTrustList,
  renewTestIdentity,
  trustListOf,
  type OcspResponder,
  type TestCa,
  type TestSubject,
  type TimestampAuthority,
  type TrustList,
} from '../../core/esign/index';
import { parseCertificate } from '../../core/esign';
import { certificateNameOf, personaFullName, type PersonaSpec } from '../seed/personas';
import { addDays } from '../time';

export interface PersonaKey {
  id: string;
  keyFile: string;
  certificateFile: string;
  drfo: string;
  validFrom: string;
  validTo: string;
}

interface Manifest {
  /** root certificate of the CA that issued the persona keys (base64 DER) */
  caCertificate: string;
  /**
   * its private key (base64, unencrypted: training material that signs nothing real), so every start
   * can renew the personas' certificates and run the TSA and OCSP responder under the same CA
   */
  caPrivateKey?: string;
  personas: PersonaKey[];
}

export interface Pki {
  trust: TrustList;
  /** The CA as a CACertificates.p7b-style bundle: what a kiosk in training trusts. */
  trustBundle: Uint8Array;
  tsa: TimestampAuthority;
  ocsp: OcspResponder;
  /** Whether a certificate of the test CA (by serial, hex) is revoked. */
  isRevoked(serialHex: string): boolean;
  /** Revokes a persona's certificates from now on (tests, trainers); false for an unknown persona. */
  revokePersona(id: string): boolean;
  keys: Map<string, PersonaKey>;
}

export interface PersonaIdentity {
  persona: PersonaSpec;
  taxId: string;
  /** When the certificate ends, instead of two years after the keys are written (long test runs). */
  validTo?: Date;
}

const MANIFEST = 'manifest.json';

function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    return typeof m.caCertificate === 'string' && Array.isArray(m.personas) ? m : null;
  } catch {
    return null;
  }
}

/** Reuse the key files only if every one is there and each certificate is still in the state its persona needs. */
function reusable(m: Manifest, dir: string, identities: PersonaIdentity[], now: Date): boolean {
  if (typeof m.caPrivateKey !== 'string') return false;
  return identities.every(({ persona, taxId, validTo: wanted }) => {
    const k = m.personas.find((p) => p.id === persona.id);
    if (
      !k ||
      k.drfo !== taxId ||
      !existsSync(join(dir, k.keyFile)) ||
      !existsSync(join(dir, k.certificateFile))
    )
      return false;
    const validTo = Date.parse(k.validTo);
    if (wanted) return validTo === wanted.getTime() && Date.parse(k.validFrom) < now.getTime();
    return persona.certificate === 'expired'
      ? validTo < now.getTime()
      : validTo > addDays(now, 7).getTime() && Date.parse(k.validFrom) < now.getTime();
  });
}

function subjectOf(
  persona: PersonaSpec,
  taxId: string,
  validFrom: Date,
  validTo: Date,
  ocspUrl?: string,
): TestSubject {
  const name = certificateNameOf(persona);
  return {
    drfo: taxId,
    surname: name.lastName,
    givenName: `${name.firstName} ${name.secondName}`,
    commonName: personaFullName({ ...persona, ...name }),
    role: 'personal',
    validFrom,
    validTo,
    ...(ocspUrl ? { ocspUrl } : {}),
  };
}

async function writePersonaKeys(
  dir: string,
  ca: TestCa,
  identities: PersonaIdentity[],
  t: Date,
): Promise<Manifest> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const personas: PersonaKey[] = [];
  for (const { persona, taxId, validTo: wanted } of identities) {
    if (persona.keyFormat === 'none') continue; // a child without a key of their own
    const validFrom = persona.certificate === 'expired' ? addDays(t, -3 * 365) : addDays(t, -365);
    const validTo = wanted ?? (persona.certificate === 'expired' ? addDays(t, -10) : addDays(t, 2 * 365));
    const issued = await issueTestIdentity(ca, subjectOf(persona, taxId, validFrom, validTo), {
      format: persona.keyFormat,
      password: persona.password,
    });
    mkdirSync(join(dir, persona.id), { recursive: true, mode: 0o700 });
    const keyFile = join(persona.id, issued.fileName);
    const certificateFile = join(persona.id, `${persona.id}.cer`);
    writeFileSync(join(dir, keyFile), issued.file, { mode: 0o600 });
    writeFileSync(join(dir, certificateFile), issued.certificateDer);
    personas.push({
      id: persona.id,
      keyFile,
      certificateFile,
      drfo: taxId,
      validFrom: validFrom.toISOString(),
      validTo: validTo.toISOString(),
    });
  }
  const exported = exportTestCa(ca);
  const manifest: Manifest = {
    caCertificate: Buffer.from(exported.certificateDer).toString('base64'),
    caPrivateKey: Buffer.from(exported.privateKeyDer).toString('base64'),
    personas,
  };
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest, null, 2), { mode: 0o600 });
  return manifest;
}

/** The persona keys in `dir`, generated (slow: Key-6.dat) only when the ones there cannot be reused. */
async function keyStore(dir: string, identities: PersonaIdentity[], now: () => Date): Promise<Manifest> {
  const manifest = readManifest(dir);
  if (manifest && reusable(manifest, dir, identities, now())) return manifest;
  const tmp = `${dir}.tmp-${process.pid}-${randomUUID()}`;
  const fresh = await writePersonaKeys(tmp, await createTestCa({ now: now() }), identities, now());
  const current = readManifest(dir);
  if (current && reusable(current, dir, identities, now())) {
    // another sandbox sharing the folder finished first
    rmSync(tmp, { recursive: true, force: true });
    return current;
  }
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
    return fresh;
  } catch {
    rmSync(tmp, { recursive: true, force: true });
    const written = readManifest(dir);
    if (!written) throw new Error('sandbox persona keys could not be written');
    return written;
  }
}

const writeAtomically = (file: string, bytes: Uint8Array, mode: number): void => {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes, { mode });
  renameSync(tmp, file);
};

/**
 * The sandbox's test PKI. One CA, kept with the personas' keys (in `keysDir`, which several
 * sandboxes may share): its time-stamp authority and OCSP responder are made at every start, and
 * every start renews the personas' certificates — same keys, new certificates naming this
 * sandbox's OCSP responder (`ocspUrl`) in their authorityInfoAccess — into `personasDir`, the
 * folder the kiosk's key list shows (it may be `keysDir` itself). The `adult-revoked-cert`
 * persona's certificates are reported revoked. Keys are generated once (Key-6.dat encryption is
 * slow on purpose) and written to a temporary folder first, so sharing sandboxes never see half a set.
 */
export async function preparePki(opts: {
  keysDir: string;
  personasDir: string;
  identities: PersonaIdentity[];
  now: () => Date;
  ocspUrl: string;
}): Promise<Pki> {
  const { identities, now } = opts;
  const keysDir = resolve(opts.keysDir);
  const personasDir = resolve(opts.personasDir);
  const manifest = await keyStore(keysDir, identities, now);
  const ca = loadTestCa(
    new Uint8Array(Buffer.from(manifest.caCertificate, 'base64')),
    new Uint8Array(Buffer.from(manifest.caPrivateKey as string, 'base64')),
  );
  const revoked = new Set<string>();
  const serials = new Map<string, string[]>();
  const keys = new Map<string, PersonaKey>();
  for (const { persona, taxId } of identities) {
    const k = manifest.personas.find((p) => p.id === persona.id);
    if (!k) continue;
    const held = {
      file: new Uint8Array(readFileSync(join(keysDir, k.keyFile))),
      certificateDer: new Uint8Array(readFileSync(join(keysDir, k.certificateFile))),
      password: persona.password,
    };
    const renewed = renewTestIdentity(
      ca,
      subjectOf(persona, taxId, new Date(k.validFrom), new Date(k.validTo), opts.ocspUrl),
      held,
    );
    const keyFile = join(personasDir, k.keyFile);
    const certificateFile = join(personasDir, k.certificateFile);
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    if (renewed.file !== held.file) writeAtomically(keyFile, renewed.file, 0o600);
    else if (keysDir !== personasDir) copyFileSync(join(keysDir, k.keyFile), keyFile);
    writeAtomically(certificateFile, renewed.certificateDer, 0o644);
    const own = [held.certificateDer, renewed.certificateDer].map(serialOf);
    serials.set(persona.id, own);
    if (persona.certificate === 'revoked') for (const s of own) revoked.add(s);
    keys.set(persona.id, { ...k, keyFile, certificateFile });
  }
  const tsa = await createTimestampAuthority(ca, { now });
  // revoked a day before the sandbox's "now", for a reason QTSPs give when a key is lost
  const revokedAt = () => addDays(now(), -1);
  const ocsp = createOcspResponder(ca, {
    now,
    statusOf: (serial) =>
      revoked.has(serial)
        ? { kind: 'revoked', revokedAt: revokedAt(), reason: 'keyCompromise' }
        : { kind: 'good' },
  });
  const trustBundle = trustListOf(ca);
  return {
    trust: loadTrustList(trustBundle),
    trustBundle,
    tsa,
    ocsp,
    isRevoked: (serial) => revoked.has(serial.toLowerCase()),
    revokePersona: (id) => {
      const own = serials.get(id);
      for (const s of own ?? []) revoked.add(s);
      return own !== undefined;
    },
    keys,
  };
}

const serialOf = (der: Uint8Array): string => parseCertificate(der).serialHex;
