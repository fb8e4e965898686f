import { describe, expect, it } from 'vitest';
import { err, ok, type KioskError } from '#shared/result';
import type { PisApi } from '../ehealth/pis-api';
import type { RevocationChecker, RevocationStatus } from '../esign/ocsp/check';
import type { EsignService } from '../esign/service';
import { silentLogger } from '../log';
import type { PatientSession } from './patient-session';
import { forRenderer, greetingFor, SignInService, signInRefusal } from './sign-in';

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

describe('SignInService: the certificate status and the signature', () => {
  /** A sign-in whose OCSP answer comes only when the test releases it; records what happened in which order. */
  function rig(status: RevocationStatus) {
    const events: string[] = [];
    let release: () => void = () => undefined;
    const answered = new Promise<void>((r) => (release = r));
    const revocation = {
      check: async () => {
        events.push('ocsp asked');
        await answered;
        events.push('ocsp answered');
        return status;
      },
    } as unknown as RevocationChecker;
    const esign = {
      openKey: async () => ok({ drfo: '3012345678' }),
      certificate: () => new Uint8Array([1]),
      sign: async () => {
        events.push('signed');
        release(); // the responder answers only once the signature is made: a check that blocked signing would never end
        return ok({ signedContent: 'c2lnbmVk' });
      },
      endSession: async () => undefined,
    } as unknown as EsignService;
    const api = {
      auth: {
        nonce: async () => ok({ data: { token: 'nonce-1' } }),
        signIn: async () => {
          events.push('sent to eHealth');
          return err('EHEALTH_REJECTED', 'the test stops here');
        },
        logout: async () => ok(undefined),
      },
    } as unknown as PisApi;
    const service = new SignInService({
      patient: { current: () => null } as unknown as PatientSession,
      esign,
      api: () => api,
      log: silentLogger(),
      now: () => new Date('2026-03-01T10:00:00Z'),
      revocation,
    });
    return { events, start: () => service.start('key-1', new Uint8Array([1, 2, 3])) };
  }

  it('is learnt while the nonce is signed, and known before anything is sent to eHealth', async () => {
    const { events, start } = rig({ status: 'good', thisUpdate: '2026-03-01T09:59:00Z' });
    expect(await start()).toMatchObject({ ok: false, error: { code: 'EHEALTH_REJECTED' } });
    expect(events).toEqual(['ocsp asked', 'signed', 'ocsp answered', 'sent to eHealth']);
  });

  it('a revoked certificate stops the sign-in: the signature made meanwhile never reaches eHealth', async () => {
    const { events, start } = rig({ status: 'revoked', revokedAt: '2026-02-01T00:00:00Z', reason: null });
    expect(await start()).toMatchObject({ ok: false, error: { code: 'CERT_REVOKED' } });
    expect(events).toEqual(['ocsp asked', 'signed', 'ocsp answered']);
  });
});
