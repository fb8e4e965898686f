/**
 * Chaos: the delivery worker runs in a child process that is killed with SIGKILL at random moments,
 * at least 30 times, while the sandbox injects latency, 500/503/429 answers with Retry-After,
 * connection drops before and after the change is committed, and outages; meanwhile the kiosk
 * keeps queueing operations. Afterwards every operation has been applied on the sandbox exactly
 * once (by its idempotency key), in order per patient, none is lost, and the audit chain is intact.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type FaultConfig, type SandboxHandle } from '../../electron/sandbox';
import { loadSecretKey } from '../../electron/core/crypto/key-store';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import { createPisApiFromConfig, type PisApi } from '../../electron/core/ehealth/pis-api';
import type { TokenSet } from '../../electron/core/ehealth/tokens';
import { Outbox } from '../../electron/core/outbox/outbox';
import { AuditLog } from '../../electron/core/kiosk/audit';
import { appliedUnder, currentPersonPayload, kioskSignIn } from './outbox-helpers';

const KILLS = Number(process.env.KIOSK_CHAOS_KILLS ?? 32);
const WORKER = resolve(__dirname, 'chaos-worker.ts');

let sb: SandboxHandle;
let dataDir: string;
let db: ReturnType<typeof openKioskDatabase>;
let outbox: Outbox;
let audit: AuditLog;
let api: PisApi;

interface Patient {
  key: string;
  tokens: TokenSet;
  person: Record<string, unknown>;
}
const patients: Patient[] = [];

/** Seeded PRNG so a failing run can be repeated (the seed is printed). */
const seed = Number(process.env.KIOSK_CHAOS_SEED ?? Date.now() % 1_000_000);
let state = seed;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small' });
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-chaos-'));
  db = openKioskDatabase(dataDir);
  const key = loadSecretKey({ dataDir });
  audit = new AuditLog(db, key.box);
  outbox = new Outbox({
    environment: 'training',
    db,
    box: key.box,
    audit,
    keyProtection: key.protection,
    keyWarning: key.warning,
  });
  api = createPisApiFromConfig({
    baseUrl: sb.baseUrl,
    apiKey: sb.apiKey,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
  });
  for (const persona of ['adult-no-declaration', 'adult-with-apps', 'adult-with-declaration']) {
    const s = await kioskSignIn(sb, api, persona);
    patients.push({
      key: outbox.patientKeyFor(s.personId),
      tokens: s.tokens,
      person: await currentPersonPayload(api, s.tokens),
    });
  }
}, 180_000);

afterAll(async () => {
  db?.close();
  await sb?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A patient asks for a change of personal data: not idempotent on eHealth's side, so duplicates would show. */
/** idempotency key → patient key (the outbox forgets the patient of a finished operation). */
const keysOf = new Map<string, string>();

function enqueue(p: Patient, n: number): string {
  const r = outbox.enqueue({
    kind: 'person-request.create',
    params: {
      person: { ...p.person, secret: `Пароль${n}` },
      patientSigned: false,
      processDisclosureDataConsent: true,
    },
    patientKey: p.key,
    credentials: p.tokens,
  });
  if (!r.ok) throw new Error(r.error.message);
  const row = db.prepare('SELECT idempotency_key FROM outbox_operations WHERE id = ?').get(r.value.id) as {
    idempotency_key: string;
  };
  keysOf.set(row.idempotency_key, p.key);
  return r.value.id;
}

function randomFaults(): Partial<FaultConfig> {
  if (random() < 0.12) return { outage: true };
  return {
    outage: false,
    latencyMs: Math.floor(random() * 120),
    errorRate: random() * 0.35,
    errorStatus: pick([500, 503, 429] as const),
    retryAfterSeconds: random() < 0.5 ? 0 : 1,
    drop: pick(['none', 'before-commit', 'after-commit'] as const),
    dropRate: 0.15 + random() * 0.3,
  };
}

function startWorker(mode: 'chaos' | 'drain') {
  const configFile = join(dataDir, `chaos-worker-${mode}.json`);
  writeFileSync(
    configFile,
    JSON.stringify({
      dataDir,
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      mode,
    }),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  const line = (text: string) =>
    new Promise<void>((ok, fail) => {
      const check = () => (out.includes(text) ? ok() : undefined);
      child.stdout.on('data', check);
      void exited.then((e) =>
        fail(new Error(`worker exited (${e.code ?? e.signal}) before "${text}": ${err.slice(-2000)}`)),
      );
      check();
    });
  return { child, exited, line, stderr: () => err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('chaos: SIGKILLed delivery worker under injected faults', () => {
  it(`applies every operation exactly once, in order per patient, after ${KILLS} kills`, async () => {
    console.warn(`chaos seed ${seed} (repeat with KIOSK_CHAOS_SEED=${seed})`);
    const ids: string[] = [];
    let n = 0;
    for (const p of patients) for (let i = 0; i < 8; i++) ids.push(enqueue(p, n++));

    let kills = 0;
    let sentDuringChaos = 0;
    while (kills < KILLS) {
      sb.faults.reset();
      sb.faults.set(randomFaults());
      if (random() < 0.6) ids.push(enqueue(pick(patients), n++));
      const w = startWorker('chaos');
      await w.line('ready');
      await sleep(30 + Math.floor(random() * 600));
      w.child.kill('SIGKILL');
      const exit = await w.exited;
      expect(exit.signal, w.stderr()).toBe('SIGKILL');
      kills++;
      sentDuringChaos = count("SELECT count(*) AS n FROM outbox_operations WHERE state = 'done'");
    }

    sb.faults.reset();
    const drain = startWorker('drain');
    await drain.line('drained');
    expect((await drain.exited).code, drain.stderr()).toBe(0);

    // none lost: every operation is done; nothing is left sending or waiting
    const states = db.prepare('SELECT state, count(*) AS n FROM outbox_operations GROUP BY state').all();
    expect(states).toEqual([{ state: 'done', n: ids.length }]);
    // exactly once on eHealth's side
    const keys = db.prepare('SELECT id, idempotency_key FROM outbox_operations ORDER BY seq').all() as {
      id: string;
      idempotency_key: string;
    }[];
    for (const k of keys)
      expect(await appliedUnder(sb, k.idempotency_key), k.id).toMatchObject({ applied: 1 });
    // in order per patient: the sandbox applied each patient's operations in the order they were queued
    const r = await fetch(`${sb.baseUrl}/sandbox/operations`);
    const recent = ((await r.json()) as { data: { recent: { idempotency_key: string | null }[] } }).data
      .recent;
    const appliedOrder = recent.map((o) => o.idempotency_key).reverse();
    for (const p of patients) {
      const queued = (
        db.prepare('SELECT idempotency_key FROM outbox_operations ORDER BY seq').all() as {
          idempotency_key: string;
        }[]
      )
        .map((k) => k.idempotency_key)
        .filter((k) => keysOf.get(k) === p.key);
      expect(appliedOrder.filter((k): k is string => k !== null && keysOf.get(k) === p.key)).toEqual(queued);
    }
    expect(audit.verify().ok).toBe(true);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'outbox.recovered'")).toBeGreaterThan(0);
    console.warn(
      `chaos: ${kills} kills, ${ids.length} operations, ${sentDuringChaos} delivered before the final drain, ` +
        `${count("SELECT count(*) AS n FROM audit_log WHERE action = 'outbox.recovered'")} interrupted sends recovered, ` +
        `${count('SELECT count(*) AS n FROM audit_log WHERE detail LIKE \'%"to":"waiting-network"%\'')} retries`,
    );
  }, 900_000);
});
