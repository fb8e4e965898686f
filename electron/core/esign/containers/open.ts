/**
 * openKeyContainer: recognises the container, tries the password encodings, pairs decrypted keys
 * with certificates (from the container or supplied .cer/.crt files) and picks the signing key by
 * key usage, role and DRFO — never the encryption key, never a company stamp for a person.
 * Every decrypted buffer, the password candidates and the caller's password bytes are wiped.
 */
import { err, ok, type Result } from '#shared/result';
import { DerError } from '../der';
import { drfoMatches } from '../identity';
import { OpenedKey, type HashSigner } from '../key';
import {
  canSign,
  isStampCertificate,
  parseCertificate,
  publicKeyOf,
  validAt,
  type ParsedCertificate,
} from '../pki/certificate';
import { certificatesOfSignedData } from '../pki/trust';
import { readTlv, seqChildren, TAG } from '../der';
import { privateKeysFromDer, wipePrivateKey, type JkPriv } from '../vendor/jk';
import { parseJks, unprotectJksKey } from './jks';
import { decryptKey6, parseKey6 } from './key6';
import { passwordCandidates, passwordUtf16be, wipeAll } from './password';
import { parsePfx, decryptPfxBags } from './pfx';
import { sniffContainer, unwrapContainerBytes } from './sniff';

/** Key containers are kilobytes; refuse anything bigger before parsing. */
export const MAX_CONTAINER_BYTES = 1024 * 1024;

export interface OpenKeyOptions {
  /** Certificates from files beside the key (.cer/.crt: DER, PEM or a p7b bundle). */
  certificates?: Uint8Array[];
  /** Choose the key whose certificate carries this DRFO; fail if none does. */
  expectedDrfo?: string;
  /** 'personal' (default) never picks an organisation stamp; 'stamp' picks only stamps; 'any' prefers personal. */
  role?: 'personal' | 'stamp' | 'any';
  now?: () => Date;
}

interface Decrypted {
  keys: JkPriv[];
  certificates: Uint8Array[];
}

type DecryptOutcome =
  { kind: 'ok'; value: Decrypted } | { kind: 'wrong-password' } | { kind: 'unreadable'; message: string };

function keysFromPlain(plain: Uint8Array): JkPriv[] | null {
  try {
    return privateKeysFromDer(Buffer.from(plain));
  } catch {
    return null;
  }
}

function decrypt(file: Uint8Array, password: Uint8Array): DecryptOutcome {
  const kind = sniffContainer(file);
  const bytes = unwrapContainerBytes(file);
  switch (kind) {
    case 'jks': {
      const store = parseJks(bytes);
      if (store.keys.length === 0)
        return { kind: 'unreadable', message: 'the JKS store holds no private key' };
      const pw = passwordUtf16be(password);
      try {
        const keys: JkPriv[] = [];
        const certificates: Uint8Array[] = [...store.trusted];
        for (const entry of store.keys) {
          const plain = unprotectJksKey(entry, pw);
          if (!plain) return { kind: 'wrong-password' };
          const found = keysFromPlain(plain);
          plain.fill(0);
          if (!found)
            return { kind: 'unreadable', message: `JKS entry "${entry.alias}" is not a DSTU 4145 key` };
          keys.push(...found);
          certificates.push(...entry.chain);
        }
        return { kind: 'ok', value: { keys, certificates } };
      } finally {
        pw.fill(0);
      }
    }
    case 'key6-pbes2':
    case 'key6-iit': {
      const store = parseKey6(bytes);
      const candidates = passwordCandidates(password);
      try {
        for (const pw of candidates) {
          const plain = decryptKey6(store, pw);
          const keys = keysFromPlain(plain);
          plain.fill(0);
          if (keys) return { kind: 'ok', value: { keys, certificates: [] } };
        }
        return { kind: 'wrong-password' };
      } finally {
        wipeAll(candidates);
      }
    }
    case 'pfx': {
      const pfx = parsePfx(bytes);
      const candidates = passwordCandidates(password);
      try {
        for (const pw of candidates) {
          const opened = decryptPfxBags(pfx, pw);
          if (!opened) continue;
          const keys: JkPriv[] = [];
          for (const plain of opened.keys) {
            const found = keysFromPlain(plain);
            if (found) keys.push(...found);
          }
          wipeAll(opened.keys);
          if (keys.length) return { kind: 'ok', value: { keys, certificates: opened.certificates } };
        }
        return pfx.hasKeys
          ? { kind: 'wrong-password' }
          : { kind: 'unreadable', message: 'the PKCS#12 file holds no private key' };
      } finally {
        wipeAll(candidates);
      }
    }
    case 'pk8': {
      const keys = keysFromPlain(bytes);
      return keys
        ? { kind: 'ok', value: { keys, certificates: [] } }
        : { kind: 'unreadable', message: 'not a DSTU 4145 private key' };
    }
    case 'certificate':
      return { kind: 'unreadable', message: 'this is a certificate, not a key container' };
    default:
      return {
        kind: 'unreadable',
        message: 'not a key container this kiosk can read (Key-6.dat, .jks, .pfx, .pk8)',
      };
  }
}

