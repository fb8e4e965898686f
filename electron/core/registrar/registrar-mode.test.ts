import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import type { RegistrarState } from '#shared/contract/registrar';
import { openKioskDatabase } from '../db/kiosk-db';
import { EventBus } from '../events';
import { SessionManager } from '../session/session-manager';
import { RegistrarAccounts } from './accounts';
import { AuditLog } from '../kiosk/audit';
import { birthDateGuard, isCalendarDate, sameBirthDate } from './birth-date-guard';
import { MAX_BIRTH_DATE_MISMATCHES, RegistrarModeState, type PatientPort } from './registrar-mode';
import { SecretBox } from '../crypto/secret-box';

const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };

async function setup() {
  const db = openKioskDatabase(':memory:');
  const events = new EventBus();
  const session = new SessionManager(events);
  const audit = new AuditLog(db, new SecretBox(randomBytes(32)));
  const accounts = new RegistrarAccounts({ db, audit, scrypt: FAST });
  let signedIn: { sessionId: string; personId: string } | null = null;
  let birthDate = '1984-07-12';
  const patient: PatientPort = {
    current: () => signedIn,
    birthDate: async () => (signedIn ? ok(`${birthDate}`) : err('NO_SESSION', 'nobody')),
  };
  const mode = new RegistrarModeState({ accounts, audit, events, session, patient: () => patient });
  // the kiosk is enrolled from the ops CLI; the first registrar types its code
  const enrollment = await accounts.enrollment.issue();
  const pushed: RegistrarState[] = [];
  events.on('registrarChanged', (s) => pushed.push(s));
  const signInPatient = (personId = 'person-1') => {
    const s = session.start();
    signedIn = { sessionId: s.id, personId };
    return signedIn;
  };
  session.onEnd(() => {
    signedIn = null;
  });
  return {
    db,
    audit,
    code: enrollment.code,
    mode,
    session,
    pushed,
    signInPatient,
    setBirthDate: (d: string) => (birthDate = d),
  };
}

describe('birth-date guard (pure)', () => {
  it('lets everything through outside an assisted session and only the confirmed patient inside one', () => {
    let state: Parameters<typeof birthDateGuard>[0] extends () => infer S ? S : never = null;
    const guard = birthDateGuard(() => state);
    const p = { sessionId: 's1', personId: 'p1' };
    expect(guard(p).ok).toBe(true);
    state = { registrarId: 'R-01', confirmed: null };
    expect(guard(p)).toMatchObject({ ok: false, error: { code: 'BIRTH_DATE_NOT_CONFIRMED' } });
    state = { registrarId: 'R-01', confirmed: { sessionId: 's1', personId: 'p1' } };
    expect(guard(p).ok).toBe(true);
    expect(guard({ sessionId: 's2', personId: 'p1' }).ok).toBe(false);
    expect(guard({ sessionId: 's1', personId: 'p2' }).ok).toBe(false);
  });

  it('compares real calendar dates only', () => {
    expect(isCalendarDate('2001-02-28')).toBe(true);
    expect(isCalendarDate('2001-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1984-7-12')).toBe(false);
    expect(sameBirthDate('1984-07-12', '1984-07-12')).toBe(true);
    expect(sameBirthDate('1984-07-12', '1984-07-12T00:00:00Z')).toBe(true);
    expect(sameBirthDate('1984-07-21', '1984-07-12')).toBe(false);
  });
});

