import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../db/kiosk-db';
import { RegistrarAccounts } from './accounts';
import { SecretBox } from '../crypto/secret-box';
import { AuditLog } from '../kiosk/audit';
import { ENROLLMENT_VALID_MS, generateEnrollmentCode } from './enrollment';

const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };
const HOUR = 3_600_000;

function setup() {
  const db = openKioskDatabase(':memory:');
  let t = Date.parse('2026-03-01T09:00:00Z');
  const now = () => new Date(t);
  const audit = new AuditLog(db, new SecretBox(randomBytes(32)), now);
  const accounts = new RegistrarAccounts({ db, audit, now, scrypt: FAST });
  return { db, audit, accounts, advance: (ms: number) => (t += ms) };
}

describe('enrolment codes', () => {
  it('are drawn from the unambiguous alphabet', () => {
    for (let i = 0; i < 20; i++) expect(generateEnrollmentCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(generateEnrollmentCode(() => 31)).toBe('ZZZZZZZZZZZZ');
  });

  it('is valid for 24 hours of the kiosk clock, then the first registrar cannot be set with it', async () => {
    const { accounts, advance } = setup();
    const { code, expiresAt } = await accounts.enrollment.issue();
    expect(expiresAt).toBe(new Date(Date.parse('2026-03-01T09:00:00Z') + ENROLLMENT_VALID_MS).toISOString());
    advance(23 * HOUR + 59 * 60_000);
    expect(accounts.enrollment.isOpen()).toBe(true);
    advance(60_000);
    expect(accounts.enrollment.isOpen()).toBe(false);
    expect(accounts.enrollment.state()).toMatchObject({ kind: 'expired' });
    expect(await accounts.addFirst('R-01', '250871', code)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ENROLLED' },
    });
    expect(accounts.count()).toBe(0);
    // enrolling again the next day works
    advance(10 * HOUR);
    const again = await accounts.enrollment.issue();
    advance(12 * HOUR);
    expect((await accounts.addFirst('R-01', '250871', again.code)).ok).toBe(true);
  });

  it('is single use, and a new code replaces an unused one', async () => {
    const { accounts, db } = setup();
    const old = await accounts.enrollment.issue();
    const current = await accounts.enrollment.issue();
    expect(await accounts.addFirst('R-01', '250871', old.code)).toMatchObject({
      ok: false,
      error: { code: 'ENROLLMENT_CODE_WRONG', details: { attemptsLeft: 4 } },
    });
    expect((await accounts.addFirst('R-01', '250871', current.code)).ok).toBe(true);
    expect(accounts.enrollment.state()).toMatchObject({ kind: 'used' });
    // the registrar is removed behind the kiosk's back: the used code still does not open the door
    db.prepare('DELETE FROM registrar_accounts').run();
    expect(await accounts.addFirst('R-09', '250871', current.code)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ENROLLED' },
    });
  });

  it('wrong codes count towards the PIN lock, and locked, even the right code is not checked', async () => {
    const { accounts } = setup();
    const { code } = await accounts.enrollment.issue();
    for (let i = 1; i < 5; i++)
      expect(await accounts.addFirst('R-01', '250871', 'ZZZZ-ZZZZ-ZZZZ')).toMatchObject({
        error: { code: 'ENROLLMENT_CODE_WRONG', details: { attemptsLeft: 5 - i } },
      });
    expect(await accounts.addFirst('R-01', '250871', 'ZZZZ-ZZZZ-ZZZ0')).toMatchObject({
      error: { code: 'PIN_LOCKED' },
    });
    expect(await accounts.addFirst('R-01', '250871', code)).toMatchObject({ error: { code: 'PIN_LOCKED' } });
    expect(accounts.count()).toBe(0);
  });
});
