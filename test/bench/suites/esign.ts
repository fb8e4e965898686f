/**
 * 3. E-signature on both DSTU 4145 curves the kiosk meets (257 and 431 bits): opening a Key-6.dat
 * container (and, on 257 bits, the old IIT store, PKCS#12 and JKS) with the GOST primitives in
 * WebAssembly against the same open on the JavaScript path (gost89), signing a declaration-sized JSON with a content time-stamp from a test TSA over
 * loopback HTTP, and verifying the envelope against the test trust list — against the bare
 * library calls doing the cryptographic core of each (jkurwa/gost89 directly): one hash + one
 * `Priv.sign`, one hash + one public-key verify. The ratio is our overhead: CAdES structure,
 * certificate checks, the TSA round trip and the self-check.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import {
  createTestCa,
  createTimestampAuthority,
  gostImplementation,
  useGostImplementation,
  issueTestIdentity,
  loadTrustList,
  openKeyContainer,
  signJson,
  trustListOf,
  verifySignedContent,
  type OpenedKey,
  type TestCa,
  type TsaFunction,
} from '../../../electron/core/esign';
import { issueIdentity } from '../../../electron/core/esign/pki/test-pki';
import { legacyContainers } from '../../../electron/core/esign/test-support';
import { GROUPS, type BenchContext } from '../lib/context';
import { formatNumber } from '../lib/results';
import { median } from '../lib/stats';

/** The part of jkurwa and gost89 the bare baseline calls. */
interface BarePub {
  verify(hash: Buffer, signature: Buffer, format: 'le'): boolean;
}
interface BarePriv {
  sign(hash: Buffer, format: 'le'): Buffer;
  pub(): BarePub;
}
interface BareAlgos {
  hash(data: Buffer): Buffer;
}
interface BareJkurwa {
  Priv: { from_protected(store: Buffer, password: Buffer, algos: BareAlgos): { keys: BarePriv[] } };
}
interface BareGost {
  compat: { algos(): BareAlgos };
}

// the esign import above has applied its asn1.js fixes to the shared module instances
const require = createRequire(import.meta.url);
const jkurwa = require('jkurwa') as BareJkurwa;
const algos = (require('gost89') as BareGost).compat.algos();

const PASSWORD = 'bench-Key6-2026';
const DAY = 86_400_000;

/** A declaration-request-sized JSON (about 4 KB), as eHealth hands it to the kiosk to sign. */
function declarationLikeJson(): string {
  const person = {
    first_name: 'Тарас',
    last_name: 'Шевченко',
    second_name: 'Григорович',
    birth_date: '1990-03-09',
    gender: 'MALE',
    tax_id: '3012345678',
    phones: [{ type: 'MOBILE', number: '+380501234567' }],
    addresses: [
      {
        type: 'RESIDENCE',
        country: 'UA',
        area: 'Київська',
        settlement: 'Київ',
        street: 'вулиця Хрещатик',
        building: '1',
        apartment: '12',
      },
    ],
    documents: [
      {
        type: 'PASSPORT',
        number: 'АА123456',
        issued_by: 'Шевченківський РВ ГУ МВС',
        issued_at: '2006-04-01',
      },
    ],
    authentication_methods: [{ type: 'OTP', phone_number: '+380501234567' }],
    emergency_contact: {
      first_name: 'Ольга',
      last_name: 'Шевченко',
      phones: [{ type: 'MOBILE', number: '+380671112233' }],
    },
    patient_signed: true,
    process_disclosure_data_consent: true,
  };
  const content =
    'Я, пацієнт, обираю лікаря з надання первинної медичної допомоги та погоджуюся на обробку персональних даних. '.repeat(
      14,
    );
  return JSON.stringify({
    id: '3c1f7a2e-5b8d-4e9a-9f10-2a6b7c8d9e0f',
    start_date: '2026-08-03',
    end_date: '2036-08-02',
    scope: 'family_doctor',
    person,
    employee: {
      id: 'e-1',
      position: 'P1',
      party: { first_name: 'Ірина', last_name: 'Коваленко', second_name: 'Петрівна' },
    },
    division: { id: 'd-1', name: 'Амбулаторія № 3', addresses: person.addresses },
    legal_entity: { id: 'l-1', name: 'КНП «Центр первинної медико-санітарної допомоги»', edrpou: '12345678' },
    content,
  });
}

