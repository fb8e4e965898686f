import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips text and JSON and never stores the plaintext', () => {
    const sealed = box.seal('Олена 3184710691', 'outbox:1:payload');
    expect(sealed.toString('utf8')).not.toContain('3184710691');
    expect(box.open(sealed, 'outbox:1:payload').toString('utf8')).toBe('Олена 3184710691');
    const json = box.sealJson({ a: [1, 'б'] }, 'x');
    expect(box.openJson(json, 'x')).toEqual({ a: [1, 'б'] });
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('same', 'l').equals(box.seal('same', 'l'))).toBe(false);
  });

  it('refuses another label, another key, tampering and garbage', () => {
    const sealed = box.seal('secret', 'outbox:1:payload');
    expect(() => box.open(sealed, 'outbox:2:payload')).toThrow(SecretBoxError);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'outbox:1:payload')).toThrow(SecretBoxError);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => box.open(tampered, 'outbox:1:payload')).toThrow(SecretBoxError);
    expect(() => box.open(Buffer.from('not sealed'), 'l')).toThrow(/unknown format/);
    expect(() => box.openJson(box.seal('{oops', 'l'), 'l')).toThrow(/not JSON/);
  });

  it('derives stable, purpose-bound pseudonyms that do not reveal the value', () => {
    const p = box.pseudonym('person-1', 'outbox');
    expect(p).toMatch(/^[0-9a-f]{32}$/);
    expect(box.pseudonym('person-1', 'outbox')).toBe(p);
    expect(box.pseudonym('person-2', 'outbox')).not.toBe(p);
    expect(box.pseudonym('person-1', 'other')).not.toBe(p);
    expect(new SecretBox(randomBytes(32)).pseudonym('person-1', 'outbox')).not.toBe(p);
  });

  it('rejects keys of the wrong size', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
