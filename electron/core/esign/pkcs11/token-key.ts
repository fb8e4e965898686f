/**
 * Opening a signing key on a hardware token behind the same OpenedKey interface as key files:
 * log in, pair private keys with certificate objects by CKA_ID, pick the signing certificate by the
 * same rules, and sign GOST 34.311 hashes with the vendor DSTU mechanism (the key stays on the token).
 */
import { err, ok, type Result } from '#shared/result';
import { drfoMatches } from '../identity';
import { OpenedKey, type HashSigner } from '../key';
import {
  canSign,
  isStampCertificate,
  parseCertificate,
  validAt,
  type ParsedCertificate,
} from '../pki/certificate';
import { bytesEqual } from '../der';
import { passwordCodePoints } from '../containers/password';
import { DSTU_SIGN_MECHANISMS } from './mechanisms';
import { Pkcs11Token } from './token';

export interface TokenKeyOptions {
  expectedDrfo?: string;
  role?: 'personal' | 'stamp';
  now?: () => Date;
}

function pinString(pin: Uint8Array): string {
  // PKCS#11 takes the PIN as a C string; pkcs11js needs a JS string for that
  const cps = passwordCodePoints(pin);
  const s = String.fromCodePoint(...cps);
  cps.fill(0);
  return s;
}

export async function openTokenKey(
  source: { module: string; slot: number; keyLabel?: string },
  pin: Uint8Array,
  opts: TokenKeyOptions = {},
): Promise<Result<OpenedKey>> {
  const loaded = Pkcs11Token.load(source.module);
  if (!loaded.ok) return loaded;
  const token = loaded.value;
  let keep = false;
  try {
    const slot = token.listSlots()[source.slot];
    if (!slot) return err('KEY_NOT_FOUND', 'the token is not inserted');
    const mechanism = DSTU_SIGN_MECHANISMS.find((m) => slot.mechanisms.includes(m));
    if (mechanism === undefined)
      return err(
        'NOT_AVAILABLE',
        'this token does not offer DSTU 4145 signing (no Ukrainian PKCS#11 mechanism)',
      );
    const login = token.login(source.slot, pinString(pin));
    if (!login.ok) return login;
    const certs: { cert: ParsedCertificate; id: Uint8Array }[] = [];
    for (const c of token.certificates()) {
      try {
        certs.push({ cert: parseCertificate(c.der), id: c.id });
      } catch {
        // a certificate object we cannot read cannot be the signing certificate
      }
    }
    const now = (opts.now ?? (() => new Date()))();
    const candidates = token
      .privateKeys()
      .filter((k) => !source.keyLabel || k.label === source.keyLabel)
      .flatMap((k) =>
        certs.filter((c) => c.id.length > 0 && bytesEqual(c.id, k.id)).map((c) => ({ key: k, cert: c.cert })),
      )
      .filter((p) => canSign(p.cert))
      .filter((p) =>
        (opts.role ?? 'personal') === 'stamp' ? isStampCertificate(p.cert) : !isStampCertificate(p.cert),
      )
      .filter((p) => !opts.expectedDrfo || drfoMatches(p.cert.drfo, opts.expectedDrfo));
    const chosen = candidates.find((p) => validAt(p.cert, now)) ?? null;
    if (!chosen) return err('KEY_NO_SIGNING_KEY', 'the token holds no valid signing key for this person');
    const signer: HashSigner = {
      async signHash(hash) {
        const r = token.sign(chosen.key.handle, mechanism, hash);
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      },
      wipe() {
        token.close();
      },
    };
    keep = true;
    return ok(new OpenedKey(chosen.cert, signer));
  } finally {
    pin.fill(0);
    if (!keep) token.close();
  }
}
