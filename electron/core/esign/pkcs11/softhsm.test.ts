/**
 * PKCS#11 plumbing against SoftHSM2: module loading, slots, mechanisms, PIN login, certificate
 * objects, and the clear refusal when a token offers no DSTU 4145 mechanism (SoftHSM has none —
 * real Ukrainian tokens need their vendor module, which cannot run here).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTestIdentity } from '../index';
import { SignerWorker } from '../signer/worker';
import { makeTestPki, person } from '../test-support';
import { DSTU_SIGN_MECHANISMS, UA_PKCS11 } from './mechanisms';
import { openTokenKey } from './token-key';
import { Pkcs11Token } from './token';

const MODULE = process.env.SOFTHSM2_MODULE ?? '/usr/lib/softhsm/libsofthsm2.so';
const UTIL = '/usr/bin/softhsm2-util';

function unavailable(): string | null {
  if (!existsSync(UTIL)) return `softhsm2-util not found at ${UTIL} (install the softhsm2 package)`;
  if (!existsSync(MODULE)) return `SoftHSM2 module not found at ${MODULE}`;
  try {
    createRequire(import.meta.url)('pkcs11js');
  } catch (e) {
    return `pkcs11js is not built: ${(e as Error).message}`;
  }
  return null;
}

const skipReason = unavailable();
if (skipReason) console.warn(`[skipped] PKCS#11 / SoftHSM2 tests: ${skipReason}`);

const PIN = '1234';
let dir: string;

describe.skipIf(skipReason !== null)('PKCS#11 through SoftHSM2', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'softhsm-'));
    mkdirSync(join(dir, 'tokens'));
    const conf = join(dir, 'softhsm2.conf');
    writeFileSync(
      conf,
      `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
    );
    process.env.SOFTHSM2_CONF = conf;
    execFileSync(
      UTIL,
      ['--init-token', '--free', '--label', 'kiosk-test', '--pin', PIN, '--so-pin', '87654321'],
      {
        env: { ...process.env, SOFTHSM2_CONF: conf },
        stdio: 'pipe',
      },
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the Ukrainian mechanism ids as documented constants', () => {
    expect(UA_PKCS11.CKM_DSTU4145).toBe(0x80420031);
    expect(UA_PKCS11.CKM_GOST34311_DSTU4145).toBe(0x80420032);
    expect(UA_PKCS11.CKK_DSTU4145).toBe(0x80420131);
  });

  it('loads the module, lists the token and its mechanisms', () => {
    const t = Pkcs11Token.load(MODULE);
    if (!t.ok) throw new Error(t.error.message);
    try {
      const slots = t.value.listSlots();
      const mine = slots.find((s) => s.label === 'kiosk-test');
      expect(mine).toBeDefined();
      expect(mine?.manufacturer).toMatch(/SoftHSM/i);
      expect(mine?.mechanisms.length).toBeGreaterThan(0);
      expect(DSTU_SIGN_MECHANISMS.some((m) => mine?.mechanisms.includes(m))).toBe(false);
    } finally {
      t.value.close();
    }
  });

  it('maps a wrong PIN to KEY_WRONG_PASSWORD and stores/finds certificate objects after login', async () => {
    const pki = await makeTestPki();
    const id = await issueTestIdentity(pki.ca, person(pki.now), { format: 'pk8', password: '' });
    const t = Pkcs11Token.load(MODULE);
    if (!t.ok) throw new Error(t.error.message);
    try {
      const slot = t.value.listSlots().findIndex((s) => s.label === 'kiosk-test');
      expect(t.value.login(slot, '0000')).toMatchObject({ ok: false, error: { code: 'KEY_WRONG_PASSWORD' } });
      expect(t.value.login(slot, PIN)).toEqual({ ok: true, value: undefined });
      t.value.storeCertificate(id.certificateDer, Uint8Array.of(1, 2, 3), 'signing');
      const certs = t.value.certificates();
      expect(certs).toHaveLength(1);
      expect(Buffer.from(certs[0]?.der ?? []).equals(Buffer.from(id.certificateDer))).toBe(true);
      expect([...(certs[0]?.id ?? [])]).toEqual([1, 2, 3]);
      expect(t.value.privateKeys()).toEqual([]);
    } finally {
      t.value.close();
    }
  });

  it('refuses clearly when the token has no DSTU 4145 mechanism (also through the signer)', async () => {
    const slot = (() => {
      const t = Pkcs11Token.load(MODULE);
      if (!t.ok) throw new Error(t.error.message);
      try {
        return t.value.listSlots().findIndex((s) => s.label === 'kiosk-test');
      } finally {
        t.value.close();
      }
    })();
    const pin = new Uint8Array(Buffer.from(PIN));
    const r = await openTokenKey({ module: MODULE, slot }, pin);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: expect.stringContaining('DSTU 4145') },
    });
    expect(pin.every((b) => b === 0)).toBe(true);
    const worker = new SignerWorker();
    const res = await worker.handle({
      id: 1,
      type: 'open',
      source: { kind: 'pkcs11', module: MODULE, slot },
      password: new Uint8Array(Buffer.from(PIN)),
    });
    expect(res).toMatchObject({ id: 1, ok: false, error: { code: 'NOT_AVAILABLE' } });
  });

  it('reports a missing vendor module as not available', () => {
    expect(Pkcs11Token.load(join(dir, 'no-such-module.so'))).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
  });
});
