import { describe, expect, it } from 'vitest';
import type { OperationView } from '#shared/contract/outbox';
import { nonceExpiry, refusedFields } from './refusals';

describe('the nonce’s expiry (a registration’s deadline)', () => {
  const jwt = (claims: unknown) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('is the JWT’s exp on eHealth’s clock, moved to the kiosk’s', () => {
    const exp = Date.parse('2026-12-06T10:15:00Z') / 1000;
    // eHealth's clock is 2 minutes ahead of the kiosk's: its 10:15 is the kiosk's 10:13
    expect(nonceExpiry(jwt({ exp }), (ms) => ms - 120_000)?.toISOString()).toBe('2026-12-06T10:13:00.000Z');
  });

  it('is unknown when the nonce carries no readable exp', () => {
    expect(nonceExpiry('opaque-nonce', (ms) => ms)).toBeNull();
    expect(nonceExpiry(jwt({ iat: 1 }), (ms) => ms)).toBeNull();
    expect(nonceExpiry('h.%%%.s', (ms) => ms)).toBeNull();
  });
});

describe('a refused registration as the fields to change', () => {
  const refused = (status: number, message: string, entries: string[] = []) =>
    ({
      error: { code: 'x', message: 'x', ehealth: { status, type: null, message, entries } },
    }) as unknown as OperationView;

  it('names the identity rule eHealth refused (409)', () => {
    expect(
      refusedFields(
        'EHEALTH_CONFLICT',
        refused(409, "Input first_name/last_name doesn't match name from DS"),
      ),
    ).toEqual([{ path: 'first_name', rule: 'registration.firstName' }]);
    expect(
      refusedFields(
        'EHEALTH_CONFLICT',
        refused(409, 'Registration person and person that sign should be the same'),
      ),
    ).toEqual([{ path: 'tax_id', rule: 'registration.notSigner' }]);
    expect(refusedFields('EHEALTH_CONFLICT', refused(409, 'User with this tax_id already exists'))).toEqual(
      [],
    );
  });

  it('names each field of a 422 once, as the form spells it', () => {
    const v = refused(422, 'validation failed', [
      '$.person.documents.[0].number: invalid; too long',
      '$.person.documents.[0].number: format',
      '$.person.birth_date: range',
    ]);
    expect(refusedFields('VALIDATION', v)).toEqual([
      { path: 'documents.0.number', rule: 'ehealth.refused' },
      { path: 'birth_date', rule: 'ehealth.refused' },
    ]);
    expect(refusedFields('SMS_CODE_WRONG', v)).toEqual([]);
  });
});
