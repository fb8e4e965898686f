import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../electron/core/crypto/secret-box';
import { openKioskDatabase, storage } from '../../electron/core/db';
import { AuditLog } from '../../electron/core/kiosk/audit';
import { failWritesWhen } from './disk-full';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-soak-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a full disk in the soak', () => {
  it('fails every write that changes the database with SQLITE_FULL, leaving it as it was', () => {
    const db = openKioskDatabase(dir);
    const audit = new AuditLog(db, new SecretBox(randomBytes(32)));
    audit.append('kiosk', 'before', null, {});
    let full = false;
    const restore = failWritesWhen(() => full);
    try {
      full = true;
      expect(storage('record', () => audit.append('kiosk', 'during', null, {}))).toMatchObject({
        ok: false,
        error: { code: 'DISK_FULL' },
      });
      // a write that changes nothing still goes (a full disk has no say in it)
      expect(db.prepare("DELETE FROM audit_log WHERE action = 'nothing'").run().changes).toBe(0);
      // reads go on, inside and outside transactions
      expect(db.transaction(() => db.prepare('SELECT count(*) AS n FROM audit_log').get())()).toEqual({
        n: 1,
      });
      expect(() => db.exec('CREATE TABLE t (x)')).toThrow(/disk is full/);
      full = false;
      audit.append('kiosk', 'after', null, {});
      expect(audit.verify()).toMatchObject({ ok: true, entries: 2 });
    } finally {
      restore();
      db.close();
    }
  });
});
