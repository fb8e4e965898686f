/**
 * Registration at the sandbox as a trusted PIS does it: phone verification with the nonce, the
 * КЕП-signed registration with the SMS code, and what eHealth refuses (another signer, names that
 * are not the certificate's, a wrong or missing code, a reused nonce, a second registration).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import {
  call,
  nonce,
  registrationPerson,
  signAs,
  signIn,
  signUpBody,
  smsCode,
  TEST_KEYS_DIR,
} from './sandbox-helpers';

let sb: SandboxHandle;

beforeAll(async () => {
  sb = await startSandbox({ keysCacheDir: TEST_KEYS_DIR, seed: 'small' });
});
afterAll(async () => {
  await sb?.close();
});

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

async function verifyPhone(jwt: string, phone: string) {
  return call(sb, 'POST', '/api/sms_verifications', {
    token: jwt,
    apiKey: null,
    body: { factor: phone, type: 'SMS', content_hash: md5(phone) },
  });
}

async function registration(
  personaId: string,
  phone: string,
  names?: Parameters<typeof registrationPerson>[3],
) {
  const jwt = await nonce(sb);
  const person = await registrationPerson(sb, personaId, phone, names);
  return {
    jwt,
    person,
    payload: { person, patient_signed: true, process_disclosure_data_consent: true, jwt },
  };
}

describe('phone verification', () => {
  it('sends a code with a valid nonce and refuses without one', async () => {
    const jwt = await nonce(sb);
    const sent = await verifyPhone(jwt, '+380931112201');
    expect(sent.status).toBe(200);
    expect(sent.body.data).toEqual({ result: 'OTP sent' });
    expect(sent.body.urgent).toEqual({ next_step: 'REQUEST_OTP' });
    expect(await smsCode(sb, '+380931112201')).toMatch(/^\d{4}$/);
    expect((await verifyPhone('not-a-nonce', '+380931112201')).status).toBe(401);
    const bad = await call(sb, 'POST', '/api/sms_verifications', {
      token: jwt,
      body: { factor: '0931112201', type: 'SMS', content_hash: 'x' },
    });
    expect(bad.status).toBe(422);
  });
});

describe('sign-up', () => {
  it('unknown-drfo is unknown, registers with the SMS code, and then signs in', async () => {
    await expect(signIn(sb, 'unknown-drfo')).rejects.toThrow(/401/);
    const phone = '+380951234508';
    const { jwt, payload } = await registration('unknown-drfo', phone);
    expect((await verifyPhone(jwt, phone)).status).toBe(200);
    const code = Number(await smsCode(sb, phone));
    const signed = await signAs(sb, 'unknown-drfo', payload);

    // no code, then a wrong code: refused, the nonce still good for the right one
    const noCode = await call(sb, 'POST', '/api/pis/sign-up', { body: signUpBody(sb, signed) });
    expect(noCode.status).toBe(422);
    const wrong = await call(sb, 'POST', '/api/pis/sign-up', {
      body: signUpBody(sb, signed, (code + 1) % 10_000),
    });
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(403);
    expect(wrong.body.error.message).toBe('Invalid verification code');

    const r = await call(sb, 'POST', '/api/pis/sign-up', { body: signUpBody(sb, signed, code) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = r.body.data;
    expect(d.user.tax_id).toBe(sb.personas.find((p) => p.id === 'unknown-drfo')?.taxId);
    expect(d.person.authentication_methods).toEqual([{ type: 'OTP', phone_number: '+38095*****08' }]);
    expect(d.token.details.applicant_person_id).toBe(d.person.id);

    const ver = await call(sb, 'GET', '/api/pis/person/verification', { token: d.token.value });
    expect(ver.status).toBe(200);
    expect(ver.body.data.person_verification.verification_status).toBe('NOT_VERIFIED');
    expect(ver.body.data.person_verification.details.legal_capacity.verification_status).toBe(
      'VERIFICATION_NOT_NEEDED',
    );

    // the same signed registration again: the nonce is used up
    const again = await call(sb, 'POST', '/api/pis/sign-up', { body: signUpBody(sb, signed, code) });
    expect(again.status).toBe(409);

    const session = await signIn(sb, 'unknown-drfo');
    expect(session.personId).toBe(d.person.id);
    const person = await call(sb, 'GET', '/api/pis/person', { token: session.access });
    expect(person.body.data.last_name).toBe('Пилипенко');

    // a verified phone needs no new code
    const jwt2 = await nonce(sb);
    expect((await verifyPhone(jwt2, phone)).body.data).toEqual({ result: 'Verified' });
  });

  it('unknown-mismatch: the names typed are not the certificate’s — refused with eHealth’s reason', async () => {
    const phone = '+380991234510';
    const { jwt, payload } = await registration('unknown-mismatch', phone);
    await verifyPhone(jwt, phone);
    const code = Number(await smsCode(sb, phone));
    const signed = await signAs(sb, 'unknown-mismatch', payload);
    const r = await call(sb, 'POST', '/api/pis/sign-up', { body: signUpBody(sb, signed, code) });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe("Input last_name doesn't match name from DS");
    await expect(signIn(sb, 'unknown-mismatch')).rejects.toThrow(/401/);
  });

  it('another person’s tax id, a wrong first name, a missing consent and a child are refused', async () => {
    const phone = '+380991234511';
    const jwt = await nonce(sb);
    await verifyPhone(jwt, phone);
    const code = Number(await smsCode(sb, phone));
    const base = await registrationPerson(sb, 'unknown-mismatch', phone, {
      last: 'Гнатюк',
      first: 'Христина',
      second: 'Андріївна',
    });
    const attempt = async (person: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const signed = await signAs(sb, 'unknown-mismatch', {
        person,
        patient_signed: true,
        process_disclosure_data_consent: true,
        jwt,
        ...extra,
      });
      return call(sb, 'POST', '/api/pis/sign-up', { body: signUpBody(sb, signed, code) });
    };
    const otherTax = await attempt({
      ...base,
      tax_id: sb.personas.find((p) => p.id === 'adult-no-declaration')?.taxId,
    });
    expect(otherTax.status, JSON.stringify(otherTax.body)).toBe(409);
    expect(otherTax.body.error.message).toBe('Registration person and person that sign should be the same');
    const firstName = await attempt({ ...base, first_name: 'Оксана' });
    expect(firstName.body.error.message).toBe("Input first_name doesn't match name from DS");
    const noConsent = await attempt(base, { process_disclosure_data_consent: false });
    expect(noConsent.status).toBe(422);
    const twoMethods = await attempt({
      ...base,
      authentication_methods: [
        { type: 'OTP', phone_number: phone },
        { type: 'OTP', phone_number: '+380991234512' },
      ],
    });
    expect(twoMethods.status).toBe(422);
    const today = sb.clock.now();
    const child = `${today.getUTCFullYear() - 10}-01-15`;
    const tooYoung = await attempt({
      ...base,
      birth_date: child,
      documents: [{ type: 'BIRTH_CERTIFICATE', number: 'І-КВ123456' }],
    });
    expect(tooYoung.status).toBe(422);
    expect(tooYoung.body.error.message).toMatch(/Confidant person is mandatory/);
    // with her certificate's own names she is registered
    const right = await attempt(base);
    expect(right.status, JSON.stringify(right.body)).toBe(201);
  });
});
