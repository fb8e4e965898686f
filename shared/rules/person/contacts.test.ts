import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidEmail, isValidPhone, normalizeEmail, normalizePhone } from './contacts';

describe('contacts', () => {
  it('phones: +380 and nine digits', () => {
    expect(isValidPhone('+380501234502')).toBe(true);
    for (const bad of ['0501234502', '+38050123450', '+381501234502', '+3805012345020'])
      expect(isValidPhone(bad)).toBe(false);
    expect(normalizePhone('+380 (50) 123-45-02')).toBe('+380501234502');
  });

  it('e-mail addresses', () => {
    for (const ok of ['a@b.ua', 'first.last+tag@mail.example.com', "o'brien@x.org", 'a_b-c@d-e.com.ua'])
      expect(isValidEmail(ok)).toBe(true);
    for (const bad of [
      '',
      'a',
      'a@b',
      'a@b.c',
      '.a@b.ua',
      'a..b@c.ua',
      'a.@b.ua',
      'a@-b.ua',
      'а@б.укр',
      'a b@c.ua',
    ])
      expect(isValidEmail(bad)).toBe(false);
    expect(normalizeEmail('  Andrii@Example.COM ')).toBe('andrii@example.com');
  });

  it('any simple address of letters and digits is valid', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{1,10}$/),
        fc.stringMatching(/^[a-z0-9]{1,10}$/),
        fc.stringMatching(/^[a-z]{2,5}$/),
        (user, host, tld) => {
          expect(isValidEmail(`${user}@${host}.${tld}`)).toBe(true);
        },
      ),
    );
  });
});
