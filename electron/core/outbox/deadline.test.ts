/**
 * Deadlines are eHealth's own: a signed act waits for delivery exactly as long as eHealth keeps the
 * request it signs — through an outage of days — and one that reaches that deadline undelivered ends
 * `expired` with its reason and reference code, for the registrar to see (the ops CLI: cli/outbox.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import { RegistrarPanel } from '../registrar/panel';
import { DirectoryService } from '../directory/directory-service';
import { SettingsStore } from '../kiosk/settings';
import { TrustStore } from '../registrar/trust-store';
import { ok200, outboxRig, TOKENS } from './test-support.test-support';

const HOUR = 3_600_000;
const SIGNATURE = 'MIIB'.padEnd(96, 'x');

type Rig = Awaited<ReturnType<typeof outboxRig>>;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An outbox rig whose eHealth is reachable or not. */
async function rig() {
  const link = { down: false };
  const r = await outboxRig(() => (link.down ? 'drop' : ok200({ id: 'pr-1', status: 'SIGNED' })));
  cleanups.push(() => r.close());
  return { r, link };
}

/** The signed completion of a person request whose eHealth request (created now) lasts `termHours`. */
function signedAct(r: Rig, termHours: number) {
  const held = r.outbox.hold({
    kind: 'person-request.complete',
    params: { requestId: 'pr-1' },
    patientKey: 'patient-a',
    credentials: TOKENS,
    deadline: new Date(r.clock.now().getTime() + termHours * HOUR),
  });
  if (!held.ok) throw new Error(held.error.message);
  // the patient reads the printout for a quarter of an hour before signing
  r.clock.advance(15 * 60_000);
  const released = r.outbox.release(held.value.id, { signedContent: SIGNATURE });
  if (!released.ok) throw new Error(released.error.message);
  return released.value;
}

/** Hours of virtual time, the worker looking at the queue (and failing to send) every `stepMs`. */
async function pass(r: Rig, hours: number, stepMs = HOUR) {
  for (let t = 0; t < hours * HOUR; t += stepMs) {
    r.clock.advance(stepMs);
    await r.worker.idle();
  }
}

const panelOf = (r: Rig) =>
  new RegistrarPanel({
    version: 't',
    audit: r.audit,
    settings: new SettingsStore(r.db),
    trust: new TrustStore({ db: r.db, audit: r.audit, dataDir: ':memory:', media: { list: async () => [] } }),
    log: silentLogger(),
    outbox: () => r.outbox,
    directory: () => new DirectoryService({ db: r.db, api: null }),
    connectivity: () => 'offline',
    link: () => ({ cause: null, clockOffsetMs: null }),
    keyProtection: () => ({ protection: 'key-file', warning: true }),
    canQuit: () => false,
    now: r.clock.now,
  });