async function loopbackTsa(
  respond: (req: Uint8Array) => Uint8Array,
): Promise<{ fn: TsaFunction; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.from(respond(new Uint8Array(Buffer.concat(chunks))));
      res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  const fn: TsaFunction = async (request) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: request,
    });
    if (!res.ok) throw new Error(`TSA answered ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  return { fn, server };
}

async function times<T>(n: number, fn: () => Promise<T> | T): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { ms, last: last as T };
}

/** What each container costs in GOST work when it opens. */
const KDF: Record<string, string> = {
  'Key-6.dat': 'PBES2: 10,000 GOST-HMAC rounds, GOST 28147-CFB',
  'Key-6.dat (old IIT store)': '10,000 GOST 34.311 passes, GOST 28147-ECB',
  'PKCS#12 (.pfx)': 'PBES2 key bag: 10,000 GOST-HMAC rounds',
  JKS: 'SHA-1 key protector, no GOST',
};

/** The other containers a patient may bring, on the same CA (257-bit). */
async function otherContainers(ca: TestCa, now: Date) {
  const subject = {
    drfo: '3012345679',
    surname: 'Коваль',
    givenName: 'Андрій Петрович',
    commonName: 'Коваль Андрій Петрович',
    role: 'personal' as const,
    validFrom: new Date(now.getTime() - DAY),
    validTo: new Date(now.getTime() + 365 * DAY),
  };
  const jks = await issueTestIdentity(ca, subject, { format: 'jks', password: PASSWORD });
  const id = issueIdentity(ca, subject);
  const legacy = legacyContainers(id.priv, id.certificateDer, { iit: PASSWORD, pfx: PASSWORD });
  return [
    { kind: 'Key-6.dat (old IIT store)', file: legacy.iitStore, password: PASSWORD, cert: id.certificateDer },
    { kind: 'PKCS#12 (.pfx)', file: legacy.pfx, password: PASSWORD, cert: id.certificateDer },
    { kind: 'JKS', file: jks.file, password: PASSWORD, cert: jks.certificateDer },
  ];
}

export async function benchEsign(ctx: BenchContext): Promise<void> {
  const json = declarationLikeJson();
  const bytes = Buffer.from(json, 'utf8');
  const { keyOpens, signatures } = ctx.sizes;
  for (const [curve, bits] of [
    ['DSTU_PB_257', 257],
    ['DSTU_PB_431', 431],
  ] as const) {
    ctx.progress(`esign: test PKI on the ${bits}-bit curve`);
    const now = new Date();
    const ca = await createTestCa({ curve, now });
    const tsa = await createTimestampAuthority(ca);
    const trust = loadTrustList(trustListOf(ca));
    const id = await issueTestIdentity(
      ca,
      {
        drfo: '3012345678',
        surname: 'Шевченко',
        givenName: 'Тарас Григорович',
        commonName: 'Шевченко Тарас Григорович',
        role: 'personal',
        validFrom: new Date(now.getTime() - DAY),
        validTo: new Date(now.getTime() + 365 * DAY),
      },
      { format: 'key6', password: PASSWORD },
    );
    const { fn: tsaFn, server } = await loopbackTsa((r) => tsa.respond(r));
    try {
      ctx.progress(`esign ${bits}: opening Key-6.dat ×${keyOpens} (WebAssembly and JavaScript)`);
      if (gostImplementation() !== 'wasm')
        throw new Error('the GOST WebAssembly module is missing: npm run build:wasm');
      const containers = [{ kind: 'Key-6.dat', file: id.file, password: PASSWORD, cert: id.certificateDer }];
      if (bits === 257) containers.push(...(await otherContainers(ca, now)));
      let key: OpenedKey | null = null;
      for (const c of containers) {
        const open = (kind: 'wasm' | 'js') => async (): Promise<OpenedKey> => {
          useGostImplementation(kind);
          const r = await openKeyContainer(c.file, new Uint8Array(Buffer.from(c.password, 'utf8')), {
            certificates: [c.cert],
          });
          useGostImplementation('wasm');
          if (!r.ok) throw new Error(`open ${c.kind}: ${r.error.message}`);
          return r.value;
        };
        await open('wasm')(); // warm-up (module compile, JIT)
        const ours = await times(keyOpens, open('wasm'));
        const js = await times(keyOpens, open('js'));
        if (c.kind === 'Key-6.dat') key = ours.last;
        else ours.last.close();
        js.last.close();
        ctx.add({
          group: GROUPS.esign,
          name: `${bits}-bit: open ${c.kind}`,
          value: median(ours.ms),
          unit: 'ms',
          detail: `median of ${keyOpens}; GOST primitives in WebAssembly (${KDF[c.kind] ?? 'no GOST key derivation'})`,
          baseline: { name: 'the same open on the JavaScript path (gost89)', value: median(js.ms) },
          better: 'lower',
          ...(c.kind === 'Key-6.dat' ? { target: { text: '≥ 5× faster', minFactor: 5 } } : {}),
        });
      }
      if (!key) throw new Error('no Key-6.dat key opened');
      const priv = jkurwa.Priv.from_protected(Buffer.from(id.file), Buffer.from(PASSWORD, 'utf8'), algos)
        .keys[0];
      if (!priv) throw new Error('bare open found no key');

      ctx.progress(`esign ${bits}: signing and verifying ×${signatures}`);
      const sign = async () => {
        const r = await signJson(key, json, { tsa: tsaFn, expectedDrfo: '3012345678' });
        if (!r.ok) throw new Error(`sign: ${r.error.message}`);
        return r.value.signedContent;
      };
      const signNoTsa = async () => {
        const r = await signJson(key, json, { tsa: null });
        if (!r.ok) throw new Error(`sign: ${r.error.message}`);
        return r.value.signedContent;
      };
      const bareSign = () => priv.sign(algos.hash(bytes), 'le');
      await sign(); // warm-up (JIT, the loopback connection)
      const signed = await times(signatures, sign);
      const signedNoTsa = ctx.quick ? null : await times(signatures, signNoTsa);
      const bareSigned = await times(signatures, bareSign);

      const der = new Uint8Array(Buffer.from(signed.last, 'base64'));
      const verify = async () => {
        const report = await verifySignedContent(der, { trust, requireTimestamp: true });
        if (!report.integrity || report.error)
          throw new Error(`verify: ${report.error?.message ?? 'no integrity'}`);
        return report;
      };
      const pub = priv.pub();
      const signature = bareSigned.last;
      const bareVerify = () => {
        if (!pub.verify(algos.hash(bytes), signature, 'le')) throw new Error('bare verify failed');
        return true;
      };
      await verify();
      const verified = await times(signatures, verify);
      const bareVerified = await times(signatures, bareVerify);

      const bareName = (what: string) => `jkurwa/gost89 directly: ${what}`;
      const add = (name: string, ms: number[], baseline: string, baseMs: number[], detail: string) =>
        ctx.add({
          group: GROUPS.esign,
          name: `${bits}-bit: ${name}`,
          value: median(ms),
          unit: 'ms',
          detail,
          baseline: { name: baseline, value: median(baseMs) },
          better: 'lower',
        });
      add(
        'sign JSON + content time-stamp (TSA over loopback HTTP)',
        signed.ms,
        bareName('hash + Priv.sign'),
        bareSigned.ms,
        `median of ${signatures}; ${formatNumber(json.length)} characters; includes the self-check`,
      );
      if (signedNoTsa)
        add(
          'sign JSON, no time-stamp',
          signedNoTsa.ms,
          bareName('hash + Priv.sign'),
          bareSigned.ms,
          `median of ${signatures}`,
        );
      add(
        'verify (trust list, time-stamp required)',
        verified.ms,
        bareName('hash + public-key verify'),
        bareVerified.ms,
        `median of ${signatures}; signer and TSA signatures, chains`,
      );
      key.close();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
  ctx.note(
    GROUPS.esign,
    'Keys, certificates and the time-stamp authority come from the test PKI (createTestCa, issueTestIdentity, createTimestampAuthority). Signing verifies its own output before returning it (signer signature, the time-stamp token and its signature), so a signature costs about one signing and two to three verifications on the curve.',
  );
}
