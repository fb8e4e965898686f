/**
 * Helpers for esign tests (and the sandbox's fixtures): a ready test PKI with a TSA, identities
 * valid around a given instant, and envelope surgery to build the malformed cases eHealth rejects.
 */
import { children, explicit, octets, readTlv, seq, setOf, tlv, uint, whole, oid, seqChildren } from './der';
import { OID } from './oids';
import { parseContentInfo } from './cms/parse';
import { createTestCa, issueTestIdentity, type TestCa, type TestSubject } from './pki/test-pki';
import { createTimestampAuthority, type TimestampAuthority } from './tsa/authority';
import { loadTrustList, type TrustList } from './pki/trust';
import { trustListOf } from './pki/test-pki';
import type { SignerChannel, SignerLauncher } from './signer/launcher';
import { SIGNER_READY, type SignerRequest } from './signer/protocol';
import { SignerWorker } from './signer/worker';
import { gostEcb, iitKdf, writePbes2Store, type JkPriv } from './vendor/jk';

export const DAY_MS = 24 * 3600 * 1000;

export interface TestPki {
  ca: TestCa;
  tsa: TimestampAuthority;
  trust: TrustList;
  now: Date;
  tsaFn: (req: Uint8Array) => Promise<Uint8Array>;
}

export async function makeTestPki(now = new Date()): Promise<TestPki> {
  const ca = await createTestCa({ now });
  const tsa = await createTimestampAuthority(ca, { now: () => now });
  return { ca, tsa, trust: loadTrustList(trustListOf(ca)), now, tsaFn: async (req) => tsa.respond(req) };
}

export function person(now: Date, overrides: Partial<TestSubject> = {}): TestSubject {
  return {
    drfo: '3012345678',
    surname: 'Шевченко',
    givenName: 'Тарас Григорович',
    commonName: 'Шевченко Тарас Григорович',
    role: 'personal',
    validFrom: new Date(now.getTime() - 30 * DAY_MS),
    validTo: new Date(now.getTime() + 365 * DAY_MS),
    ...overrides,
  };
}

export function stamp(now: Date, overrides: Partial<TestSubject> = {}): TestSubject {
  return {
    edrpou: '41294110',
    surname: 'ТОВ "Клініка"',
    givenName: '',
    commonName: 'ТОВ "Клініка"',
    role: 'stamp',
    validFrom: new Date(now.getTime() - 30 * DAY_MS),
    validTo: new Date(now.getTime() + 365 * DAY_MS),
    ...overrides,
  };
}

export { issueTestIdentity };

/**
 * The signer's worker bound to an in-process channel with the same messages as the signer process
 * (each one cloned as IPC would clone it): for tests that open keys hundreds of times, where a
 * process per open would cost seconds. Everything else (lockout, session, worker) is the real code.
 */
export function inProcessSignerLauncher(): SignerLauncher & { launched(): number } {
  let launched = 0;
  return {
    launched: () => launched,
    launch(): SignerChannel {
      launched++;
      const worker = new SignerWorker();
      const onMessage: ((m: unknown) => void)[] = [];
      const onExit: ((code: number | null) => void)[] = [];
      let alive = true; // takes requests
      let exited = false; // delivers nothing more
      let queue: Promise<void> = Promise.resolve();
      const post = (m: unknown) => {
        const copy = structuredClone(m);
        setImmediate(() => {
          if (!exited) for (const l of onMessage) l(copy);
        });
      };
      const exit = (code: number | null) => {
        if (!alive) return;
        alive = false;
        worker.closeKey();
        // after what was posted before (a `close` answer), as a process's last messages arrive first
        setImmediate(() => {
          exited = true;
          for (const l of onExit) l(code);
        });
      };
      post(SIGNER_READY);
      return {
        send(message: SignerRequest) {
          if (!alive) return;
          const req = structuredClone(message);
          queue = queue.then(async () => {
            post(await worker.handle(req));
            if (req.type === 'close') exit(0);
          });
        },
        onMessage: (l) => void onMessage.push(l),
        onExit: (l) => void onExit.push(l),
        kill: () => exit(null),
        pid: undefined,
      };
    },
  };
}

/**
 * Merges the signer infos and certificates of several single-signer envelopes over the same
 * content into one envelope (the "two signatures in one envelope" case eHealth rejects).
 */
export function mergeSigners(envelopes: readonly Uint8Array[]): Uint8Array {
  const parts = envelopes.map((der) => {
    const { content } = parseContentInfo(der);
    if (!content) throw new Error('empty envelope');
    const f = seqChildren(content, 'SignedData');
    const certs = f.find((t) => t.tag === 0xa0);
    const infos = f[f.length - 1];
    if (!certs || !infos) throw new Error('unexpected envelope');
    return {
      encap: whole(f[2] as ReturnType<typeof readTlv>),
      certs: children(certs).map(whole),
      infos: children(infos).map(whole),
    };
  });
  const first = parts[0];
  if (!first) throw new Error('no envelopes');
  const sd = seq(
    uint(1),
    setOf(seq(oid(OID.gost34311))),
    first.encap,
    tlv(0xa0, Buffer.concat(parts.flatMap((p) => p.certs))),
    setOf(...parts.flatMap((p) => p.infos)),
  );
  return seq(oid(OID.signedData), explicit(0, sd));
}

/**
 * Containers no QTSP sample exists for here, written with the same primitives the reader uses:
 * the old IIT store (body ‖ pad as GOST-ECB under GOST 34.311^10000 of the password) and an
 * IIT-style PKCS#12 (a PBES2-shrouded key bag and a certificate bag).
 */
export function legacyContainers(
  priv: JkPriv,
  certificateDer: Uint8Array,
  passwords: { iit: string; pfx: string },
): { iitStore: Uint8Array; pfx: Uint8Array } {
  const plain = priv.to_asn1();
  const padLen = (8 - (plain.length % 8)) % 8;
  const key = iitKdf(Buffer.from(passwords.iit));
  const enc = gostEcb(key, Buffer.concat([plain, Buffer.alloc(padLen)]), false);
  key.fill(0);
  const iitStore = seq(
    seq(oid(OID.iitStore), seq(octets(Uint8Array.of(1, 2, 3, 4)), octets(enc.subarray(plain.length)))),
    octets(enc.subarray(0, plain.length)),
  );
  const shrouded = writePbes2Store(priv, Buffer.from(passwords.pfx));
  const safe = seq(
    seq(oid(OID.pkcs12ShroudedKeyBag), explicit(0, shrouded)),
    seq(
      oid(OID.pkcs12CertBag),
      explicit(0, seq(oid(OID.x509CertificateBag), explicit(0, octets(certificateDer)))),
    ),
  );
  const authSafe = seq(seq(oid(OID.data), explicit(0, octets(safe))));
  return { iitStore, pfx: seq(uint(3), seq(oid(OID.data), explicit(0, octets(authSafe)))) };
}
