import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import { loadSecretKey } from '../core/crypto/key-store';
import { openKioskDatabase } from '../core/db/kiosk-db';
import { AuditLog, GENESIS_HASH } from '../core/kiosk/audit';
import type { CliIO } from './types';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function kiosk(args: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => (out += `${t}\n`),
    stderr: (t) => (err += `${t}\n`),
    readStdin: async () => Buffer.alloc(0),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** A data directory as the kiosk leaves it: its at-rest key and a keyed audit chain. */
function kioskDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-cli-'));
  dirs.push(dir);
  const key = loadSecretKey({ dataDir: dir });
  const db = openKioskDatabase(dir);
  const log = new AuditLog(db, key.box, () => new Date('2026-03-01T09:00:00.000Z'), null, key.auditChain);
  log.ensureKeyed();
  log.append('kiosk', 'boot');
  log.append('registrar:R-01', 'outbox.discard', 'op-7', { kind: 'app.revoke' });
  log.append('kiosk', 'session.end', null, { reason: 'finish' });
  db.close();
  return dir;
}

/** Someone with the file but not the key: change an entry, recompute a plain SHA-256 chain. */
function rewrite(dir: string): void {
  const db = openKioskDatabase(dir);
  db.exec('DROP TRIGGER audit_log_no_update');
  db.prepare("UPDATE audit_log SET actor = 'kiosk' WHERE action = 'outbox.discard'").run();
  let prev = GENESIS_HASH;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[]) {
    const hash = createHash('sha256')
      .update(JSON.stringify([prev, r.at, r.actor, r.action, r.subject, r.detail]))
      .digest('hex');
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
  db.close();
}

describe('kiosk audit verify', () => {
  it('exits 0 for an intact chain and 1 for a rewritten one, printing the first bad entry', async () => {
    const dir = kioskDataDir();
    const intact = await kiosk(['audit', 'verify', '--data-dir', dir]);
    expect(intact).toMatchObject({ code: 0, err: '' });
    expect(intact.out).toBe('audit chain intact: 3 entries\n');

    rewrite(dir);
    const broken = await kiosk(['audit', 'verify', '--data-dir', dir]);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^audit chain broken at entry 1: the chain is not keyed/);
    expect(broken.out).toContain('first bad entry: #1 2026-03-01T09:00:00.000Z kiosk boot');

    const json = await kiosk(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ checked: true, ok: false, brokenAt: 1 });
  });

  it('finds one changed entry in a keyed chain', async () => {
    const dir = kioskDataDir();
    const db = openKioskDatabase(dir);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 3').run('{"reason":"idle"}');
    db.close();
    const r = await kiosk(['audit', 'verify', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('audit chain broken at entry 3: its MAC does not match');
    expect(r.out).toContain('first bad entry: #3');
  });

  it('exits 2 when it cannot check: no database, or no key (it never makes one)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kiosk-audit-cli-'));
    dirs.push(empty);
    expect((await kiosk(['audit', 'verify', '--data-dir', empty])).code).toBe(2);
    openKioskDatabase(empty).close();
    const noKey = await kiosk(['audit', 'verify', '--data-dir', empty]);
    expect(noKey.code).toBe(2);
    expect(noKey.err).toMatch(/no at-rest key/);
    expect((await kiosk(['audit', 'nonsense', '--data-dir', empty])).code).toBe(2);
  });
});
