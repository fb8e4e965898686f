/**
 * PKCS#12 (.pfx/.p12) with GOST PBES2 bags, as IIT tools write them — best effort: key bags,
 * shrouded key bags and certificate bags in plain or PBES2-encrypted safes. The MAC is not
 * checked (GOST MAC parameters vary between tools); a wrong password shows up as keys that do not
 * decode, which the caller reports as a wrong password.
 */
import {
  DerError,
  TAG,
  decodeOid,
  expect,
  isContext,
  octets,
  readTlv,
  readWhole,
  seq,
  seqChildren,
  value,
  whole,
  type Tlv,
} from '../der';
import { OID } from '../oids';
import { decryptKey6, parseKey6, type Key6Store } from './key6';

export interface ParsedPfx {
  shroudedKeys: Key6Store[];
  plainKeys: Uint8Array[];
  encryptedSafes: Key6Store[];
  certificates: Uint8Array[];
  hasKeys: boolean;
}

function innerOf(t: Tlv): Tlv {
  if (!isContext(t, 0)) throw new DerError('expected [0]');
  return readTlv(t.buf, t.valueStart, t.end);
}

function readSafeContents(der: Uint8Array, out: ParsedPfx, depth: number): void {
  if (depth > 2) throw new DerError('PKCS#12 safes nested too deep');
  for (const bag of seqChildren(readWhole(der), 'SafeContents')) {
    const [idT, valT] = seqChildren(bag, 'SafeBag');
    const id = decodeOid(expect(idT, TAG.OID, 'bagId'));
    const v = innerOf(valT as Tlv);
    if (id === OID.pkcs12ShroudedKeyBag) {
      out.shroudedKeys.push(parseKey6(Uint8Array.from(whole(v))));
      out.hasKeys = true;
    } else if (id === OID.pkcs12KeyBag) {
      out.plainKeys.push(Uint8Array.from(whole(v)));
      out.hasKeys = true;
    } else if (id === OID.pkcs12CertBag) {
      const [certId, certVal] = seqChildren(v, 'CertBag');
      if (decodeOid(certId as Tlv) === OID.x509CertificateBag)
        out.certificates.push(
          Uint8Array.from(value(expect(innerOf(certVal as Tlv), TAG.OCTET_STRING, 'certValue'))),
        );
    }
  }
}

export function parsePfx(file: Uint8Array): ParsedPfx {
  const [, authSafe] = seqChildren(readWhole(file), 'PFX');
  const [typeT, contentT] = seqChildren(authSafe, 'authSafe');
  if (decodeOid(typeT as Tlv) !== OID.data) throw new DerError('PKCS#12 authSafe is not data');
  const safes = value(expect(innerOf(contentT as Tlv), TAG.OCTET_STRING, 'authSafe content'));
  const out: ParsedPfx = {
    shroudedKeys: [],
    plainKeys: [],
    encryptedSafes: [],
    certificates: [],
    hasKeys: false,
  };
  for (const ci of seqChildren(readWhole(safes), 'AuthenticatedSafe')) {
    const [ctT, cT] = seqChildren(ci, 'ContentInfo');
    const ct = decodeOid(ctT as Tlv);
    if (ct === OID.data)
      readSafeContents(value(expect(innerOf(cT as Tlv), TAG.OCTET_STRING, 'safe')), out, 0);
    else if (ct === OID.encryptedData) {
      const [, eci] = seqChildren(innerOf(cT as Tlv), 'EncryptedData');
      const [, algT, encT] = seqChildren(eci, 'EncryptedContentInfo');
      if (!encT || !isContext(encT, 0)) throw new DerError('PKCS#12 encrypted safe has no content');
      out.encryptedSafes.push(parseKey6(seq(whole(algT as Tlv), octets(value(encT)))));
      out.hasKeys = true; // may hold keys; only the password tells
    }
  }
  return out;
}

/** Decrypts all bags with one password candidate; null when nothing decrypts to valid structures. */
export function decryptPfxBags(
  pfx: ParsedPfx,
  password: Uint8Array,
): { keys: Uint8Array[]; certificates: Uint8Array[] } | null {
  const extra: ParsedPfx = {
    shroudedKeys: [],
    plainKeys: [],
    encryptedSafes: [],
    certificates: [],
    hasKeys: false,
  };
  for (const safe of pfx.encryptedSafes) {
    const plain = decryptKey6(safe, password);
    try {
      readSafeContents(plain, extra, 1);
    } catch {
      plain.fill(0);
      return null;
    }
    plain.fill(0);
  }
  const keys: Uint8Array[] = [...pfx.plainKeys.map((k) => Uint8Array.from(k)), ...extra.plainKeys];
  for (const s of [...pfx.shroudedKeys, ...extra.shroudedKeys])
    keys.push(new Uint8Array(decryptKey6(s, password)));
  return { keys, certificates: [...pfx.certificates, ...extra.certificates] };
}
