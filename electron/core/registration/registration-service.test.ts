import { describe, expect, it } from 'vitest';
import { birthDateFromTaxId, nonceExpiry } from './registration-service';

describe('the birth date a tax id tells', () => {
  it('counts days from 31.12.1899', () => {
    expect(birthDateFromTaxId('0000100000')).toBe('1900-01-01');
    expect(birthDateFromTaxId('3126509817')).toBe('1985-08-07');
    expect(birthDateFromTaxId('КА123456')).toBeNull();
  });
});

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
