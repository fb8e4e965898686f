/**
 * Content sniffing of key containers (used to open them and to list candidates on removable
 * media): decides the format from the first structures only, without a password.
 */
import { TAG, decodeOid, readWhole, seqChildren, value, type Tlv } from '../der';
import { OID } from '../oids';
import { isJks } from './jks';

export type ContainerKind = 'jks' | 'key6-pbes2' | 'key6-iit' | 'pfx' | 'pk8' | 'certificate' | 'unknown';

/** PEM → DER of the first block; strips the 6-byte prefix some IIT tools put before Key-6 data. */
export function unwrapContainerBytes(file: Uint8Array): Uint8Array {
  const head = Buffer.from(file.subarray(0, 64)).toString('latin1');
  if (head.includes('-----BEGIN')) {
    const m = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END/.exec(Buffer.from(file).toString('latin1'));
    if (m) return new Uint8Array(Buffer.from((m[1] as string).replace(/\s+/g, ''), 'base64'));
  }
  if (file[0] === 0x51 && file[6] === TAG.SEQUENCE) return file.subarray(6);
  return file;
}

function oidOf(t: Tlv | undefined): string | null {
  try {
    return t && t.tag === TAG.OID ? decodeOid(t) : null;
  } catch {
    return null;
  }
}

export function sniffContainer(file: Uint8Array): ContainerKind {
  if (isJks(file)) return 'jks';
  const bytes = unwrapContainerBytes(file);
  let parts: Tlv[];
  try {
    parts = seqChildren(readWhole(bytes), 'container');
  } catch {
    return 'unknown';
  }
  const [a, b] = parts;
  if (!a) return 'unknown';
  try {
    if (a.tag === TAG.SEQUENCE) {
      const first = seqChildren(a, 'algorithm')[0];
      const id = oidOf(first);
      if (id === OID.pbes2) return 'key6-pbes2';
      if (id === OID.iitStore) return 'key6-iit';
      if (parts.length === 3 && b?.tag === TAG.SEQUENCE) return 'certificate';
      return 'unknown';
    }
    if (a.tag === TAG.INTEGER && b?.tag === TAG.SEQUENCE) {
      const version = value(a);
      const inner = seqChildren(b, 'second');
      if (version.length === 1 && version[0] === 3 && oidOf(inner[0]) === OID.data) return 'pfx';
      if (version.length === 1 && version[0] === 0 && oidOf(inner[0]) === OID.dstu4145le) return 'pk8';
    }
  } catch {
    return 'unknown';
  }
  return 'unknown';
}
