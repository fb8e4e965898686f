import { afterEach, describe, expect, it } from 'vitest';
import { errorEnvelope } from '../ehealth/scripted-server.test-support';
import { ok200, outboxRig, TOKENS } from './test-support.test-support';

/**
 * An act sent as the kiosk's own PIS client (a registration: the person has no tokens yet): stored
 * without a patient key or tokens, its client id and secret added only when it is sent, never
 * waiting for a patient, and ending at its deadline like every act.
 */
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

const MINUTE = 60_000;
const SIGNED = 'MIIB'.padEnd(96, 'x');

function registration(r: Rig, deadlineMs = 15 * MINUTE) {
  const held = r.outbox.hold({
    kind: 'registration.sign-up',
    params: { otp: 1234 },
    patientKey: null,
    deadline: new Date(r.clock.now().getTime() + deadlineMs),
  });
  if (!held.ok) throw new Error(held.error.message);
  const released = r.outbox.release(held.value.id, { signedContent: SIGNED });
  if (!released.ok) throw new Error(released.error.message);
  return released.value;
}

describe('an act sent as the kiosk’s client (registration.sign-up)', () => {
  it('is stored without patient or tokens and sent with the client credentials added at send time', async () => {
    const r = await rig(() =>
      ok200({ person: { id: 'person-new' }, token: { value: 'at-new', details: { refresh_token: 'r' } } }),
    );
    const op = registration(r);
    expect(r.row(op.id)).toMatchObject({ patient_key: null, held: 0, expires_at: op.expiresAt });
    expect(r.db.prepare('SELECT count(*) AS n FROM outbox_credentials').get()).toEqual({ n: 0 });
    const stored = r.outbox.store.readPayload(r.outbox.store.get(op.id)!);
    expect(stored.ok && stored.payload.params).toEqual({ otp: 1234, signedContent: SIGNED });
    expect(JSON.stringify(stored.ok && stored.payload)).not.toMatch(/"s"|client/);

    const settled = r.outbox.whenSettled(op.id);
    r.worker.start();
    expect((await settled).view).toMatchObject({ state: 'done', ehealthId: 'person-new' });
    const seen = r.srv.seen[0]!;
    expect(seen.path).toBe('/api/pis/sign-up');
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers['api-key']).toBe('k');
    expect(seen.json).toEqual({
      signed_content: SIGNED,
      signed_content_encoding: 'base64',
      otp: 1234,
      token: { grant_type: 'pis_auth', client_id: 'c', client_secret: 's', scope: '' },
    });
    expect(r.row(op.id)).toMatchObject({ payload: null, patient_key: null });
  });

  it('a refusal ends it rejected with eHealth’s reason — never waiting for a patient — purged at its deadline', async () => {
    const r = await rig(() => ({
      status: 401,
      body: errorEnvelope(401, 'access_denied', 'Nonce expired.'),
    }));
    const op = registration(r);
    const settled = r.outbox.whenSettled(op.id);
    r.worker.start();
    expect((await settled).view).toMatchObject({
      state: 'rejected',
      error: { ehealth: { status: 401, message: 'Nonce expired.' } },
    });
    expect(r.row(op.id).payload).not.toBeNull();
    r.clock.advance(16 * MINUTE);
    await r.worker.idle();
    r.worker.wake();
    await expect.poll(() => r.row(op.id).payload).toBeNull();
  });

  it('ends expired with its reason when the link stays down past its deadline', async () => {
    const r = await rig(() => 'drop');
    const op = registration(r);
    r.worker.start();
    await expect.poll(() => r.outbox.get(op.id)?.state).toBe('waiting-network');
    r.clock.advance(16 * MINUTE);
    r.worker.wake();
    await expect.poll(() => r.outbox.get(op.id)?.state).toBe('expired');
    expect(r.outbox.get(op.id)?.error).toMatchObject({
      code: 'EXPIRED',
      message: expect.stringContaining('deadline'),
    });
    expect(r.row(op.id).payload).toBeNull();
  });

  it('refuses a registration with a patient key, and a patient’s act without one', async () => {
    const r = await rig(() => ok200());
    expect(
      r.outbox.hold({
        kind: 'registration.sign-up',
        params: {},
        patientKey: 'patient-a',
        credentials: TOKENS,
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(
      r.outbox.enqueue({ kind: 'app.revoke', params: { appId: 'a-1' }, patientKey: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(r.db.prepare('SELECT count(*) AS n FROM outbox_operations').get()).toEqual({ n: 0 });
  });
});
