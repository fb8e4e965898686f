import { describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../db/kiosk-db';
import { FIRST_LOCK_MS, MAX_PIN_FAILURES, RegistrarAccounts } from './accounts';
import { AuditLog } from './audit';
import type { ScryptParams } from './pin';

const FAST: ScryptParams = { N: 1024, r: 8, p: 1, keyLength: 32 };

function setup() {
  const db = openKioskDatabase(':memory:');
  let t = Date.parse('2026-03-01T09:00:00Z');
  const now = () => new Date(t);
  const audit = new AuditLog(db, now);
  const accounts = new RegistrarAccounts({ db, audit, now, scrypt: FAST });
  return { db, audit, accounts, advance: (ms: number) => (t += ms), now };
}

describe('registrar accounts', () => {
  it('lets anyone set the first PIN once; later registrars only by a registrar', async () => {
    const { accounts, audit } = setup();
    expect(await accounts.verify('R-01', '250871')).toMatchObject({
      ok: false,
      error: { code: 'PIN_NOT_SET' },
    });
    expect(await accounts.add('r-01', '250871', null)).toEqual({ ok: true, value: { registrarId: 'R-01' } });
    expect(await accounts.add('R-02', '904512', null)).toMatchObject({
      ok: false,
      error: { code: 'REGISTRAR_REQUIRED' },
    });
    expect(await accounts.add('R-02', '904512', 'R-01')).toMatchObject({ ok: true });
    expect(await accounts.add('R-02', '511904', 'R-01')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { problem: 'taken' } },
    });
    expect(accounts.ids()).toEqual(['R-01', 'R-02']);
    expect(audit.list(10).map((e) => [e.actor, e.action, e.subject])).toEqual([
      ['registrar:R-01', 'registrar.account.add', 'R-02'],
      ['kiosk', 'registrar.account.add', 'R-01'],
    ]);
  });

  it('refuses malformed staff codes and weak PINs before hashing anything', async () => {
    const { accounts } = setup();
    expect(await accounts.add('R 01', '250871', null)).toMatchObject({
      ok: false,
      error: { details: { field: 'registrarId' } },
    });
    expect(await accounts.add('R-01', '111111', null)).toMatchObject({
      ok: false,
      error: { details: { field: 'pin', problem: 'too-simple' } },
    });
    expect(accounts.count()).toBe(0);
  });

  it('counts wrong PINs and unknown staff codes alike, locks after the limit, and tells the time left', async () => {
    const { accounts, advance, db } = setup();
    await accounts.add('R-01', '250871', null);
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      const r = await accounts.verify(i % 2 ? 'R-01' : 'NOBODY', '000001');
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'PIN_WRONG', details: { attemptsLeft: MAX_PIN_FAILURES - i } },
      });
    }
    const locked = await accounts.verify('R-01', '999999');
    expect(locked).toMatchObject({
      ok: false,
      error: { code: 'PIN_LOCKED', details: { retryAfterSeconds: FIRST_LOCK_MS / 1000 } },
    });
    // locked: even the right PIN is not checked
    advance(60_000);
    expect(await accounts.verify('R-01', '250871')).toMatchObject({
      ok: false,
      error: { code: 'PIN_LOCKED', details: { retryAfterSeconds: FIRST_LOCK_MS / 1000 - 60 } },
    });
    // the lock survives a restart (a new instance over the same database)
    const again = new RegistrarAccounts({
      db,
      audit: new AuditLog(db),
      now: () => new Date(Date.parse('2026-03-01T09:01:00Z')),
    });
    expect(again.lockedFor()).toBe(FIRST_LOCK_MS / 1000 - 60);

    advance(FIRST_LOCK_MS);
    expect(accounts.lockedFor()).toBeNull();
    // a fresh count, but the next lock lasts twice as long
    for (let i = 1; i < MAX_PIN_FAILURES; i++) await accounts.verify('R-01', '000001');
    expect(await accounts.verify('R-01', '000001')).toMatchObject({
      error: { code: 'PIN_LOCKED', details: { retryAfterSeconds: (2 * FIRST_LOCK_MS) / 1000 } },
    });
    advance(2 * FIRST_LOCK_MS);
    expect(await accounts.verify('r-01', '250871')).toEqual({ ok: true, value: { registrarId: 'R-01' } });
    expect(db.prepare('SELECT failures, locks, locked_until FROM registrar_lockout').get()).toEqual({
      failures: 0,
      locks: 0,
      locked_until: null,
    });
  });

  it('records wrong PINs and locks in the audit log without the code or PIN typed', async () => {
    const { accounts, audit } = setup();
    await accounts.add('R-01', '250871', null);
    for (let i = 0; i < MAX_PIN_FAILURES; i++) await accounts.verify('GUESS-7', '480151');
    const entries = audit.list(20);
    expect(entries.filter((e) => e.action === 'registrar.pin.wrong')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(entries[0]?.action).toBe('registrar.pin.locked');
    for (const e of entries) expect(`${e.subject} ${e.detail}`).not.toMatch(/GUESS|480151/);
  });

  it('changes a PIN only with the current one, and never removes oneself', async () => {
    const { accounts } = setup();
    await accounts.add('R-01', '250871', null);
    await accounts.add('R-02', '904512', 'R-01');
    expect(await accounts.changePin('R-01', '000002', '731905')).toMatchObject({
      ok: false,
      error: { code: 'PIN_WRONG' },
    });
    expect(await accounts.changePin('R-01', '250871', '731905')).toEqual({ ok: true, value: undefined });
    expect((await accounts.verify('R-01', '250871')).ok).toBe(false);
    expect((await accounts.verify('R-01', '731905')).ok).toBe(true);
    expect(accounts.remove('R-01', 'R-01')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(accounts.remove('R-02', 'R-01')).toEqual({ ok: true, value: undefined });
    expect(accounts.ids()).toEqual(['R-01']);
  });
});
