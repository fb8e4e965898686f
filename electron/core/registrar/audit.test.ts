import { describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../db/kiosk-db';
import { AuditLog, GENESIS_HASH } from './audit';

describe('AuditLog', () => {
  it('chains entries and verifies the chain', () => {
    const db = openKioskDatabase(':memory:');
    const log = new AuditLog(db, () => new Date('2026-01-01T00:00:00Z'));
    const a = log.append('kiosk', 'boot');
    const b = log.append('registrar:r1', 'outbox.retry', 'op-1', { attempts: 2 });
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(log.verify()).toEqual({ ok: true, entries: 2 });
    expect(log.list(10).map((e) => e.action)).toEqual(['outbox.retry', 'boot']);
  });

  it('finds a tampered entry (rewritten with the triggers out of the way)', () => {
    const db = openKioskDatabase(':memory:');
    const log = new AuditLog(db);
    log.append('kiosk', 'boot');
    log.append('kiosk', 'session.end', null, { reason: 'idle' });
    log.append('kiosk', 'session.end', null, { reason: 'finish' });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET detail = \'{"reason":"registrar"}\' WHERE seq = 2').run();
    expect(log.verify()).toEqual({ ok: false, brokenAt: 2, entries: 2 });
  });
});
