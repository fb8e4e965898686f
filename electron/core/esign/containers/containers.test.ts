import { beforeAll, describe, expect, it } from 'vitest';
import { issueTestIdentity, openKeyContainer, sniffContainer } from '../index';
import { makeTestPki, person, stamp, type TestPki } from '../test-support';
import { parseJks } from './jks';
import { encodeCp1251, passwordCandidates, passwordCodePoints, passwordUtf16be } from './password';

const pw = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

let pki: TestPki;
// PBES2 costs ~0.6 s per attempt: generate each container once for the file
let key6Cyrillic: { file: Uint8Array; certificateDer: Uint8Array };
let key6Utf8: { file: Uint8Array; certificateDer: Uint8Array };
let key6Latin: { file: Uint8Array; certificateDer: Uint8Array };
let jksPersonal: { file: Uint8Array; certificateDer: Uint8Array };
let jksStamp: { file: Uint8Array; certificateDer: Uint8Array };

beforeAll(async () => {
  pki = await makeTestPki();
  key6Cyrillic = await issueTestIdentity(pki.ca, person(pki.now), { format: 'key6', password: 'Пароль-ЄЇ1' });
  key6Utf8 = await issueTestIdentity(pki.ca, person(pki.now), {
    format: 'key6',
    password: 'ключ',
    passwordEncoding: 'utf8',
  });
  key6Latin = await issueTestIdentity(pki.ca, person(pki.now, { drfo: 'АА123456' }), {
    format: 'key6',
    password: 'Secret-123',
  });
  jksPersonal = await issueTestIdentity(pki.ca, person(pki.now), { format: 'jks', password: 'пароль' });
  jksStamp = await issueTestIdentity(pki.ca, stamp(pki.now), { format: 'jks', password: 'stamp' });
});

describe('passwords', () => {
  it('tries Windows-1251 first, then UTF-8, for Cyrillic passwords', () => {
    const [first, second] = passwordCandidates(pw('пароль'));
    expect(Buffer.from(first as Uint8Array).toString('hex')).toBe('efe0f0eeebfc');
    expect(Buffer.from(second as Uint8Array).toString('utf8')).toBe('пароль');
  });

  it('has one candidate for an ASCII password', () => {
    expect(passwordCandidates(pw('Secret-1'))).toHaveLength(1);
  });

  it('accepts password bytes that are cp1251 rather than UTF-8', () => {
    const cp = encodeCp1251(passwordCodePoints(pw('Їжак')));
    expect(cp).not.toBeNull();
    expect([...passwordCodePoints(cp as Uint8Array)].map((c) => String.fromCodePoint(c)).join('')).toBe(
      'Їжак',
    );
  });

  it('gives Java UTF-16BE for JKS', () => {
    expect(Buffer.from(passwordUtf16be(pw('Aї'))).toString('hex')).toBe('00410457');
  });
});

describe('Key-6.dat (PBES2)', () => {
  it('opens with a Cyrillic password (cp1251) and wipes the password bytes', async () => {
    expect(sniffContainer(key6Cyrillic.file)).toBe('key6-pbes2');
    const password = pw('Пароль-ЄЇ1');
    const opened = await openKeyContainer(key6Cyrillic.file, password, {
      certificates: [key6Cyrillic.certificateDer],
    });
    expect(opened.ok).toBe(true);
    expect(password.every((b) => b === 0)).toBe(true);
    if (opened.ok) {
      expect(opened.value.info.drfo).toBe('3012345678');
      opened.value.close();
      expect(opened.value.closed).toBe(true);
    }
  });

  it('falls back to UTF-8 password bytes', async () => {
    const opened = await openKeyContainer(key6Utf8.file, pw('ключ'), {
      certificates: [key6Utf8.certificateDer],
    });
    expect(opened.ok).toBe(true);
  });

  it('reports one clear wrong-password error (Cyrillic and Latin), never an ASN.1 message', async () => {
    for (const [file, wrong] of [
      [key6Cyrillic, 'пароль-єї1'],
      [key6Latin, 'secret-123'],
    ] as const) {
      const r = await openKeyContainer(file.file, pw(wrong), { certificates: [file.certificateDer] });
      expect(r).toEqual({
        ok: false,
        error: { code: 'KEY_WRONG_PASSWORD', message: 'wrong password for this key file' },
      });
    }
  });

  it('needs the certificate beside the key', async () => {
    const r = await openKeyContainer(key6Latin.file, pw('Secret-123'));
    expect(r).toMatchObject({ ok: false, error: { code: 'KEY_NO_SIGNING_KEY' } });
  });

  it('matches a passport-number DRFO written with Latin letters', async () => {
    const r = await openKeyContainer(key6Latin.file, pw('Secret-123'), {
      certificates: [key6Latin.certificateDer],
      expectedDrfo: 'AA 123456',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.info.drfo).toBe('АА123456');
  });

  it('refuses a key of another person', async () => {
    const r = await openKeyContainer(key6Latin.file, pw('Secret-123'), {
      certificates: [key6Latin.certificateDer],
      expectedDrfo: '3012345678',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'SIGNER_MISMATCH' } });
  });
});

describe('JKS (PrivatBank)', () => {
  it('stores the encryption key first, yet the signing key is chosen', async () => {
    expect(sniffContainer(jksPersonal.file)).toBe('jks');
    expect(parseJks(jksPersonal.file).keys.map((k) => k.alias)).toEqual(['encrypt', 'sign']);
    const r = await openKeyContainer(jksPersonal.file, pw('пароль'));
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(Buffer.from(r.value.certificate.der).equals(Buffer.from(jksPersonal.certificateDer))).toBe(true);
  });

  it('wrong password is one clear error', async () => {
    const r = await openKeyContainer(jksPersonal.file, pw('Пароль'));
    expect(r).toMatchObject({ ok: false, error: { code: 'KEY_WRONG_PASSWORD' } });
  });

  it('never picks a company stamp for a person, but can when asked for a stamp', async () => {
    expect(await openKeyContainer(jksStamp.file, pw('stamp'))).toMatchObject({
      ok: false,
      error: { code: 'KEY_NO_SIGNING_KEY' },
    });
    const r = await openKeyContainer(jksStamp.file, pw('stamp'), { role: 'stamp' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.info).toMatchObject({ isStamp: true, edrpou: '41294110', drfo: null });
  });
});

describe('bad files', () => {
  it('empty, random and certificate files are KEY_UNREADABLE', async () => {
    for (const f of [
      new Uint8Array(0),
      new Uint8Array(2000).map((_, i) => (i * 7919) & 0xff),
      jksPersonal.certificateDer,
    ]) {
      const r = await openKeyContainer(f, pw('x'));
      expect(r).toMatchObject({ ok: false, error: { code: 'KEY_UNREADABLE' } });
    }
  });

  it('a truncated Key-6.dat is unreadable, not a wrong password', async () => {
    const r = await openKeyContainer(
      key6Latin.file.subarray(0, key6Latin.file.length - 10),
      pw('Secret-123'),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'KEY_UNREADABLE' } });
  });
});
