/**
 * The older IIT "Key-6.dat" store and IIT-style PKCS#12 files: no samples exist here, so these
 * tests write the formats with the same primitives (GOST 28147-ECB with the IIT password hash;
 * PBES2 shrouded key bags) and check that the reader opens them and refuses wrong passwords.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openKeyContainer, sniffContainer } from '../index';
import { legacyContainers, makeTestPki, person } from '../test-support';
import { issueIdentity } from '../pki/test-pki';

const pw = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

let iitStore: Uint8Array;
let pfx: Uint8Array;
let certificateDer: Uint8Array;

beforeAll(async () => {
  const pki = await makeTestPki();
  const id = issueIdentity(pki.ca, person(pki.now));
  certificateDer = id.certificateDer;
  ({ iitStore, pfx } = legacyContainers(id.priv, certificateDer, { iit: 'старий', pfx: 'pfx-pass' }));
});

describe('old IIT key store', () => {
  it('is recognised and opens with its password', async () => {
    expect(sniffContainer(iitStore)).toBe('key6-iit');
    // the store above was written from UTF-8 bytes: the reader's UTF-8 fallback finds it
    const r = await openKeyContainer(iitStore, pw('старий'), { certificates: [certificateDer] });
    expect(r).toMatchObject({ ok: true, value: { info: { drfo: '3012345678' } } });
  });

  it('says wrong password, not a parse error', async () => {
    expect(await openKeyContainer(iitStore, pw('новий'), { certificates: [certificateDer] })).toEqual({
      ok: false,
      error: { code: 'KEY_WRONG_PASSWORD', message: 'wrong password for this key file' },
    });
  });
});

describe('PKCS#12 (.pfx) with GOST PBES2 bags', () => {
  it('opens and takes the certificate from the certificate bag', async () => {
    expect(sniffContainer(pfx)).toBe('pfx');
    const r = await openKeyContainer(pfx, pw('pfx-pass'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.from(r.value.certificate.der).equals(Buffer.from(certificateDer))).toBe(true);
  });

  it('refuses a wrong password clearly', async () => {
    expect(await openKeyContainer(pfx, pw('nope'))).toMatchObject({
      ok: false,
      error: { code: 'KEY_WRONG_PASSWORD' },
    });
  });
});
