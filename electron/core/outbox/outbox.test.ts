import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { AuditLog } from '../kiosk/audit';
import { Outbox } from './outbox';
import { normalizeReferenceCode } from './reference-code';
import { testClock, TOKENS } from './test-support.test-support';

const dbs: ReturnType<typeof openKioskDatabase>[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

function setup(extra: { reserveBytes?: number } = {}) {
  const db = openKioskDatabase(':memory:');
  dbs.push(db);
  const clock = testClock();
  const box = new SecretBox(randomBytes(32));
  const outbox = new Outbox({
    environment: 'training',
    db,
    box,
    audit: new AuditLog(db, box, clock.now),
    now: clock.now,
    ...extra,
  });
  const pushed: string[] = [];
  outbox.subscribe((v) => pushed.push(`${v.id}:${v.state}`));
  return { db, box, clock, outbox, pushed };
}

describe('Outbox', () => {
  it('stores an operation sealed, with a reference code, an audit entry and a push, in one transaction with the local change', () => {
    const { db, outbox, pushed } = setup();
    db.exec('CREATE TABLE local_receipts (op TEXT)');
    const key = outbox.patientKeyFor('person-uuid-1');
    const r = outbox.enqueue({
      kind: 'declaration.terminate',
      params: { declarationId: 'decl-1', reasonDescription: 'Переїзд до Львова' },
      patientKey: key,
      credentials: TOKENS,
      local: (d) => d.prepare("INSERT INTO local_receipts VALUES ('x')").run(),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      state: 'captured',
      kind: 'declaration.terminate',
      held: false,
      attempts: 0,
    });
    expect(normalizeReferenceCode(r.value.referenceCode)).toBe(r.value.referenceCode);
    expect(pushed).toEqual([`${r.value.id}:captured`]);
    const row = db.prepare('SELECT * FROM outbox_operations').get() as Record<string, unknown>;
    expect(row.patient_key).toBe(key);
    expect(String(row.patient_key)).not.toContain('person-uuid-1');
    const everything =
      JSON.stringify(db.prepare('SELECT * FROM outbox_operations').all()) +
      JSON.stringify(db.prepare('SELECT * FROM outbox_credentials').all()) +
      JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    for (const secret of ['Переїзд', 'decl-1', 'rt-1', 'at-1', 'person-uuid-1'])
      expect(everything).not.toContain(secret);
    expect(db.prepare('SELECT count(*) AS n FROM local_receipts').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT action, subject FROM audit_log').all()).toEqual([
      { action: 'outbox.captured', subject: r.value.id },
    ]);
    expect(outbox.getByReference(r.value.referenceCode.toLowerCase())?.id).toBe(r.value.id);
  });

  it('writes nothing when the local change fails, and refuses parameters that do not fit the kind', () => {
    const { db, outbox, pushed } = setup();
    expect(() =>
      outbox.enqueue({
        kind: 'app.revoke',
        params: { appId: 'a' },
        patientKey: 'p',
        local: () => {
          throw new Error('local write failed');
        },
      }),
    ).toThrow('local write failed');
    expect(db.prepare('SELECT count(*) AS n FROM outbox_operations').get()).toEqual({ n: 0 });
    expect(pushed).toEqual([]);
    // @ts-expect-error -- a wrong parameter shape is what this checks
    const bad = outbox.enqueue({ kind: 'app.revoke', params: { app: 'a' }, patientKey: 'p' });
    expect(bad.ok || bad.error.code).toBe('BAD_REQUEST');
  });

  it('disk full on enqueue is a clear DISK_FULL error and leaves nothing half-written', () => {
    const { db, outbox } = setup();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const r = outbox.enqueue({
      kind: 'person-request.create',
      params: {
        person: { blob: 'x'.repeat(200_000) },
        patientSigned: false,
        processDisclosureDataConsent: true,
      },
      patientKey: 'p',
    });
    expect(r.ok || r.error.code).toBe('DISK_FULL');
    expect(db.prepare('SELECT count(*) AS n FROM outbox_operations').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });

  it('holds a signed step before the patient signs: DISK_FULL comes before signing, the signature fits into the reserved room', () => {
    const { db, outbox } = setup({ reserveBytes: 96 * 1024 });
    const signature = 'MII' + 'A'.repeat(60_000);
    // room for the held operation exists: hold succeeds, then the disk "fills up"
    const held = outbox.hold({
      kind: 'declaration-request.sign',
      params: { requestId: 'dr-1' },
      patientKey: 'p',
      flowId: 'f',
    });
    expect(held.ok).toBe(true);
    if (!held.ok) return;
    expect(held.value).toMatchObject({ state: 'captured', held: true });
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const released = outbox.release(held.value.id, { signedContent: signature });
    expect(released.ok).toBe(true);
    expect(released.ok && released.value.held).toBe(false);

    // with no room left, the next hold fails before anything is signed
    const full = outbox.hold({
      kind: 'declaration-request.sign',
      params: { requestId: 'dr-2' },
      patientKey: 'p',
    });
    expect(full.ok || full.error.code).toBe('DISK_FULL');
    // a hold for a kind without signature is refused
    const wrong = outbox.hold({ kind: 'app.revoke', params: { appId: 'a' }, patientKey: 'p' });
    expect(wrong.ok || wrong.error.code).toBe('BAD_REQUEST');
  });

  it('release validates the completed parameters; abandon expires and purges a held operation', () => {
    const { db, outbox } = setup();
    const held = outbox.hold({
      kind: 'person-request.complete',
      params: { requestId: 'pr-1' },
      patientKey: 'p',
    });
    if (!held.ok) throw new Error('hold failed');
    const bad = outbox.release(held.value.id, { signedContent: 'short' });
    expect(bad.ok || bad.error.code).toBe('BAD_REQUEST');
    const gone = outbox.abandon(held.value.id);
    expect(gone.ok && gone.value.state).toBe('expired');
    expect(db.prepare('SELECT payload, patient_key FROM outbox_operations').get()).toEqual({
      payload: null,
      patient_key: null,
    });
    expect(
      (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
        (a) => a.action,
      ),
    ).toEqual(['outbox.captured', 'outbox.abandoned']);
  });

  it('lists newest first, counts states and reports key protection for the registrar', () => {
    const { outbox } = setup();
    for (const appId of ['a1', 'a2', 'a3'])
      outbox.enqueue({ kind: 'app.revoke', params: { appId }, patientKey: 'p' });
    const list = outbox.list({ limit: 2 });
    expect(list).toHaveLength(2);
    expect(list[0]!.createdAt >= list[1]!.createdAt).toBe(true);
    expect(outbox.status()).toMatchObject({
      counts: { captured: 3, done: 0, rejected: 0 },
      keyProtection: 'key-file',
      keyWarning: true,
      lastDeliveredAt: null,
    });
  });

  it('operator retry and discard are audited with the operator as actor; done or sending ones are refused', () => {
    const { db, outbox } = setup();
    const a = outbox.enqueue({ kind: 'app.revoke', params: { appId: 'a1' }, patientKey: 'p' });
    if (!a.ok) throw new Error('enqueue failed');
    expect(outbox.retry(a.value.id, 'operator-cli').ok).toBe(false);
    outbox.transition(a.value.id, ['captured'], 'sending', { attemptsIncrement: true }, 'kiosk');
    expect(outbox.discard(a.value.id, 'operator-cli').ok || 'refused').toBe('refused');
    outbox.transition(
      a.value.id,
      ['sending'],
      'rejected',
      { error: { code: 'EHEALTH_NOT_FOUND', message: 'gone' } },
      'kiosk',
    );
    const retried = outbox.retry(a.value.id, 'operator-cli');
    expect(retried.ok && retried.value).toMatchObject({ state: 'waiting-network', error: null });
    const discarded = outbox.discard(a.value.id, 'registrar:r1');
    expect(discarded.ok && discarded.value).toMatchObject({ state: 'rejected', discarded: true });
    expect(db.prepare('SELECT payload, patient_key FROM outbox_operations').get()).toEqual({
      payload: null,
      patient_key: null,
    });
    expect(outbox.discard(a.value.id, 'operator-cli').ok).toBe(false);
    const actions = db.prepare('SELECT actor, action FROM audit_log ORDER BY seq').all();
    expect(actions).toEqual([
      { actor: 'patient', action: 'outbox.captured' },
      { actor: 'kiosk', action: 'outbox.state' },
      { actor: 'kiosk', action: 'outbox.state' },
      { actor: 'operator-cli', action: 'outbox.retry' },
      { actor: 'registrar:r1', action: 'outbox.discard' },
    ]);
    expect(outbox.retry('nope', 'operator-cli').ok || 'missing').toBe('missing');
  });
});
