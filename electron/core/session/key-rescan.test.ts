/**
 * A key the list offered never vanishes while the list is rescanned. Sign-ins through the real
 * services (the sign-in service → e-signature service → key discovery → the signer opening the
 * file) run while the watched key list rescans and other media are inserted and pulled; none is
 * told "not found" and the medium watcher never reports a key as removed while it is there. A
 * medium that is really pulled is reported as gone once a scan completes without it.
 *
 * The signer's worker runs in-process (inProcessSignerLauncher): a process per attempt would cost
 * a second each. eHealth is unreachable (the transport fails), so every sign-in that got past
 * opening its key ends at the nonce request with EHEALTH_UNAVAILABLE.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import { createServices, type KioskServices } from '../services';
import { trustListOf } from '../esign/pki/test-pki';
import { inProcessSignerLauncher, issueTestIdentity, makeTestPki, person } from '../esign/test-support';
import { folderMedia } from './folder-media';

const PASSWORD = 'ключ-2468';
const pw = () => new Uint8Array(Buffer.from(PASSWORD, 'utf8'));

let root: string;
let mediaDir: string;
let keyFile: Uint8Array;
let trustList: Uint8Array;
let services: KioskServices;
const signer = inProcessSignerLauncher();

/** A medium with the key in a folder and enough other files that a scan takes many steps. */
async function insert(name: string): Promise<void> {
  const dir = join(mediaDir, name);
  await mkdir(join(dir, 'Ivanenko'), { recursive: true });
  for (let i = 0; i < 12; i++) await writeFile(join(dir, `photo-${i}.jpg`), 'not a key');
  await writeFile(join(dir, 'Ivanenko', 'key.jks'), keyFile);
}

const pull = (name: string) => rm(join(mediaDir, name), { recursive: true, force: true });

async function keyIdOn(medium: string): Promise<string> {
  const keys = await services.keys.scan();
  const key = keys.find((k) => k.medium === medium);
  if (!key) throw new Error(`no key listed on ${medium}`);
  return key.id;
}

beforeAll(async () => {
  const pki = await makeTestPki();
  keyFile = (await issueTestIdentity(pki.ca, person(pki.now), { format: 'jks', password: PASSWORD })).file;
  trustList = trustListOf(pki.ca);
  root = mkdtempSync(join(tmpdir(), 'kiosk-key-rescan-'));
  mediaDir = join(root, 'media');
  mkdirSync(mediaDir);
  services = createServices({
    dataDir: join(root, 'data'),
    log: silentLogger(),
    version: 't',
    background: false,
    ehealth: { baseUrl: 'http://127.0.0.1:9', apiKey: 'k', clientId: 'c', clientSecret: 's' },
    transport: () => Promise.reject(new TypeError('fetch failed')),
    // the test CA is trusted (its certificate names no OCSP responder: eHealth would check it)
    patient: { media: folderMedia(mediaDir), signerLauncher: signer, keyFolder: null, trustList },
  });
});

afterAll(async () => {
  await services?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('key list rescans during sign-in', () => {
  it('never loses a key that is still inserted, and drops one that was really pulled', async () => {
    await insert('STABLE');
    const stableId = await keyIdOn('STABLE');

    let done = false;
    let scanning = 0;
    let scans = 0;
    // the key screen's watched list, and a second caller scanning at its own pace
    const rescans = (async () => {
      while (!done) {
        scanning++;
        await Promise.all([services.keys.tick(), services.esign.listKeys()]);
        scanning--;
        scans++;
      }
    })();
    let churned = 0;
    const churn = (async () => {
      for (let i = 0; !done; i++) {
        const name = `OTHER-${i % 3}`;
        await insert(name);
        await new Promise((r) => setTimeout(r, 3));
        await pull(name);
        churned++;
      }
    })();

    const codes = new Map<string, number>();
    let duringScan = 0;
    let spuriousRemovals = 0;
    try {
      for (let i = 0; i < 30; i++) {
        if (scanning > 0) duringScan++;
        const r = await services.signIn.start(stableId, pw());
        const code = r.ok ? 'ok' : r.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);

        // a key opened for signing stays "present" for the medium watcher while the list rescans
        const opened = await services.esign.openKey(stableId, pw());
        const openCode = opened.ok ? 'opened' : opened.error.code;
        codes.set(openCode, (codes.get(openCode) ?? 0) + 1);
        if (opened.ok && !(await services.esign.checkMedium())) spuriousRemovals++;
        await services.esign.endSession();
      }
    } finally {
      done = true;
      await Promise.all([rescans, churn]);
    }

    expect(Object.fromEntries(codes)).toEqual({ EHEALTH_UNAVAILABLE: 30, opened: 30 });
    expect(spuriousRemovals).toBe(0);
    expect(signer.launched()).toBe(60); // every attempt reached the signer with its key's path
    // the race was really run: lookups while a scan was under way, media coming and going
    expect(duringScan).toBeGreaterThan(10);
    expect(scans).toBeGreaterThan(10);
    expect(churned).toBeGreaterThan(3);

    // a medium really pulled: the id resolves until a scan completes without it, then it is gone
    const opened = await services.esign.openKey(stableId, pw());
    expect(opened.ok).toBe(true);
    await pull('STABLE');
    expect(await services.esign.checkMedium()).toBe(false); // the watcher ends the signer
    expect(await services.esign.sign('{}')).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    await services.keys.scan();
    expect(await services.signIn.start(stableId, pw())).toMatchObject({
      ok: false,
      error: { code: 'KEY_NOT_FOUND' },
    });
    expect(await services.esign.openKey(stableId, pw())).toMatchObject({
      ok: false,
      error: { code: 'KEY_NOT_FOUND' },
    });
  }, 60_000);
});
