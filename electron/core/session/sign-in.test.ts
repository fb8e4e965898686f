import { describe, expect, it } from 'vitest';
import type { KioskError } from '#shared/result';
import { forRenderer, greetingFor, signInRefusal } from './sign-in';

const refused = (code: KioskError['code'], message: string | null): KioskError => ({
  code,
  message: 'eHealth refused the request',
  details: { retryable: false, status: 400, ehealth: { status: 400, type: 'request_malformed', message } },
});

describe('signInRefusal', () => {
  it.each([
    ['Invalid signature: signer certificate: the issuing CA is not in the trust list', 'CERT_UNTRUSTED'],
    ['Invalid signature: the certificate is not issued by a trusted CA', 'CERT_UNTRUSTED'],
    ['Invalid signature: the signer certificate has expired', 'CERT_EXPIRED'],
    ['Nonce expired.', 'EHEALTH_REJECTED'],
    ['document must contain 1 signature and 0 stamps', 'EHEALTH_REJECTED'],
    [null, 'EHEALTH_REJECTED'],
  ] as const)('"%s" → %s', (message, code) => {
    expect(signInRefusal(refused('EHEALTH_REJECTED', message)).code).toBe(code);
  });

  it('a person eHealth does not know stays PERSON_NOT_FOUND; other codes pass through', () => {
    expect(
      signInRefusal(refused('PERSON_NOT_FOUND', 'Person with tax id from digital signature not found.')).code,
    ).toBe('PERSON_NOT_FOUND');
    expect(signInRefusal(refused('EHEALTH_UNAVAILABLE', 'trusted CA expired certificate')).code).toBe(
      'EHEALTH_UNAVAILABLE',
    );
  });
});

describe('forRenderer', () => {
  it('keeps attempts and lock time (as retryAfterSeconds), drops eHealth internals', () => {
    expect(
      forRenderer({
        code: 'KEY_LOCKED',
        message: 'locked',
        details: { secondsLeft: 840, lockedUntil: '2026-01-01T00:00:00Z' },
      }),
    ).toEqual({ code: 'KEY_LOCKED', message: 'locked', details: { retryAfterSeconds: 840 } });
    expect(
      forRenderer({ code: 'KEY_WRONG_PASSWORD', message: 'm', details: { attemptsLeft: 2 } }).details,
    ).toEqual({
      attemptsLeft: 2,
    });
    expect(forRenderer(refused('EHEALTH_REJECTED', 'Ковальчук Олена'))).toEqual({
      code: 'EHEALTH_REJECTED',
      message: 'eHealth refused the request',
    });
    expect(
      forRenderer({ code: 'AGE_UNDER_14', message: 'm', details: { reason: 'under-14' } }).details,
    ).toEqual({
      reason: 'under-14',
    });
  });
});

describe('greetingFor', () => {
  it('greets in the vocative by the gender eHealth gives, in the nominative without one', async () => {
    expect(await greetingFor({ first_name: 'Олена', second_name: 'Петрівна', gender: 'FEMALE' })).toEqual({
      vocative: 'Олено Петрівно',
      nominative: 'Олена Петрівна',
    });
    expect(
      (await greetingFor({ first_name: 'Андрій', second_name: 'Іванович', gender: 'MALE' })).vocative,
    ).toBe('Андрію Івановичу');
    expect(await greetingFor({ first_name: ' Остап ', second_name: null, gender: 'MALE' })).toEqual({
      vocative: 'Остапе',
      nominative: 'Остап',
    });
    expect(await greetingFor({ first_name: 'Саша', second_name: null, gender: null })).toEqual({
      vocative: 'Саша',
      nominative: 'Саша',
    });
  });
});
