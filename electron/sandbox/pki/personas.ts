import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestCa,
  createTimestampAuthority,
  issueTestIdentity,
  loadTrustList,
  type TestCa,
  type TimestampAuthority,
  type TrustList,
} from '../../core/esign/index';
import { personaFullName, type PersonaSpec } from '../seed/personas';
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
  personas: PersonaKey[];
}

export interface Pki {
  trust: TrustList;
  tsa: TimestampAuthority;
  keys: Map<string, PersonaKey>;
}

export interface PersonaIdentity {
  persona: PersonaSpec;
  taxId: string;
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
  return identities.every(({ persona, taxId }) => {
    const k = m.personas.find((p) => p.id === persona.id);
    if (
      !k ||
      k.drfo !== taxId ||
      !existsSync(join(dir, k.keyFile)) ||
      !existsSync(join(dir, k.certificateFile))
    )
      return false;
    const validTo = Date.parse(k.validTo);
    return persona.certificate === 'expired'
      ? validTo < now.getTime()
      : validTo > addDays(now, 7).getTime() && Date.parse(k.validFrom) < now.getTime();
  });
}

async function writePersonaKeys(
  dir: string,
  ca: TestCa,
  identities: PersonaIdentity[],
  t: Date,
): Promise<Manifest> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const personas: PersonaKey[] = [];
  for (const { persona, taxId } of identities) {
    const validFrom = persona.certificate === 'expired' ? addDays(t, -3 * 365) : addDays(t, -365);
    const validTo = persona.certificate === 'expired' ? addDays(t, -10) : addDays(t, 2 * 365);
    const issued = await issueTestIdentity(
      ca,
      {
        drfo: taxId,
        surname: persona.lastName,
        givenName: `${persona.firstName} ${persona.secondName}`,
        commonName: personaFullName(persona),
        role: 'personal',
        validFrom,
        validTo,
      },
      { format: persona.keyFormat, password: persona.password },
    );
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
  const manifest: Manifest = { caCertificate: Buffer.from(ca.certificateDer).toString('base64'), personas };
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * The sandbox's test PKI: a CA and an RFC 3161 time-stamp authority made at every start, and the
 * personas' key files (Key-6.dat or .jks, each with its certificate beside it) kept in `dir` and
 * reused while they stay valid. The persona CA's root certificate is remembered so reused keys keep
 * verifying; both roots are trusted, by the sandbox only. Keys are written to a temporary folder and
 * renamed into place, so several sandboxes may share one key folder.
 */
export async function preparePki(dir: string, identities: PersonaIdentity[], now: () => Date): Promise<Pki> {
  const ca = await createTestCa({ now: now() });
  const tsa = await createTimestampAuthority(ca, { now });
  let manifest = readManifest(dir);
  if (!manifest || !reusable(manifest, dir, identities, now())) {
    const tmp = `${dir}.tmp-${process.pid}-${randomUUID()}`;
    const fresh = await writePersonaKeys(tmp, ca, identities, now());
    const current = readManifest(dir);
    if (current && reusable(current, dir, identities, now())) {
      // another sandbox sharing the folder finished first
      rmSync(tmp, { recursive: true, force: true });
      manifest = current;
    } else {
      rmSync(dir, { recursive: true, force: true });
      try {
        renameSync(tmp, dir);
        manifest = fresh;
      } catch {
        rmSync(tmp, { recursive: true, force: true });
        manifest = readManifest(dir);
        if (!manifest) throw new Error('sandbox persona keys could not be written');
      }
    }
  }
  const roots = Buffer.concat([
    Buffer.from(manifest.caCertificate, 'base64'),
    Buffer.from(ca.certificateDer),
  ]);
  const keys = new Map(
    manifest.personas.map(
      (k) =>
        [
          k.id,
          { ...k, keyFile: join(dir, k.keyFile), certificateFile: join(dir, k.certificateFile) },
        ] as const,
    ),
  );
  return { trust: loadTrustList(new Uint8Array(roots)), tsa, keys };
}
