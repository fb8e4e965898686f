import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { createTestCa, trustListOf } from '../esign';
import { AuditLog } from '../kiosk/audit';
import { TRUST_FILE, TrustStore } from './trust-store';

const dirs: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('trust list import', () => {
  it('finds bundles on a medium, imports a valid one and keeps it across a restart', async () => {
    const medium = temp('kiosk-usb-');
    const dataDir = temp('kiosk-data-');
    const ca = await createTestCa();
    mkdirSync(join(medium, 'certs'));
    writeFileSync(join(medium, 'certs', 'CACertificates.p7b'), trustListOf(ca));
    writeFileSync(join(medium, 'broken.p7b'), Buffer.from('not a bundle at all'));
    writeFileSync(join(medium, 'notes.txt'), 'ignored');
    const db = openKioskDatabase(dataDir);
    const box = new SecretBox(randomBytes(32));
    const audit = new AuditLog(db, box);
    const store = new TrustStore({
      db,
      audit,
      dataDir,
      media: { list: async () => [{ id: medium, root: medium, label: 'USB-TRUST' }] },
      now: () => new Date('2026-03-02T10:00:00Z'),
    });
    expect(store.info()).toBeNull();
    expect(store.current()).toBeNull();

    const found = await store.scan();
    expect(found.map((c) => [c.fileName, c.medium]).sort()).toEqual([
      ['CACertificates.p7b', 'USB-TRUST'],
      ['broken.p7b', 'USB-TRUST'],
    ]);
    for (const c of found) expect(JSON.stringify(c)).not.toContain(medium);

    const broken = found.find((c) => c.fileName === 'broken.p7b');
    expect(await store.import(broken?.id ?? '', 'registrar:R-01')).toMatchObject({
      ok: false,
      error: { code: 'TRUST_LIST_INVALID' },
    });
    expect(store.info()).toBeNull();

    const good = found.find((c) => c.fileName === 'CACertificates.p7b');
    const imported = await store.import(good?.id ?? '', 'registrar:R-01');
    expect(imported).toMatchObject({
      ok: true,
      value: {
        date: '2026-03-02T10:00:00.000Z',
        certificates: 1,
        skipped: 0,
        fileName: 'CACertificates.p7b',
      },
    });
    expect(readFileSync(join(dataDir, 'trust', TRUST_FILE))).toEqual(Buffer.from(trustListOf(ca)));
    expect(audit.list(5)[0]).toMatchObject({ actor: 'registrar:R-01', action: 'registrar.trustList.import' });
    expect(await store.import('no-such-id', 'registrar:R-01')).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    db.close();

    const reopened = openKioskDatabase(dataDir);
    const after = new TrustStore({
      db: reopened,
      audit: new AuditLog(reopened, box),
      dataDir,
      media: { list: async () => [] },
    });
    expect(after.info()?.certificates).toBe(1);
    expect(after.current()?.certificates.length).toBe(1);
    reopened.close();
  });
});