describe('deadlines of signed acts', () => {
  it('a signed act stays queued through a 3-day outage and is delivered once eHealth is back', async () => {
    const { r, link } = await rig();
    link.down = true;
    // eHealth keeps a request for 5 days here: the act may wait that long, not 30 minutes
    const op = signedAct(r, 5 * 24);
    expect(Date.parse(op.expiresAt ?? '')).toBe(r.clock.now().getTime() - 15 * 60_000 + 5 * 24 * HOUR);
    r.worker.start();
    await pass(r, 72);
    const during = r.outbox.get(op.id);
    expect(during).toMatchObject({ state: 'waiting-network', error: { code: 'EHEALTH_UNAVAILABLE' } });
    expect(during?.attempts).toBeGreaterThan(10);
    expect(r.row(op.id).payload).not.toBeNull();

    link.down = false;
    await pass(r, 1);
    expect(r.outbox.get(op.id)).toMatchObject({ state: 'done', error: null });
    // exactly one change reached eHealth, under the act's one idempotency key
    const delivered = r.srv.seen.filter((s) => s.method === 'PATCH');
    expect(new Set(delivered.map((s) => s.headers['x-idempotency-key'])).size).toBe(1);
  });

  it('past eHealth’s deadline it ends expired with its reason and code; the registrar is warned a day ahead and sees the end', async () => {
    const { r, link } = await rig();
    link.down = true;
    const op = signedAct(r, 30);
    r.worker.start();
    const panel = panelOf(r);

    await pass(r, 5);
    expect(panel.overview().nearDeadline).toBe(0);
    await pass(r, 1);
    // less than 24 hours left: the panel points it out
    expect(panel.overview().nearDeadline).toBe(1);
    expect(panel.operations(undefined, 10)[0]).toMatchObject({ id: op.id, nearDeadline: true });

    await pass(r, 24);
    const ended = r.outbox.get(op.id);
    expect(ended).toMatchObject({
      state: 'expired',
      referenceCode: op.referenceCode,
      error: { code: 'EXPIRED' },
    });
    expect(ended?.error?.message).toContain(op.expiresAt ?? 'no deadline');
    // the personal payload goes; the record, its reason and its code stay
    expect(r.row(op.id)).toMatchObject({ payload: null, reference_code: op.referenceCode });
    expect(panel.operations(undefined, 10)[0]).toMatchObject({
      id: op.id,
      state: 'expired',
      errorCode: 'EXPIRED',
      referenceCode: op.referenceCode,
      nearDeadline: false,
    });
    expect(r.auditActions().some((a) => a.action === 'outbox.expired' && a.subject === op.id)).toBe(true);
    // an expired act is never sent again, even when eHealth is back
    link.down = false;
    const sends = r.srv.seen.length;
    await pass(r, 5);
    expect(r.srv.seen.length).toBe(sends);
    expect(r.outbox.get(op.id)?.state).toBe('expired');
  });

  it('the patient’s refresh token lasts as long as the act’s eHealth deadline — through days offline — and goes with delivery', async () => {
    const { r, link } = await rig();
    link.down = true;
    const tokensKept = (key: string) => r.outbox.store.loadCredentials(key) !== null;
    // eHealth keeps this request for 50 hours
    const op = signedAct(r, 50);
    const deadline = Date.parse(op.expiresAt ?? '');
    r.worker.start();
    await pass(r, 48);
    expect(r.outbox.get(op.id)?.state).toBe('waiting-network');
    expect(tokensKept('patient-a')).toBe(true);
    // a minute before eHealth's deadline the tokens are still there; at it they are gone
    r.clock.advance(deadline - 60_000 - r.clock.now().getTime());
    await r.worker.idle();
    expect(tokensKept('patient-a')).toBe(true);
    r.clock.advance(60_000);
    await r.worker.idle();
    expect(tokensKept('patient-a')).toBe(false);
    expect(r.outbox.get(op.id)?.state).toBe('expired');

    // delivered: gone in the same step
    link.down = false;
    const delivered = r.outbox.hold({
      kind: 'person-request.complete',
      params: { requestId: 'pr-1' },
      patientKey: 'patient-c',
      credentials: TOKENS,
      deadline: new Date(r.clock.now().getTime() + 50 * HOUR),
    });
    if (!delivered.ok) throw new Error(delivered.error.message);
    expect(tokensKept('patient-c')).toBe(true);
    const settled = r.outbox.whenSettled(delivered.value.id);
    r.outbox.release(delivered.value.id, { signedContent: SIGNATURE });
    expect((await settled).view.state).toBe('done');
    expect(tokensKept('patient-c')).toBe(false);
  });

  it('only the unsigned hold ends sooner: a patient who never signs leaves nothing waiting', async () => {
    const { r } = await rig();
    const held = r.outbox.hold({
      kind: 'person-request.complete',
      params: { requestId: 'pr-2' },
      patientKey: 'patient-b',
      deadline: new Date(r.clock.now().getTime() + 5 * 24 * HOUR),
    });
    if (!held.ok) throw new Error(held.error.message);
    expect(Date.parse(held.value.expiresAt ?? '')).toBe(r.clock.now().getTime() + 30 * 60_000);
    r.worker.start();
    await pass(r, 1);
    expect(r.outbox.get(held.value.id)).toMatchObject({ state: 'expired', error: { code: 'EXPIRED' } });
  });
});
