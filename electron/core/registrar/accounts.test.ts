import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../db/kiosk-db';
import { FIRST_LOCK_MS, MAX_PIN_FAILURES, RegistrarAccounts } from './accounts';
import { AuditLog } from '../kiosk/audit';
import type { ScryptParams } from './pin';
import { SecretBox } from '../crypto/secret-box';

const FAST: ScryptParams = { N: 1024, r: 8, p: 1, keyLength: 32 };

function setup() {
  const db = openKioskDatabase(':memory:');
  let t = Date.parse('2026-03-01T09:00:00Z');
  const now = () => new Date(t);
  const audit = new AuditLog(db, new SecretBox(randomBytes(32)), now);
  const accounts = new RegistrarAccounts({ db, audit, now, scrypt: FAST });
  /** Enrols the kiosk (as the ops CLI does) and sets up the first registrar with the code. */
  const first = async (id = 'R-01', pin = '250871') => {
    const { code } = await accounts.enrollment.issue();
    return accounts.addFirst(id, pin, code);
  };
  return { db, audit, accounts, first, advance: (ms: number) => (t += ms), now };
}

describe('registrar accounts', () => {
  it('sets the first PIN only with the enrolment code, once; later registrars only by a registrar', async () => {
    const { accounts, audit } = setup();
    expect(await accounts.verify('R-01', '250871')).toMatchObject({
      ok: false,
      error: { code: 'PIN_NOT_SET' },
    });
    // not enrolled: holding the corner is not enough
    expect(await accounts.addFirst('R-01', '250871', 'ABCD-EFGH-JKMN')).toMatchObject({
      ok: false,
      error: { code: 'NOT_ENROLLED' },
    });
    const { code } = await accounts.enrollment.issue();
    expect(await accounts.addFirst('r-01', '250871', code.toLowerCase())).toEqual({
      ok: true,
      value: { registrarId: 'R-01' },
    });
    expect(await accounts.addFirst('R-02', '904512', code)).toMatchObject({
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
      ['operator-cli', 'registrar.enrollment.issue', null],
    ]);
  });

  it('refuses malformed staff codes and weak PINs before hashing anything', async () => {
    const { accounts, first } = setup();
    expect(await first('R 01', '250871')).toMatchObject({
      ok: false,
      error: { details: { field: 'registrarId' } },
    });
    expect(await first('R-01', '111111')).toMatchObject({
      ok: false,
      error: { details: { field: 'pin', problem: 'too-simple' } },
    });
    expect(accounts.count()).toBe(0);
  });

  it('counts wrong PINs and unknown staff codes alike, locks after the limit, and tells the time left', async () => {
    const { accounts, advance, db, first } = setup();
    await first();
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
      audit: new AuditLog(db, new SecretBox(randomBytes(32))),
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
    const { accounts, audit, first } = setup();
    await first();
    for (let i = 0; i < MAX_PIN_FAILURES; i++) await accounts.verify('GUESS-7', '480151');
    const entries = audit.list(20);
    expect(entries.filter((e) => e.action === 'registrar.pin.wrong')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(entries[0]?.action).toBe('registrar.pin.locked');
    for (const e of entries) expect(`${e.subject} ${e.detail}`).not.toMatch(/GUESS|480151/);
  });

  it('changes a PIN only with the current one, and never removes oneself', async () => {
    const { accounts, first } = setup();
    await first();
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

  it('bounds guessing whatever the concurrency: 50 parallel sign-ins, 49 wrong and the right one last', async () => {
    const { accounts, db, audit, first } = setup();
    await first();
    const calls = Array.from({ length: 50 }, (_, i) =>
      accounts.verify('R-01', i === 49 ? '250871' : `90${String(4000 + i)}`),
    );
    const results = await Promise.all(calls);
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    // exactly MAX_PIN_FAILURES guesses were checked; the fifth wrong one locked; the right PIN came too late
    expect(codes.filter((c) => c === 'PIN_WRONG')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(codes.filter((c) => c === 'PIN_LOCKED')).toHaveLength(50 - (MAX_PIN_FAILURES - 1));
    expect(codes).not.toContain('OK');
    expect(audit.list(100).filter((e) => e.action === 'registrar.pin.wrong')).toHaveLength(
      MAX_PIN_FAILURES - 1,
    );
    expect(db.prepare('SELECT failures, locks FROM registrar_lockout').get()).toEqual({
      failures: MAX_PIN_FAILURES,
      locks: 1,
    });
  });

  it('with the right PIN in the middle of 50 parallel calls: five checks per lock window, then it gets in', async () => {
    const { accounts, audit, first, advance } = setup();
    await first();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => accounts.verify('R-01', i === 20 ? '250871' : '904011')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    // four wrong guesses and the fifth that locked: every later call was refused without a check
    const entries = audit.list(100);
    expect(entries.filter((e) => e.action === 'registrar.pin.wrong')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(entries.filter((e) => e.action === 'registrar.pin.locked')).toHaveLength(1);
    // the next window allows guesses again — and the right PIN gets in
    advance(FIRST_LOCK_MS);
    expect((await accounts.verify('R-01', '250871')).ok).toBe(true);
  });

  it('counts an attempt before checking it: a check cut short by a crash still counts', async () => {
    const { accounts, db, first } = setup();
    await first();
    db.prepare('UPDATE registrar_lockout SET failures = ? WHERE id = 1').run(MAX_PIN_FAILURES);
    // the limit was reached by checks whose outcome was never written: the next one locks, unchecked
    expect(await accounts.verify('R-01', '250871')).toMatchObject({
      ok: false,
      error: { code: 'PIN_LOCKED', details: { retryAfterSeconds: FIRST_LOCK_MS / 1000 } },
    });
  });
});
