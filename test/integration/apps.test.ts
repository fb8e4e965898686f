/**
 * Access management against the sandbox: the e-cabinets with access (the kiosk's own marked and
 * not revocable from here), revoking one exactly once, and a revocation queued while eHealth is
 * unreachable, delivered later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedUnder } from './outbox-helpers';
import { startCabinetRig, type CabinetRig } from './cabinet-rig';

let rig: CabinetRig;

beforeAll(async () => {
  rig = await startCabinetRig();
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

const idempotencyKeyOf = (id: string) =>
  (
    rig.engine.outbox.store.db
      .prepare('SELECT idempotency_key FROM outbox_operations WHERE id = ?')
      .get(id) as { idempotency_key: string }
  ).idempotency_key;

describe('e-cabinets with access', () => {
  it('lists each e-cabinet with its permissions and since when; the kiosk itself is marked', async () => {
    await rig.patient.signIn('adult-with-apps');
    const list = await rig.cabinet.apps.list();
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.stale).toBe(false);
    const others = list.value.apps.filter((a) => !a.thisKiosk);
    expect(others.map((a) => a.name).sort()).toEqual(['Здоровʼя Онлайн', 'Мій Лікар 24', 'Сімейна Медкарта']);
    const family = others.find((a) => a.name === 'Сімейна Медкарта');
    expect(family).toMatchObject({
      scopes: ['person:sign_in', 'declaration:read_pis'],
      grantedByConfidant: false,
      pendingRevoke: null,
    });
    expect(Date.parse(family?.since ?? '')).toBeLessThan(Date.now());
    const kiosk = list.value.apps.filter((a) => a.thisKiosk);
    expect(kiosk).toHaveLength(1);
    expect(await rig.cabinet.apps.revoke(kiosk[0]!.id)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('revokes an e-cabinet exactly once; it is gone from the list', async () => {
    const list = await rig.cabinet.apps.list();
    if (!list.ok) throw new Error(list.error.message);
    const target = list.value.apps.find((a) => a.name === 'Здоровʼя Онлайн');
    if (!target) throw new Error('no app');
    const done = await rig.cabinet.apps.revoke(target.id);
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.state).toBe('done');
    expect(await appliedUnder(rig.sb, idempotencyKeyOf(done.value.operationId))).toMatchObject({
      applied: 1,
    });
    const after = await rig.cabinet.apps.list();
    expect(after.ok && after.value.apps.map((a) => a.id)).not.toContain(target.id);
    // asking again returns the same outcome instead of a second DELETE
    expect(await rig.cabinet.apps.revoke(target.id)).toMatchObject({
      ok: true,
      value: { operationId: done.value.operationId },
    });
  });

  it('an e-cabinet not shown to this patient cannot be revoked', async () => {
    expect(await rig.cabinet.apps.revoke('00000000-0000-4000-8000-000000000000')).toMatchObject({
      ok: false,
      error: { code: 'EHEALTH_NOT_FOUND' },
    });
  });

  it('is queued while eHealth is unreachable, shown as pending, and delivered once when it returns', async () => {
    const list = await rig.cabinet.apps.list();
    if (!list.ok) throw new Error(list.error.message);
    const target = list.value.apps.find((a) => a.name === 'Сімейна Медкарта');
    if (!target) throw new Error('no app');
    rig.sb.faults.set({ outage: true });
    try {
      const queued = await rig.cabinet.apps.revoke(target.id);
      if (!queued.ok) throw new Error(queued.error.message);
      expect(queued.value.state).toBe('queued');
      const stale = await rig.cabinet.apps.list();
      if (!stale.ok) throw new Error(stale.error.message);
      expect(stale.value.stale).toBe(true);
      expect(stale.value.apps.find((a) => a.id === target.id)?.pendingRevoke?.referenceCode).toBe(
        queued.value.referenceCode,
      );
      rig.sb.faults.reset();
      const settled = await rig.engine.outbox.whenSettled(queued.value.operationId);
      expect(settled.view).toMatchObject({ state: 'done', ehealthId: target.id });
      expect(await appliedUnder(rig.sb, idempotencyKeyOf(queued.value.operationId))).toMatchObject({
        applied: 1,
      });
    } finally {
      rig.sb.faults.reset();
    }
  }, 90_000);

  it('a teen without confirmed capacity sees the list but may not revoke', async () => {
    await rig.patient.signIn('teen-15-no-capacity', 'view-only');
    const list = await rig.cabinet.apps.list();
    if (!list.ok) throw new Error(list.error.message);
    const kioskApp = list.value.apps[0];
    expect(kioskApp?.thisKiosk).toBe(true);
    expect(await rig.cabinet.apps.revoke(kioskApp!.id)).toMatchObject({
      ok: false,
      error: { code: 'VIEW_ONLY' },
    });
  });

  it('without a session nothing is listed', async () => {
    await rig.sessions.end('finish');
    expect(await rig.cabinet.apps.list()).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });
});
