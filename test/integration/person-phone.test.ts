/**
 * The phone for SMS authentication against the sandbox: eHealth texts a 4-digit code (read here from
 * the sandbox's SMS inbox), a wrong code costs a try, three wrong codes use the code up, a code
 * expires after 15 minutes (the sandbox clock moves), a new code starts the tries again, and a
 * changed phone switches the old one off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationDetails } from '#shared/contract/person';
import { startPersonRig, smsCodes, type PersonRig } from './person-rig';

let rig: PersonRig;

beforeAll(async () => {
  rig = await startPersonRig();
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

/** A code that is not the one sent. */
const wrong = (code: string) => String((Number(code) + 1) % 10_000).padStart(4, '0');

async function latestCode(number: string): Promise<string> {
  const codes = await smsCodes(rig.sb, number);
  if (!codes[0]) throw new Error(`no SMS to ${number}`);
  return codes[0];
}

describe('adding an authentication phone', () => {
  it('sends a code to the new phone; a wrong code costs a try; the right one adds the phone', async () => {
    await rig.patient.signIn('adult-with-declaration');
    const started = await rig.person.phone.start({ phone: '+380 67 555 01 01', alias: 'Робочий' });
    expect(started.ok, JSON.stringify(!started.ok && started.error)).toBe(true);
    if (!started.ok) return;
    expect(started.value).toMatchObject({ phoneMasked: '+38067*****01', codeLength: 4, attemptsLeft: 3 });
    const expiresIn = Date.parse(started.value.expiresAt) - rig.sb.clock.now().getTime();
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);

    const code = await latestCode('+380675550101');
    expect(code).toMatch(/^\d{4}$/);
    const bad = await rig.person.phone.confirm(started.value.requestId, wrong(code));
    expect(bad).toMatchObject({ ok: false, error: { code: 'SMS_CODE_WRONG', details: { attemptsLeft: 2 } } });

    const good = await rig.person.phone.confirm(started.value.requestId, code);
    expect(good.ok, JSON.stringify(!good.ok && good.error)).toBe(true);
    if (!good.ok) return;
    expect(good.value.replacedDeactivated).toBeNull();
    expect(good.value.methods).toContainEqual(
      expect.objectContaining({ type: 'OTP', phoneMasked: '+38067*****01', alias: 'Робочий', active: true }),
    );
    expect(good.value.methods.filter((m) => m.active)).toHaveLength(2);
    // the request is finished: the same code again is refused locally
    expect(await rig.person.phone.confirm(started.value.requestId, code)).toMatchObject({
      ok: false,
      error: { code: 'FLOW_EXPIRED' },
    });
  });

  it('refuses a phone that is not +380 or already receives the codes, before asking eHealth', async () => {
    const before = (await smsCodes(rig.sb, '+380671234501')).length;
    for (const [number, rule] of [
      ['+38067123450', 'phone.format'],
      ['0671234501', 'phone.format'],
      ['+380671234501', 'phone.alreadyAuthMethod'],
    ] as const) {
      const r = await rig.person.phone.start({ phone: number });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('VALIDATION');
      expect((r.error.details as ValidationDetails).violations).toEqual([{ path: 'phone', rule }]);
    }
    expect((await smsCodes(rig.sb, '+380671234501')).length).toBe(before);
  });

  it('three wrong codes use the code up; a new code works', async () => {
    const started = await rig.person.phone.start({ phone: '+380675550202' });
    if (!started.ok) throw new Error(started.error.code);
    const code = await latestCode('+380675550202');
    const id = started.value.requestId;
    expect(await rig.person.phone.confirm(id, wrong(code))).toMatchObject({
      error: { details: { attemptsLeft: 2 } },
    });
    expect(await rig.person.phone.confirm(id, wrong(code))).toMatchObject({
      error: { details: { attemptsLeft: 1 } },
    });
    expect(await rig.person.phone.confirm(id, wrong(code))).toMatchObject({
      ok: false,
      error: { code: 'SMS_ATTEMPTS_EXCEEDED', details: { attemptsLeft: 0 } },
    });
    // even the right code is refused now (eHealth's verdict, not only the kiosk's count)
    expect(await rig.person.phone.confirm(id, code)).toMatchObject({
      ok: false,
      error: { code: 'SMS_ATTEMPTS_EXCEEDED' },
    });

    const resent = await rig.person.phone.resend(id);
    expect(resent).toMatchObject({ ok: true, value: { attemptsLeft: 3 } });
    const fresh = await latestCode('+380675550202');
    const done = await rig.person.phone.confirm(id, fresh);
    expect(done.ok, JSON.stringify(!done.ok && done.error)).toBe(true);
  });

  it('a code expires after 15 minutes; a new one is valid again (sandbox clock)', async () => {
    const started = await rig.person.phone.start({ phone: '+380675550303' });
    if (!started.ok) throw new Error(started.error.code);
    const code = await latestCode('+380675550303');
    rig.sb.clock.advance(16 * 60_000);
    expect(await rig.person.phone.confirm(started.value.requestId, code)).toMatchObject({
      ok: false,
      error: { code: 'SMS_CODE_EXPIRED' },
    });
    const resent = await rig.person.phone.resend(started.value.requestId);
    expect(resent.ok).toBe(true);
    if (!resent.ok) return;
    // eHealth's own expiry of the new code: 15 minutes from the sandbox's now
    const left = Date.parse(resent.value.expiresAt) - rig.sb.clock.now().getTime();
    expect(Math.abs(left - 15 * 60_000)).toBeLessThan(5_000);
    const fresh = await latestCode('+380675550303');
    expect((await rig.person.phone.confirm(started.value.requestId, fresh)).ok).toBe(true);
  });
});

