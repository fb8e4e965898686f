import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretKey } from '../crypto/key-store';
import { SecretBox } from '../crypto/secret-box';
import type { Db } from '../db/database';
import { openKioskDatabase } from '../db/kiosk-db';
import { AUDIT_ANCHOR_ACTION, AuditLog, GENESIS_HASH } from './audit';

const sha256Chain = (prev: string, r: Record<string, unknown>) =>
  createHash('sha256')
    .update(JSON.stringify([prev, r.at, r.actor, r.action, r.subject, r.detail]))
    .digest('hex');

/**
 * What someone with the database file but without the kiosk's key can do: take the triggers out of
 * the way, change an entry, and recompute every hash after it as a plain SHA-256 chain (the format
 * before the chain was keyed).
 */
function rewriteAsPlainChain(db: Db, change: () => void, beforeSeq = Number.MAX_SAFE_INTEGER): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  change();
  let prev = GENESIS_HASH;
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq').all(beforeSeq) as Record<
    string,
    unknown
  >[];
  for (const r of rows) {
    const hash = sha256Chain(prev, r);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
}

/** Rows as an earlier version wrote them: plain SHA-256, no key. */
function writeLegacyEntries(db: Db, actions: string[]): void {
  let prev = GENESIS_HASH;
  for (const [i, action] of actions.entries()) {
    const r = { at: `2025-12-0${i + 1}T08:00:00.000Z`, actor: 'kiosk', action, subject: null, detail: null };
    const hash = sha256Chain(prev, r);
    db.prepare(
      'INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(r.at, r.actor, r.action, r.subject, r.detail, prev, hash);
    prev = hash;
  }
}

const newKey = () => new SecretBox(randomBytes(32));

describe('AuditLog', () => {
  it('chains entries with a keyed MAC and verifies the chain', () => {
    const db = openKioskDatabase(':memory:');
    const log = new AuditLog(db, newKey(), () => new Date('2026-01-01T00:00:00Z'));
    const a = log.append('kiosk', 'boot');
    const b = log.append('registrar:r1', 'outbox.retry', 'op-1', { attempts: 2 });
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    // not a hash anyone can recompute from the row
    expect(a.hash).not.toBe(sha256Chain(GENESIS_HASH, { ...a }));
    expect(log.verify()).toEqual({ ok: true, entries: 2, keyedFrom: 1 });
    expect(log.list(10).map((e) => e.action)).toEqual(['outbox.retry', 'boot']);
  });

  it('finds a tampered entry (rewritten with the triggers out of the way)', () => {
    const db = openKioskDatabase(':memory:');
    const log = new AuditLog(db, newKey());
    log.append('kiosk', 'boot');
    log.append('kiosk', 'session.end', null, { reason: 'idle' });
    log.append('kiosk', 'session.end', null, { reason: 'finish' });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET detail = \'{"reason":"registrar"}\' WHERE seq = 2').run();
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 2, entries: 2 });
  });

  it('detects a file rewritten with a recomputed plain SHA-256 chain', () => {
    const db = openKioskDatabase(':memory:');
    const log = new AuditLog(db, newKey());
    log.append('kiosk', 'boot');
    log.append('registrar:R-01', 'outbox.discard', 'op-7');
    log.append('kiosk', 'session.end', null, { reason: 'finish' });
    rewriteAsPlainChain(db, () =>
      db.prepare("UPDATE audit_log SET actor = 'kiosk' WHERE action = 'outbox.discard'").run(),
    );
    const r = log.verify();
    expect(r).toMatchObject({ ok: false, brokenAt: 1 });
    expect(!r.ok && r.reason).toMatch(/not keyed/);
  });

  it('detects a chain recomputed with another key (another kiosk’s, or a guessed one)', () => {
    const db = openKioskDatabase(':memory:');
    const mine = new AuditLog(db, newKey());
    mine.append('kiosk', 'boot');
    mine.append('registrar:R-01', 'outbox.discard', 'op-7');
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec('DELETE FROM audit_log');
    const forger = new AuditLog(db, newKey());
    const forged = forger.append('kiosk', 'boot');
    expect(forger.verify().ok).toBe(true);
    expect(mine.verify()).toMatchObject({ ok: false, brokenAt: forged.seq });
  });

  it('keys a chain an earlier version left unkeyed with one re-anchoring entry, which then protects it', () => {
    const db = openKioskDatabase(':memory:');
    writeLegacyEntries(db, ['boot', 'outbox.retry', 'session.end']);
    const key = newKey();
    const log = new AuditLog(db, key);
    // never opened by this version: not vouched for
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 1 });
    expect(log.ensureKeyed()).toBe(true);
    expect(log.ensureKeyed()).toBe(false);
    const anchor = log.list(1)[0];
    expect(anchor).toMatchObject({ seq: 4, actor: 'kiosk', action: AUDIT_ANCHOR_ACTION });
    expect(JSON.parse(anchor?.detail ?? '{}')).toMatchObject({ legacyEntries: 3 });
    log.append('kiosk', 'boot');
    expect(log.verify()).toEqual({ ok: true, entries: 5, keyedFrom: 4 });
    // another process with the same key sees the same
    expect(new AuditLog(db, key).verify().ok).toBe(true);

    // an older entry rewritten and the plain chain before the anchor recomputed: the anchor no longer follows
    rewriteAsPlainChain(
      db,
      () => db.prepare("UPDATE audit_log SET action = 'boot' WHERE action = 'outbox.retry'").run(),
      4,
    );
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 4 });
    // and recomputing everything as a plain chain leaves nothing keyed
    rewriteAsPlainChain(db, () => undefined);
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('the first append on an unkeyed chain re-anchors it before writing', () => {
    const db = openKioskDatabase(':memory:');
    writeLegacyEntries(db, ['boot']);
    const log = new AuditLog(db, newKey());
    const e = log.append('registrar:R-01', 'registrar.signin');
    expect(e.seq).toBe(3);
    expect(log.list(3).map((x) => x.action)).toEqual(['registrar.signin', AUDIT_ANCHOR_ACTION, 'boot']);
    expect(log.verify()).toEqual({ ok: true, entries: 3, keyedFrom: 2 });
  });

  it('refuses unkeyed entries after the keyed part begins', () => {
    const db = openKioskDatabase(':memory:');
    const log = new AuditLog(db, newKey());
    log.append('kiosk', 'boot');
    const last = log.list(1)[0] as { hash: string };
    const r = {
      at: '2026-02-01T00:00:00.000Z',
      actor: 'kiosk',
      action: 'forged',
      subject: null,
      detail: null,
    };
    db.prepare(
      'INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(r.at, r.actor, r.action, null, null, last.hash, sha256Chain(last.hash, r));
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('once keyed, a kiosk never re-anchors: a rewrite stays detected after a restart and further entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    try {
      const db = openKioskDatabase(dir);
      const start = () => {
        const key = loadSecretKey({ dataDir: dir });
        const log = new AuditLog(db, key.box, undefined, null, key.auditChain);
        log.ensureKeyed();
        return log;
      };
      const first = start();
      first.append('kiosk', 'boot');
      first.append('registrar:R-01', 'outbox.discard', 'op-7');
      expect(first.verify().ok).toBe(true);
      rewriteAsPlainChain(db, () =>
        db.prepare("UPDATE audit_log SET actor = 'kiosk' WHERE action = 'outbox.discard'").run(),
      );
      // the kiosk starts again on the rewritten file and goes on recording
      const second = start();
      expect(second.ensureKeyed()).toBe(false);
      second.append('kiosk', 'boot');
      expect(
        db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(AUDIT_ANCHOR_ACTION),
      ).toEqual({ n: 0 });
      expect(second.verify()).toMatchObject({ ok: false, brokenAt: 1 });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
