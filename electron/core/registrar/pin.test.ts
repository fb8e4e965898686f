import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPin, pinProblem, verifyPin, type ScryptParams } from './pin';

const FAST: ScryptParams = { N: 1024, r: 8, p: 1, keyLength: 32 };

describe('registrar PIN rules', () => {
  it('accepts 6 to 12 digits that are not a repeated digit or a plain run', () => {
    for (const good of ['250871', '90210473', '102938475610', '112233']) expect(pinProblem(good)).toBeNull();
    for (const bad of ['12345', '1234567890123', '12a456', ' 123456', '１２３４５６', ''])
      expect(pinProblem(bad)).toBe('format');
    for (const simple of ['000000', '777777777', '123456', '654321', '890123', '3210987654'])
      expect(pinProblem(simple)).toBe('too-simple');
  });
});

describe('PIN hashing (scrypt)', () => {
  it('verifies the right PIN and refuses others, with a fresh salt for every hash', async () => {
    const a = await hashPin('250871', FAST);
    const b = await hashPin('250871', FAST);
    expect(a.salt.length).toBe(16);
    expect(a.hash.length).toBe(32);
    expect(a.salt.equals(b.salt)).toBe(false);
    expect(a.hash.equals(b.hash)).toBe(false);
    expect(a.hash.toString('hex')).not.toContain(Buffer.from('250871').toString('hex'));
    expect(await verifyPin('250871', a)).toBe(true);
    expect(await verifyPin('250872', a)).toBe(false);
    expect(await verifyPin('', a)).toBe(false);
    // the stored parameters are the ones used: a hash made with other costs does not verify with these
    expect(await verifyPin('250871', { ...a, params: { ...FAST, N: 2048 } })).toBe(false);
  });

  it('uses the production cost by default and still verifies', async () => {
    const h = await hashPin('90210473');
    expect(h.params).toEqual(DEFAULT_SCRYPT);
    expect(await verifyPin('90210473', h)).toBe(true);
  });
});