/** Parses supplied certificate files: DER, PEM (several blocks), or a p7b bundle. Unreadable ones are skipped. */
export function certificatesFromFiles(files: readonly Uint8Array[]): ParsedCertificate[] {
  const out: ParsedCertificate[] = [];
  for (const f of files) {
    const blocks: Uint8Array[] = [];
    const head = Buffer.from(f.subarray(0, 40)).toString('latin1');
    if (head.includes('-----BEGIN')) {
      for (const m of Buffer.from(f)
        .toString('latin1')
        .matchAll(/-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END/g))
        blocks.push(new Uint8Array(Buffer.from((m[1] as string).replace(/\s+/g, ''), 'base64')));
    } else blocks.push(f);
    for (const b of blocks) {
      try {
        const first = seqChildren(readTlv(b), 'file')[0];
        const ders = first?.tag === TAG.OID ? certificatesOfSignedData(readTlv(b)) : [b];
        for (const d of ders) out.push(parseCertificate(d));
      } catch {
        // not a certificate: the caller passes every .cer/.crt beside the key, some may be other files
      }
    }
  }
  return out;
}

function softwareSigner(priv: JkPriv): HashSigner {
  let wiped = false;
  return {
    async signHash(hash) {
      if (wiped) throw new Error('the key was closed');
      return new Uint8Array(priv.sign(Buffer.from(hash), 'le'));
    },
    wipe() {
      wiped = true;
      wipePrivateKey(priv);
    },
  };
}

function certificateFor(priv: JkPriv, certs: readonly ParsedCertificate[]): ParsedCertificate | null {
  const pub = priv.pub();
  for (const c of certs) {
    try {
      if (publicKeyOf(c).point.equals(pub.point)) return c;
    } catch {
      // a certificate with another algorithm or curve cannot belong to this key
    }
  }
  return null;
}

type Pair = { priv: JkPriv; cert: ParsedCertificate };

function choose(pairs: Pair[], opts: OpenKeyOptions, now: Date): Result<Pair> {
  const signing = pairs.filter((p) => canSign(p.cert));
  if (signing.length === 0)
    return err(
      'KEY_NO_SIGNING_KEY',
      'the container has no signing key (only an encryption key or no certificate)',
    );
  const role = opts.role ?? 'personal';
  const byRole = signing.filter((p) =>
    role === 'stamp' ? isStampCertificate(p.cert) : !isStampCertificate(p.cert),
  );
  if (byRole.length === 0)
    return err(
      'KEY_NO_SIGNING_KEY',
      role === 'stamp'
        ? 'the container holds no organisation stamp'
        : 'the container holds only an organisation stamp, not a personal key',
    );
  const byDrfo = opts.expectedDrfo
    ? byRole.filter((p) => drfoMatches(p.cert.drfo, opts.expectedDrfo as string))
    : byRole;
  if (byDrfo.length === 0) return err('SIGNER_MISMATCH', 'the key belongs to another person (DRFO differs)');
  const valid = byDrfo.filter((p) => validAt(p.cert, now));
  if (valid.length === 0) {
    const c = (byDrfo[0] as Pair).cert;
    return now < c.notBefore
      ? err('CERT_NOT_YET_VALID', 'the key certificate is not valid yet', {
          notBefore: c.notBefore.toISOString(),
        })
      : err('CERT_EXPIRED', 'the key certificate has expired', { notAfter: c.notAfter.toISOString() });
  }
  // the most recently issued valid certificate wins (renewed keys keep old certificates beside them)
  valid.sort((a, b) => b.cert.notBefore.getTime() - a.cert.notBefore.getTime());
  return ok(valid[0] as Pair);
}

/**
 * Opens a key container in this process. Takes ownership of `password` and wipes it.
 * Errors: KEY_UNREADABLE, KEY_WRONG_PASSWORD, KEY_NO_SIGNING_KEY, SIGNER_MISMATCH, CERT_EXPIRED,
 * CERT_NOT_YET_VALID. (The 5-attempt lockout is applied by the caller, see lockout.ts.)
 */
export async function openKeyContainer(
  file: Uint8Array,
  password: Uint8Array,
  opts: OpenKeyOptions = {},
): Promise<Result<OpenedKey>> {
  let decrypted: Decrypted | null = null;
  try {
    if (file.length === 0) return err('KEY_UNREADABLE', 'the key file is empty');
    if (file.length > MAX_CONTAINER_BYTES)
      return err('KEY_UNREADABLE', 'the file is too large to be a key container');
    let outcome: DecryptOutcome;
    try {
      outcome = decrypt(file, password);
    } catch (e) {
      const message = e instanceof DerError ? e.message : 'the container structure is damaged';
      return err('KEY_UNREADABLE', `the key file cannot be read: ${message}`);
    }
    if (outcome.kind === 'wrong-password')
      return err('KEY_WRONG_PASSWORD', 'wrong password for this key file');
    if (outcome.kind === 'unreadable') return err('KEY_UNREADABLE', outcome.message);
    decrypted = outcome.value;
    const certs = certificatesFromFiles([...decrypted.certificates, ...(opts.certificates ?? [])]);
    const pairs: Pair[] = [];
    for (const priv of decrypted.keys) {
      const cert = certificateFor(priv, certs);
      if (cert) pairs.push({ priv, cert });
    }
    if (pairs.length === 0)
      return err(
        'KEY_NO_SIGNING_KEY',
        'no certificate matches the key; put the .cer/.crt file next to the key file',
      );
    const chosen = choose(pairs, opts, (opts.now ?? (() => new Date()))());
    if (!chosen.ok) return chosen;
    const key = new OpenedKey(chosen.value.cert, softwareSigner(chosen.value.priv));
    decrypted.keys = decrypted.keys.filter((k) => k !== chosen.value.priv);
    return ok(key);
  } finally {
    password.fill(0);
    if (decrypted) for (const k of decrypted.keys) wipePrivateKey(k);
  }
}
