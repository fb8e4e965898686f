import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connectivity } from '#shared/contract/app';
import { SecretBox } from '../crypto/secret-box';
import { errorEnvelope } from '../ehealth/scripted-server.test-support';
import { ok200, outboxRig, TOKENS } from './test-support.test-support';

type Rig = Awaited<ReturnType<typeof outboxRig>>;
const rigs: Rig[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
});
const rig = async (...args: Parameters<typeof outboxRig>) => {
  const r = await outboxRig(...args);
  rigs.push(r);
  return r;
};

const revoke = (r: Rig, appId: string, patientKey = 'patient-a') => {
  const q = r.outbox.enqueue({ kind: 'app.revoke', params: { appId }, patientKey, credentials: TOKENS });
  if (!q.ok) throw new Error(q.error.message);
  return q.value;
};

describe('DeliveryWorker', () => {
  it('delivers with the idempotency key, ends done with the eHealth id, purges personal data and the tokens', async () => {
    const r = await rig((req) =>
      req.path.startsWith('/api/pis/declaration_requests')
        ? {
            status: 201,
            body: { meta: { code: 201 }, data: { id: 'dr-9', data_to_be_signed: { id: 'dr-9' } } },
          }
        : { status: 204 },
    );
    const op = r.outbox.enqueue({
      kind: 'declaration-request.create',
      params: { employeeId: 'e-1', divisionId: 'd-1' },
      patientKey: 'patient-a',
      credentials: TOKENS,
    });
    if (!op.ok) throw new Error('enqueue');
    const settled = r.outbox.whenSettled(op.value.id);
    expect(r.worker.start().ok).toBe(true);
    const s = await settled;
    expect(s.view).toMatchObject({ state: 'done', ehealthId: 'dr-9', attempts: 1, error: null });
    expect(s.data).toMatchObject({ data_to_be_signed: { id: 'dr-9' } });
    expect(r.statesOf(op.value.id)).toEqual(['captured', 'sending', 'done']);
    const seen = r.srv.seen[0]!;
    expect(seen.headers['x-idempotency-key']).toBe(r.row(op.value.id).idempotency_key);
    expect(seen.headers.authorization).toBe('Bearer at-1');
    expect(seen.json).toEqual({ employee_id: 'e-1', division_id: 'd-1' });
    expect(r.row(op.value.id)).toMatchObject({ payload: null, patient_key: null, state: 'done' });
    // the patient's tokens went with the delivery of their last act (in the same transaction)
    expect(r.db.prepare('SELECT count(*) AS n FROM outbox_credentials').get()).toEqual({ n: 0 });
    expect(
      r
        .auditActions()
        .filter((a) => a.subject === op.value.id)
        .map((a) => JSON.parse(a.detail).to ?? a.action),
    ).toEqual(['outbox.captured', 'sending', 'done']);
  });

  it('keeps a queued act’s refresh token no longer than the act’s deadline, over days offline', async () => {
    const r = await rig(() => 'drop');
    const day = 24 * 3_600_000;
    const deadline = new Date(r.clock.now().getTime() + 3 * day);
    const early = r.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'app-1' },
      patientKey: 'patient-a',
      credentials: TOKENS,
      expiresAt: new Date(r.clock.now().getTime() + day),
    });
    const late = r.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'app-2' },
      patientKey: 'patient-a',
      credentials: TOKENS,
      expiresAt: deadline,
    });
    if (!early.ok || !late.ok) throw new Error('enqueue');
    const tokensKept = () => r.outbox.store.loadCredentials('patient-a') !== null;
    r.worker.start();
    await r.worker.idle();
    expect(tokensKept()).toBe(true);
    // day 2: the first act passed its deadline, the second still needs the tokens
    r.clock.advance(day + 60_000);
    await r.worker.idle();
    expect(r.outbox.get(early.value.id)?.state).toBe('expired');
    expect(tokensKept()).toBe(true);
    // one second before the last deadline they are still there; at the deadline they are gone,
    // even before the worker has marked the act expired
    r.clock.advance(deadline.getTime() - r.clock.now().getTime() - 1_000);
    expect(r.outbox.sweepCredentials().ok).toBe(true);
    expect(tokensKept()).toBe(true);
    r.clock.advance(1_000);
    expect(r.outbox.sweepCredentials().ok).toBe(true);
    expect(tokensKept()).toBe(false);
    await r.worker.idle();
    expect(r.outbox.get(late.value.id)?.state).toBe('expired');
    expect(r.db.prepare('SELECT count(*) AS n FROM outbox_credentials').get()).toEqual({ n: 0 });
  });

  it('retries 5xx, 429 and dropped connections with backoff, honouring Retry-After, then succeeds', async () => {
    const replies = [
      { status: 500, body: 'boom' },
      { status: 429, body: errorEnvelope(429, 'rate_limit', 'slow down'), headers: { 'retry-after': '30' } },
      'drop' as const,
      { status: 204 },
    ];
    const r = await rig(() => replies.shift() ?? { status: 204 });
    const op = revoke(r, 'app-1');
    r.worker.start();
    await r.worker.idle();
    expect(r.outbox.get(op.id)).toMatchObject({
      state: 'waiting-network',
      attempts: 1,
      error: { code: 'EHEALTH_UNAVAILABLE' },
    });
    // random() = 0.5 → half of base·2^0 = 500 ms
    expect(Date.parse(r.outbox.get(op.id)!.nextAttemptAt!) - r.clock.now().getTime()).toBe(500);
    r.clock.advance(500);
    await r.worker.idle();
    // 429 with Retry-After: 30 s is the floor, not the 1 s jitter window
    expect(Date.parse(r.outbox.get(op.id)!.nextAttemptAt!) - r.clock.now().getTime()).toBe(30_000);
    expect(r.row(op.id).last_error_kind).toBe('rate-limit');
    r.clock.advance(29_000);
    await r.worker.idle();
    expect(r.outbox.get(op.id)!.attempts).toBe(2);
    r.clock.advance(1_000);
    await r.worker.idle();
    expect(r.row(op.id).last_error_kind).toBe('network');
    r.clock.advance(2_000);
    await r.worker.idle();
    expect(r.outbox.get(op.id)).toMatchObject({ state: 'done', attempts: 4 });
    const keys = new Set(r.srv.seen.map((s) => s.headers['x-idempotency-key']));
    expect(keys.size).toBe(1);
  });

  it('keeps per-patient order, and a poison operation of one patient blocks neither their later ones nor others', async () => {
    const r = await rig((req) => {
      if (req.path.endsWith('/slow-1')) return { status: 503 };
      if (req.path.endsWith('/poison'))
        return {
          status: 422,
          body: errorEnvelope(422, 'validation_failed', 'Validation failed.', [
            {
              entry: '$.id',
              entry_type: 'json_data_property',
              rules: [{ rule: 'invalid', description: 'bad id' }],
            },
          ]),
        };
      return { status: 204 };
    });
    const a1 = revoke(r, 'slow-1', 'A');
    const a2 = revoke(r, 'a-2', 'A');
    const b1 = revoke(r, 'poison', 'B');
    const b2 = revoke(r, 'b-2', 'B');
    r.worker.start();
    await r.worker.idle();
    // A's second operation waits behind the first one that keeps failing
    expect(r.outbox.get(a1.id)!.state).toBe('waiting-network');
    expect(r.outbox.get(a2.id)!.state).toBe('captured');
    // B's poison operation is rejected with eHealth's error kept, and B's next one is delivered
    expect(r.outbox.get(b1.id)).toMatchObject({
      state: 'rejected',
      error: {
        code: 'VALIDATION',
        ehealth: {
          status: 422,
          type: 'validation_failed',
          message: 'Validation failed.',
          entries: ['$.id: bad id'],
        },
      },
    });
    expect(r.outbox.get(b2.id)!.state).toBe('done');
    const paths = r.srv.seen.map((s) => s.path.split('/').pop());
    expect(paths.indexOf('a-2')).toBe(-1);
    expect(paths.indexOf('poison')).toBeLessThan(paths.indexOf('b-2'));
    // the rejected operation keeps its payload for the registrar until discarded or expired
    expect(r.row(b1.id).payload).not.toBeNull();
  });

  it('renews a refused access token once and repeats the call; a refused refresh ends as needs-patient until the patient returns', async () => {
    let refreshAccepted = true;
    const r = await rig((req) => {
      if (req.path === '/oauth/tokens') {
        return refreshAccepted
          ? ok200({ value: 'at-2', expires_at: 4_102_444_800 })
          : {
              status: 401,
              body: errorEnvelope(401, 'access_denied', 'Resource owner revoked access for the client.'),
            };
      }
      return req.headers.authorization === 'Bearer at-2' || req.headers.authorization === 'Bearer at-3'
        ? { status: 204 }
        : { status: 401, body: errorEnvelope(401, 'access_denied', 'expired') };
    });
    const first = revoke(r, 'app-1');
    r.worker.start();
    await r.worker.idle();
    expect(r.outbox.get(first.id)!.state).toBe('done');
    expect(r.srv.seen.map((s) => s.path)).toEqual([
      '/api/pis/apps/app-1',
      '/oauth/tokens',
      '/api/pis/apps/app-1',
    ]);

    refreshAccepted = false;
    const second = r.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'app-2' },
      patientKey: 'patient-a',
      credentials: { accessToken: 'stale', refreshToken: 'revoked', expiresAt: null },
    });
    if (!second.ok) throw new Error('enqueue');
    await r.worker.idle();
    expect(r.outbox.get(second.value.id)).toMatchObject({
      state: 'needs-patient',
      error: { code: 'EHEALTH_UNAUTHORIZED' },
    });
    expect(r.row(second.value.id).payload).not.toBeNull();

    const resumed = r.outbox.resumePatient('patient-a', {
      accessToken: 'at-3',
      refreshToken: 'rt-3',
      expiresAt: null,
    });
    expect(resumed).toEqual({ ok: true, value: 1 });
    await r.worker.idle();
    expect(r.outbox.get(second.value.id)!.state).toBe('done');
  });

  it('expires operations past their eHealth request expiry, without sending, audited and purged', async () => {
    const r = await rig(() => ({ status: 204 }));
    const op = r.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'late' },
      patientKey: 'p',
      credentials: TOKENS,
      expiresAt: new Date(r.clock.now().getTime() + 60_000),
    });
    if (!op.ok) throw new Error('enqueue');
    r.clock.advance(60_001);
    const settled = r.outbox.whenSettled(op.value.id);
    r.worker.start();
    expect((await settled).view).toMatchObject({ state: 'expired', error: { code: 'EXPIRED' } });
    expect(r.srv.seen).toHaveLength(0);
    expect(r.row(op.value.id)).toMatchObject({ payload: null, patient_key: null });
    expect(r.auditActions().some((a) => a.action === 'outbox.expired' && a.subject === op.value.id)).toBe(
      true,
    );
  });

  it('a corrupt or foreign row is rejected and audited, and the worker goes on with the others', async () => {
    const r = await rig(() => ({ status: 204 }));
    const good = revoke(r, 'good', 'B');
    const foreignBox = new SecretBox(randomBytes(32));
    const insert = r.db.prepare(
      `INSERT INTO outbox_operations (id, reference_code, kind, state, patient_key, idempotency_key, payload, created_at, updated_at)
       VALUES (?, ?, ?, 'captured', 'A', ?, ?, ?, ?)`,
    );
    const at = r.clock.now().toISOString();
    insert.run(
      'foreign',
      'FRGN-0001',
      'app.revoke',
      'k1',
      foreignBox.sealJson({ kind: 'app.revoke', params: { appId: 'x' } }, 'outbox:foreign:payload'),
      at,
      at,
    );
    insert.run('garbage', 'GRBG-0001', 'app.revoke', 'k2', Buffer.from('not even sealed'), at, at);
    insert.run('unknown', 'UNKN-0001', 'rm -rf', 'k3', Buffer.from([1]), at, at);
    insert.run(
      'relabelled',
      'RLBL-0001',
      'declaration.terminate',
      'k4',
      r.box.sealJson({ kind: 'app.revoke', params: { appId: 'x' } }, 'outbox:relabelled:payload'),
      at,
      at,
    );
    insert.run('nopayload', 'NOPL-0001', 'app.revoke', 'k5', null, at, at);
    r.worker.start();
    await r.worker.idle();
    for (const id of ['foreign', 'garbage', 'unknown', 'relabelled', 'nopayload']) {
      expect(r.outbox.get(id)).toMatchObject({ state: 'rejected', error: { code: 'STORAGE_FAILED' } });
      expect(r.auditActions().some((a) => a.action === 'outbox.corrupt' && a.subject === id)).toBe(true);
    }
    expect(r.outbox.get(good.id)!.state).toBe('done');
    expect(r.srv.seen.map((s) => s.path)).toEqual(['/api/pis/apps/good']);
    expect(r.worker.isRunning).toBe(true);
  });

  it('resends an operation interrupted mid-send after a restart, with the same idempotency key', async () => {
    const r = await rig(() => ({ status: 204 }));
    const op = revoke(r, 'app-1');
    // a previous process claimed it and died
    r.outbox.transition(op.id, ['captured'], 'sending', { attemptsIncrement: true }, 'kiosk');
    r.db
      .prepare("INSERT INTO outbox_worker_lease (id, owner, pid, heartbeat_at) VALUES (1, 'dead', 999999, ?)")
      .run(r.clock.now().toISOString());
    expect(r.worker.start().ok).toBe(true);
    await r.worker.idle();
    expect(r.statesOf(op.id)).toEqual(['captured', 'sending', 'waiting-network', 'sending', 'done']);
    expect(r.auditActions().some((a) => a.action === 'outbox.recovered')).toBe(true);
    expect(r.srv.seen[0]!.headers['x-idempotency-key']).toBe(r.row(op.id).idempotency_key);
  });

  it('refuses a second worker while the first is alive', async () => {
    const r = await rig(() => ({ status: 204 }));
    r.worker.start();
    const { DeliveryWorker } = await import('./worker');
    const second = new DeliveryWorker({
      outbox: r.outbox,
      now: r.clock.now,
      client: {} as never,
      renew: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'x' } }),
    });
    expect(second.start()).toMatchObject({ ok: false, error: { code: 'SESSION_BUSY' } });
  });

  it('offline: never-tried operations wait for the network; when the link returns they go out at once', async () => {
    let link: Connectivity = 'offline';
    const listeners = new Set<(s: Connectivity) => void>();
    const connectivity = {
      state: () => link,
      onChange: (l: (s: Connectivity) => void) => (listeners.add(l), () => listeners.delete(l)),
    };
    let reachable = false;
    const r = await rig(() => (reachable ? { status: 204 } : 'drop'), { connectivity });
    const op = revoke(r, 'app-1');
    r.worker.start();
    await r.worker.idle();
    expect(r.outbox.get(op.id)!.state).toBe('waiting-network');
    expect(r.srv.seen).toHaveLength(0);
    // a network failure while "online" puts it back with a long backoff …
    link = 'online';
    r.row(op.id);
    r.db
      .prepare('UPDATE outbox_operations SET next_attempt_at = ? WHERE id = ?')
      .run(r.clock.now().toISOString(), op.id);
    await r.worker.idle();
    expect(r.row(op.id).last_error_kind).toBe('network');
    expect(r.outbox.get(op.id)!.state).toBe('waiting-network');
    // … but when the link is back, it is due immediately, not after the backoff
    link = 'offline';
    listeners.forEach((l) => l('offline'));
    reachable = true;
    link = 'online';
    const settled = r.outbox.whenSettled(op.id);
    listeners.forEach((l) => l('online'));
    expect((await settled).view.state).toBe('done');
  });

  it('signed submission: a held sign step is not sent until released, then goes out after its request', async () => {
    const r = await rig((req) =>
      req.method === 'POST'
        ? ok200({ id: 'dr-1', data_to_be_signed: { id: 'dr-1' } })
        : ok200({ id: 'dr-1', declaration_id: 'decl-77', status: 'SIGNED' }),
    );
    r.worker.start();
    const create = r.outbox.enqueue({
      kind: 'declaration-request.create',
      params: { employeeId: 'e', divisionId: 'd' },
      patientKey: 'A',
      credentials: TOKENS,
      flowId: 'flow-1',
    });
    if (!create.ok) throw new Error('enqueue');
    expect((await r.outbox.whenSettled(create.value.id)).data).toMatchObject({
      data_to_be_signed: { id: 'dr-1' },
    });
    const sign = r.outbox.hold({
      kind: 'declaration-request.sign',
      params: { requestId: 'dr-1' },
      patientKey: 'A',
      // the request's delivery dropped the tokens: the signed step brings them again (as the flow does)
      credentials: TOKENS,
      flowId: 'flow-1',
      dependsOn: create.value.id,
    });
    if (!sign.ok) throw new Error('hold');
    const signSettled = r.outbox.whenSettled(sign.value.id);
    await r.worker.idle();
    expect(r.outbox.get(sign.value.id)).toMatchObject({ state: 'captured', held: true });
    expect(r.srv.seen).toHaveLength(1);
    r.outbox.release(sign.value.id, { signedContent: 'MIIBASE64SIGNATURE==' });
    const done = await signSettled;
    expect(done.view).toMatchObject({ state: 'done', ehealthId: 'decl-77', flowId: 'flow-1' });
    expect(r.srv.seen[1]).toMatchObject({
      method: 'PATCH',
      path: '/api/pis/declaration_requests/dr-1/actions/sign',
      json: { signed_content: 'MIIBASE64SIGNATURE==', signed_content_encoding: 'base64' },
    });
  });
});
