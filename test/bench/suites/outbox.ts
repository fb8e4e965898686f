/**
 * 4. Outbox: durable enqueue (sealed payload, audit entry, one transaction, WAL with
 * synchronous=FULL as shipped) against a plain insert of a row of the same size into a similar
 * table (WAL, synchronous=NORMAL); the same enqueue with synchronous=NORMAL separates the cost of
 * the fsync from the cost of the code. Then, against the sandbox: how fast the delivery worker
 * drains a queue (versus the same requests sent directly, one after another), and how soon the
 * first operation is delivered after the link comes back (versus delivery with the link up).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openKeyContainer, signJson, type TsaFunction } from '../../../electron/core/esign';
import type { TokenSet } from '../../../electron/core/ehealth/tokens';
import { silentLogger } from '../../../electron/core/log';
import { createServices, type KioskServices } from '../../../electron/core/services';
import { GROUPS, type BenchContext } from '../lib/context';
import type { SandboxChild } from '../lib/sandbox-child';
import { median, summarize } from '../lib/stats';

const SIGN_IN_PERSONA = 'adult-no-declaration';

function enqueueRevokes(services: KioskServices, n: number, tag: string): number[] {
  const patientKey = services.outbox.patientKeyFor(`bench-person-${tag}`);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = services.outbox.enqueue({ kind: 'app.revoke', params: { appId: `${tag}-${i}` }, patientKey });
    ms.push(performance.now() - t);
    if (!r.ok) throw new Error(`enqueue: ${r.error.message}`);
  }
  return ms;
}

function plainInserts(file: string, n: number, payloadBytes: number): number[] {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE ops (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, reference_code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
      state TEXT NOT NULL, patient_key TEXT, idempotency_key TEXT NOT NULL, payload BLOB,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, expires_at TEXT NOT NULL)`);
    db.exec('CREATE INDEX ops_state ON ops (state, seq)');
    const insert = db.prepare(
      `INSERT INTO ops (id, reference_code, kind, state, patient_key, idempotency_key, payload, created_at, updated_at, expires_at)
       VALUES (?, ?, 'app.revoke', 'captured', 'p', ?, ?, ?, ?, ?)`,
    );
    const payload = Buffer.alloc(payloadBytes, 7);
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const at = new Date().toISOString();
      const t = performance.now();
      insert.run(randomUUID(), `R${i}`, randomUUID(), payload, at, at, at);
      ms.push(performance.now() - t);
    }
    return ms;
  } finally {
    db.close();
  }
}

const perSecond = (ms: number[]) => ms.length / (ms.reduce((a, b) => a + b, 0) / 1000);

async function benchEnqueue(ctx: BenchContext): Promise<void> {
  const n = ctx.sizes.enqueues;
  const services = createServices({
    dataDir: join(ctx.tmp, 'outbox-enqueue'),
    log: silentLogger(),
    version: 'bench',
    background: false,
  });
  try {
    ctx.progress(`outbox: ${n} durable enqueues, ${n} at synchronous=NORMAL, ${n} plain inserts`);
    enqueueRevokes(services, 20, 'warm');
    const durable = enqueueRevokes(services, n, 'full');
    services.db.pragma('synchronous = NORMAL');
    const normal = enqueueRevokes(services, n, 'normal');
    services.db.pragma('synchronous = FULL');
    const payloadBytes = (
      services.db.prepare('SELECT max(length(payload)) AS n FROM outbox_operations').get() as { n: number }
    ).n;
    const plain = plainInserts(join(ctx.tmp, 'outbox-plain.db'), n, payloadBytes);
    const plainRate = perSecond(plain);
    const baseline = {
      name: `plain INSERT of a ${payloadBytes}-byte row into a similar table (WAL, synchronous=NORMAL)`,
      value: plainRate,
      detail: `p50 ${summarize(plain).p50.toFixed(3)} ms`,
    };
    ctx.add({
      group: GROUPS.outbox,
      name: 'durable enqueue (WAL + synchronous=FULL, as shipped)',
      value: perSecond(durable),
      unit: 'ops/s',
      detail: `${n} operations; p50 ${summarize(durable).p50.toFixed(2)} ms, p95 ${summarize(durable).p95.toFixed(2)} ms each`,
      baseline,
      better: 'higher',
    });
    ctx.add({
      group: GROUPS.outbox,
      name: 'same enqueue with synchronous=NORMAL (code cost without the fsync)',
      value: perSecond(normal),
      unit: 'ops/s',
      detail: `${n} operations; p50 ${summarize(normal).p50.toFixed(2)} ms`,
      baseline,
      better: 'higher',
    });
  } finally {
    await services.close();
  }
}

async function signIn(
  sb: SandboxChild,
  services: KioskServices,
): Promise<{ tokens: TokenSet; personId: string }> {
  const api = services.ehealth;
  if (!api) throw new Error('no eHealth client');
  const persona = sb.personas.find((p) => p.id === SIGN_IN_PERSONA);
  if (!persona) throw new Error(`the sandbox has no persona ${SIGN_IN_PERSONA}`);
  const key = await openKeyContainer(
    new Uint8Array(readFileSync(persona.keyFile)),
    new Uint8Array(Buffer.from(persona.password, 'utf8')),
    { certificates: [new Uint8Array(readFileSync(persona.certificateFile))] },
  );
  if (!key.ok) throw new Error(`persona key: ${key.error.message}`);
  const tsa: TsaFunction = async (request) => {
    const res = await fetch(sb.tsaUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: request,
    });
    if (!res.ok) throw new Error(`TSA answered ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  try {
    const nonce = await api.auth.nonce();
    if (!nonce.ok) throw new Error(`nonce: ${nonce.error.message}`);
    const signed = await signJson(key.value, JSON.stringify({ jwt: nonce.value.data.token }), { tsa });
    if (!signed.ok) throw new Error(`sign-in signature: ${signed.error.message}`);
    const token = await api.auth.signIn(signed.value.signedContent, sb.scope);
    if (!token.ok) throw new Error(`sign-in: ${token.error.message}`);
    const personId = token.value.data.user?.person_id ?? token.value.data.details?.applicant_person_id;
    if (!personId) throw new Error('the sign-in answer names no person');
    return { tokens: api.tokenSetFrom(token.value.data), personId };
  } finally {
    key.value.close();
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function benchDelivery(ctx: BenchContext, sb: SandboxChild): Promise<void> {
  const services = createServices({
    dataDir: join(ctx.tmp, 'outbox-delivery'),
    log: silentLogger(),
    version: 'bench',
    background: false,
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
  });
  const { worker, monitor } = services.offline;
  const api = services.ehealth;
  if (!worker || !monitor || !api) throw new Error('the outbox has no delivery worker');
  try {
    ctx.progress('outbox: signing in to the sandbox');
    const { tokens, personId } = await signIn(sb, services);
    const source = api.patientTokens(tokens);
    const methods = await api.person.authenticationMethods(source);
    if (!methods.ok) throw new Error(`authentication methods: ${methods.error.message}`);
    const method = methods.value.data.find((m) => m.is_active !== false);
    if (!method) throw new Error(`${SIGN_IN_PERSONA} has no active authentication method`);
    const patientKey = services.outbox.patientKeyFor(personId);
    let serial = 0;
    const enqueue = () => {
      const r = services.outbox.enqueue({
        kind: 'auth-method.set-alias',
        params: { methodId: method.id, alias: `Каса ${++serial}` },
        patientKey,
        credentials: tokens,
      });
      if (!r.ok) throw new Error(`enqueue: ${r.error.message}`);
      return r.value.id;
    };
    const delivered = async (id: string) => {
      const s = await services.outbox.whenSettled(id);
      if (s.view.state !== 'done')
        throw new Error(`operation ended ${s.view.state}: ${s.view.error?.code ?? ''}`);
    };

    const n = ctx.sizes.drained;
    ctx.progress(`outbox: draining ${n} operations, then ${n} direct calls`);
    const queued = Array.from({ length: n }, enqueue);
    const t0 = performance.now();
    const started = worker.start();
    if (!started.ok) throw new Error(`worker: ${started.error.message}`);
    await Promise.all(queued.map(delivered));
    const drainSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (let i = 0; i < n; i++) {
      const r = await api.person.setAuthenticationMethodAlias(source, method.id, `Пряма ${i}`, {
        idempotencyKey: randomUUID(),
      });
      if (!r.ok) throw new Error(`direct call: ${r.error.message}`);
    }
    const directSeconds = (performance.now() - t1) / 1000;
    ctx.add({
      group: GROUPS.outbox,
      name: 'drain to the sandbox (one patient: in order, one at a time)',
      value: n / drainSeconds,
      unit: 'ops/s',
      detail: `${n} queued PATCH operations, worker started → all delivered`,
      baseline: {
        name: 'the same requests sent directly with the eHealth client, one after another',
        value: n / directSeconds,
      },
      better: 'higher',
    });

    ctx.progress(`outbox: link restored → first delivery ×${ctx.sizes.linkRestores}`);
    monitor.start();
    const online: number[] = [];
    for (let i = 0; i < ctx.sizes.linkRestores; i++) {
      const t = performance.now();
      await delivered(enqueue());
      online.push(performance.now() - t);
    }
    const restored: number[] = [];
    for (let i = 0; i < ctx.sizes.linkRestores; i++) {
      await sb.setFaults({ outage: true });
      const id = enqueue();
      await until('the kiosk to notice the outage', () => services.connectivity() === 'offline');
      await until(
        'the operation to wait for the network',
        () => services.outbox.get(id)?.state === 'waiting-network',
      );
      const t = performance.now();
      await sb.setFaults({ outage: false });
      await delivered(id);
      restored.push(performance.now() - t);
    }
    ctx.add({
      group: GROUPS.outbox,
      name: 'link restored (sandbox outage off) → first delivery',
      value: median(restored),
      unit: 'ms',
      detail: `median of ${restored.length}; the connectivity probe runs every second while offline`,
      baseline: { name: 'enqueue → delivered with the link up', value: median(online) },
      better: 'lower',
    });
  } finally {
    await sb
      .setFaults({ outage: false })
      .catch((e: unknown) => ctx.progress(`could not end the sandbox outage: ${String(e)}`));
    await services.close();
  }
}

export async function benchOutbox(ctx: BenchContext): Promise<void> {
  await benchEnqueue(ctx);
  if (!ctx.sandbox) throw new Error('the outbox delivery benchmark needs the sandbox');
  await benchDelivery(ctx, ctx.sandbox);
}
