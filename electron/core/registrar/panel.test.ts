import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConnectivityCause } from '#shared/contract/app';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { DirectoryService } from '../directory/directory-service';
import { silentLogger } from '../log';
import { Outbox } from '../outbox/outbox';
import { AuditLog } from '../kiosk/audit';
import { RegistrarPanel } from './panel';
import { SettingsStore } from '../kiosk/settings';
import { TrustStore } from './trust-store';

function setup(link = { cause: null as ConnectivityCause | null, clockOffsetMs: null as number | null }) {
  const db = openKioskDatabase(':memory:');
  let t = Date.parse('2026-03-02T08:00:00.000Z');
  const now = () => new Date(t);
  const box = new SecretBox(randomBytes(32));
  const audit = new AuditLog(db, box, now);
  const outbox = new Outbox({ environment: 'training', db, box, audit, now });
  const panel = new RegistrarPanel({
    version: '9.9.9',
    audit,
    settings: new SettingsStore(db),
    trust: new TrustStore({ db, audit, dataDir: ':memory:', media: { list: async () => [] } }),
    log: silentLogger(),
    outbox: () => outbox,
    directory: () => new DirectoryService({ db, api: null }),
    connectivity: () => 'offline',
    link: () => link,
    keyProtection: () => ({ protection: 'key-file', warning: true }),
    canQuit: () => false,
    now,
  });
  return { db, audit, outbox, panel, advance: (ms: number) => (t += ms), now };
}

describe('registrar panel', () => {
  it('shows operations with a short patient pseudonym, never a payload, and what may be done with each', () => {
    const { outbox, panel } = setup();
    const personKey = outbox.patientKeyFor('person-1');
    const a = outbox.enqueue({ kind: 'app.revoke', params: { appId: 'app-1' }, patientKey: personKey });
    const b = outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'app-2' },
      patientKey: outbox.patientKeyFor('person-2'),
    });
    if (!a.ok || !b.ok) throw new Error('not queued');
    const ops = panel.operations(undefined, 10);
    expect(ops.map((o) => o.id)).toEqual([b.value.id, a.value.id]);
    const first = ops[1];
    expect(first).toMatchObject({ kind: 'app.revoke', state: 'captured', canRetry: false, canDiscard: true });
    expect(first?.patient).toBe(`П-${personKey.slice(0, 4).toUpperCase()}`);
    expect(ops[0]?.patient).not.toBe(first?.patient);
    expect(JSON.stringify(ops)).not.toMatch(/app-1|app-2|person-1/);
  });

  it('discards and retries as the registrar, in the audit log under their code', () => {
    const { outbox, panel, audit, db } = setup();
    const q = outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'x' },
      patientKey: outbox.patientKeyFor('p'),
    });
    if (!q.ok) throw new Error('not queued');
    expect(panel.retry(q.value.id, 'R-02')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // eHealth refused it meanwhile (as the delivery worker would record it)
    db.prepare("UPDATE outbox_operations SET state = 'rejected' WHERE id = ?").run(q.value.id);
    expect(panel.operations(undefined, 5)[0]).toMatchObject({ canRetry: true, canDiscard: true });
    expect(panel.retry(q.value.id, 'R-02')).toMatchObject({ ok: true, value: { state: 'waiting-network' } });
    expect(panel.discard(q.value.id, 'R-02')).toMatchObject({
      ok: true,
      value: { state: 'rejected', discarded: true, canRetry: false, canDiscard: false },
    });
    expect(panel.discard('nope', 'R-02')).toMatchObject({
      ok: false,
      error: { code: 'OPERATION_NOT_FOUND' },
    });
    const mine = audit
      .list(20)
      .filter((e) => e.actor === 'registrar:R-02')
      .map((e) => e.action);
    expect(mine).toEqual(['outbox.discard', 'outbox.retry']);
  });

  it('overview and the audit chain check, which is itself recorded', () => {
    const { panel, audit } = setup();
    audit.append('kiosk', 'boot');
    expect(panel.overview()).toMatchObject({
      version: '9.9.9',
      environment: 'training',
      trainingMode: true,
      connectivity: 'offline',
      keyProtection: 'key-file',
      keyWarning: true,
      trustList: null,
    });
    expect(panel.verifyAudit('R-01')).toEqual({ ok: true, entries: 1, brokenAt: null });
    expect(panel.audit(1, undefined)[0]).toMatchObject({
      actor: 'registrar:R-01',
      action: 'registrar.audit.verify',
    });
    expect(panel.verifyAudit('R-01').entries).toBe(2);
  });

  it('shows why the link is not online and warns when the kiosk clock is more than 2 minutes off', () => {
    const fine = setup({ cause: null, clockOffsetMs: 40_000 }).panel.overview();
    expect(fine).toMatchObject({ connectivityCause: null, clockOffsetSeconds: 40, clockWarning: false });
    const portal = setup({ cause: 'captive-portal', clockOffsetMs: -3_600_000 }).panel.overview();
    expect(portal).toMatchObject({
      connectivityCause: 'captive-portal',
      clockOffsetSeconds: -3600,
      clockWarning: true,
    });
  });

  it('states every act’s deadline and points out those within 24 hours of it', () => {
    const { outbox, panel, advance, now } = setup();
    const at = (hours: number) => new Date(now().getTime() + hours * 3_600_000);
    const held = outbox.hold({
      kind: 'person-request.complete',
      params: { requestId: 'pr-1' },
      patientKey: outbox.patientKeyFor('p-1'),
      deadline: at(30),
    });
    const waiting = outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'a-1' },
      patientKey: outbox.patientKeyFor('p-2'),
      expiresAt: at(72),
    });
    if (!held.ok || !waiting.ok) throw new Error('not stored');
    const released = outbox.release(held.value.id, { signedContent: 'S'.repeat(64) });
    expect(released.ok && released.value.expiresAt).toBe(at(30).toISOString());
    expect(panel.overview().nearDeadline).toBe(0);
    advance(7 * 3_600_000);
    const ops = Object.fromEntries(panel.operations(undefined, 10).map((o) => [o.id, o]));
    expect(ops[held.value.id]).toMatchObject({ deadline: at(23).toISOString(), nearDeadline: true });
    expect(ops[waiting.value.id]).toMatchObject({ nearDeadline: false });
    expect(panel.overview().nearDeadline).toBe(1);
  });

  it('the audit check finds a database file rewritten with a recomputed plain SHA-256 chain, again and again', () => {
    const { db, audit, panel } = setup();
    audit.append('kiosk', 'boot');
    audit.append('registrar:R-01', 'outbox.discard', 'op-7');
    expect(panel.verifyAudit('R-01').ok).toBe(true);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'kiosk' WHERE action = 'outbox.discard'").run();
    let prev = '0'.repeat(64);
    for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[]) {
      const hash = createHash('sha256')
        .update(JSON.stringify([prev, r.at, r.actor, r.action, r.subject, r.detail]))
        .digest('hex');
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
      prev = hash;
    }
    expect(panel.verifyAudit('R-01')).toMatchObject({ ok: false, brokenAt: 1 });
    // recording the check did not make the rewritten chain acceptable
    expect(panel.verifyAudit('R-01')).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