describe('changing the authentication phone', () => {
  it('adds the new phone and switches the old one off', async () => {
    await rig.patient.signIn('adult-with-apps');
    const view = await rig.person.data.view();
    if (!view.ok) throw new Error(view.error.code);
    const old = view.value.authenticationMethods.find((m) => m.active && m.type === 'OTP');
    expect(old).toBeDefined();
    const started = await rig.person.phone.start({ phone: '+380935550404', replacesMethodId: old!.id });
    if (!started.ok) throw new Error(started.error.code);
    const done = await rig.person.phone.confirm(started.value.requestId, await latestCode('+380935550404'));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.value.replacedDeactivated).toBe(true);
    const active = done.value.methods.filter((m) => m.active);
    expect(active).toEqual([expect.objectContaining({ phoneMasked: '+38093*****04' })]);
    expect(done.value.methods.find((m) => m.id === old!.id)).toMatchObject({ active: false });
  });

  it('a phone to replace must be one of the patient’s active ones', async () => {
    const r = await rig.person.phone.start({ phone: '+380935550505', replacesMethodId: 'not-a-method' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

describe('who may change the phone', () => {
  it('a view-only teen may not', async () => {
    await rig.patient.signIn('teen-15-no-capacity', 'view-only');
    expect(await rig.person.phone.start({ phone: '+380635550606' })).toMatchObject({
      ok: false,
      error: { code: 'VIEW_ONLY' },
    });
  });

  it('eHealth refuses the teen too', async () => {
    await rig.patient.signIn('teen-15-no-capacity', 'full');
    expect(await rig.person.phone.start({ phone: '+380635550606' })).toMatchObject({
      ok: false,
      error: { code: 'EHEALTH_FORBIDDEN' },
    });
  });

  it('nothing is kept after the session ends', async () => {
    await rig.patient.signIn('adult-no-declaration');
    const started = await rig.person.phone.start({ phone: '+380505550707' });
    if (!started.ok) throw new Error(started.error.code);
    await rig.sessions.end('finish');
    await rig.patient.signIn('adult-no-declaration');
    expect(await rig.person.phone.confirm(started.value.requestId, '0000')).toMatchObject({
      ok: false,
      error: { code: 'FLOW_EXPIRED' },
    });
  });
});