describe('registrar mode', () => {
  it('signs a registrar in and out; the panel needs a signed-in registrar', async () => {
    const t = await setup();
    expect(t.mode.state()).toMatchObject({ pinSet: false, enrolled: true, mode: 'off', registrarId: null });
    expect(t.mode.requirePanel()).toMatchObject({ ok: false, error: { code: 'REGISTRAR_REQUIRED' } });
    expect(await t.mode.setFirstPin('r-01', '250871', t.code)).toMatchObject({
      ok: true,
      value: { pinSet: true, mode: 'panel', registrarId: 'R-01' },
    });
    expect(t.mode.requirePanel()).toEqual({ ok: true, value: 'R-01' });
    expect(t.mode.signOut().mode).toBe('off');
    expect(await t.mode.signIn('R-01', '000009')).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    expect((await t.mode.signIn('R-01', '250871')).ok).toBe(true);
    expect(t.pushed.map((s) => s.mode)).toEqual(['panel', 'off', 'panel']);
  });

  it('runs an assisted session: attributed to the registrar, guarded until the birth date matches, handed back', async () => {
    const t = await setup();
    await t.mode.setFirstPin('R-01', '250871', t.code);
    expect(t.mode.startAssisted()).toMatchObject({
      ok: true,
      value: { mode: 'assisted', registrarId: 'R-01' },
    });
    expect(t.mode.requirePanel().ok).toBe(false);
    expect(await t.mode.confirmBirthDate('1984-07-12')).toMatchObject({
      ok: false,
      error: { code: 'NO_SESSION' },
    });

    const patient = t.signInPatient();
    const ctx = { ...patient };
    expect(t.mode.actGuard(ctx)).toMatchObject({ ok: false, error: { code: 'BIRTH_DATE_NOT_CONFIRMED' } });
    // what the services record as the patient's action is the registrar's now
    expect(t.audit.append('patient', 'declaration.sign', 'op-1').actor).toBe('registrar:R-01');
    expect(t.audit.append('kiosk', 'outbox.sent', 'op-1').actor).toBe('kiosk');

    expect(await t.mode.confirmBirthDate('1984-12-07')).toMatchObject({
      ok: false,
      error: { code: 'BIRTH_DATE_MISMATCH', details: { attemptsLeft: MAX_BIRTH_DATE_MISMATCHES - 1 } },
    });
    expect(await t.mode.confirmBirthDate('1984-02-31')).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(await t.mode.confirmBirthDate('1984-07-12')).toMatchObject({
      ok: true,
      value: { birthDateConfirmed: true, patientSignedIn: true },
    });
    expect(t.mode.actGuard(ctx).ok).toBe(true);

    expect(t.mode.handBack()).toMatchObject({ ok: true, value: { mode: 'off', registrarId: null } });
    expect(t.audit.append('patient', 'apps.revoke', 'op-2').actor).toBe('patient');
    expect(t.mode.actGuard(ctx).ok).toBe(true);
    expect(t.mode.handBack()).toMatchObject({ ok: false, error: { code: 'REGISTRAR_REQUIRED' } });

    const actions = t.audit.list(50).map((e) => `${e.actor} ${e.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'registrar:R-01 registrar.assist.start',
        'registrar:R-01 registrar.assist.birthDateMismatch',
        'registrar:R-01 registrar.assist.birthDateConfirmed',
        'registrar:R-01 registrar.assist.handBack',
      ]),
    );
    expect(t.audit.verify().ok).toBe(true);
  });

  it('a confirmation is for one patient: another sign-in needs its own', async () => {
    const t = await setup();
    await t.mode.setFirstPin('R-01', '250871', t.code);
    t.mode.startAssisted();
    const first = t.signInPatient('person-1');
    await t.mode.confirmBirthDate('1984-07-12');
    expect(t.mode.actGuard(first).ok).toBe(true);
    const other = { sessionId: first.sessionId, personId: 'person-2' };
    expect(t.mode.actGuard(other).ok).toBe(false);
  });

  it('ends the visitor’s session after repeated wrong birth dates, and the assisted session with it', async () => {
    const t = await setup();
    await t.mode.setFirstPin('R-01', '250871', t.code);
    t.mode.startAssisted();
    t.signInPatient();
    for (let i = 1; i < MAX_BIRTH_DATE_MISMATCHES; i++) await t.mode.confirmBirthDate('1990-01-01');
    expect(await t.mode.confirmBirthDate('1990-01-01')).toMatchObject({
      ok: false,
      error: { code: 'BIRTH_DATE_MISMATCH', details: { attemptsLeft: 0 } },
    });
    expect(t.session.active).toBeNull();
    expect(t.mode.state()).toMatchObject({ mode: 'off', registrarId: null });
    expect(t.audit.list(3).map((e) => e.action)).toContain('registrar.assist.end');
  });

  it('leaves registrar mode when the session ends (finish, idle) so nothing stays open', async () => {
    const t = await setup();
    await t.mode.setFirstPin('R-01', '250871', t.code);
    await t.session.end('idle');
    expect(t.mode.state().mode).toBe('off');
    expect(t.mode.requirePanel().ok).toBe(false);
  });
});
