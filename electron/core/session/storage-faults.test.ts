/**
 * All or nothing under storage faults: a full disk at any step of a multi-step change (a patient
 * session opening with its audit entry, a registrar entering the panel or an assisted session with
 * theirs, a signed act released with its audit entry) leaves the kiosk as it was before that change,
 * with DISK_FULL (the renderer's message in Ukrainian and English) instead of a half-done state.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { failWritesLike } from '../db/storage-faults.test-support';
import { createPisApiFromConfig } from '../ehealth/pis-api';
import type { Person } from '../ehealth/schemas/person';
import type { EsignService } from '../esign/service';
import { EventBus } from '../events';
import { silentLogger } from '../log';
import { Outbox } from '../outbox/outbox';
import { RegistrarAccounts } from '../registrar/accounts';
import { AuditLog } from '../kiosk/audit';
import { RegistrarModeState } from '../registrar/registrar-mode';
import { PatientSession, type EstablishedPatient } from './patient-session';
import { SessionManager } from './session-manager';

const AUDIT_INSERT = /INSERT INTO audit_log/;

function kiosk() {
  const db = openKioskDatabase(':memory:');
  const events = new EventBus();
  const sessions = new SessionManager(events);
  const box = new SecretBox(randomBytes(32));
  const audit = new AuditLog(db, box);
  const outbox = new Outbox({ environment: 'training', db, box, audit });
  const api = createPisApiFromConfig({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' });
  const ended: string[] = [];
  const esign = {
    endSession: async (reason: string) => void ended.push(reason),
    sign: async () => ok({ signedContent: 'S'.repeat(64), signer: {} }),
  } as unknown as EsignService;
  const patient = new PatientSession({ sessions, api: () => api, esign, outbox, audit, log: silentLogger() });
  const accounts = new RegistrarAccounts({ db, audit, scrypt: { N: 1024, r: 8, p: 1, keyLength: 32 } });
  const mode = new RegistrarModeState({ accounts, audit, events, session: sessions });
  const actions = () => audit.list(100).map((e) => e.action);
  return { db, sessions, audit, outbox, patient, accounts, mode, actions };
}

const established: EstablishedPatient = {
  personId: 'person-1',
  ageYears: 40,
  access: 'full',
  tokens: { accessToken: 'at', refreshToken: 'rt', expiresAt: null },
  signerDrfo: '1234567890',
  person: { id: 'person-1' } as Person,
  verification: null,
};

describe('all or nothing under storage faults', () => {
  it('a patient session opens only together with its audit entry', () => {
    const k = kiosk();
    const heal = failWritesLike(k.db, AUDIT_INSERT);
    const refused = k.patient.begin(established);
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    // nothing half-open: no session, nobody signed in, the next visitor is not told "busy"
    expect(k.sessions.active).toBeNull();
    expect(k.patient.current()).toBeNull();
    expect(k.actions()).toEqual([]);
    heal();
    const opened = k.patient.begin(established);
    expect(opened.ok).toBe(true);
    expect(k.sessions.active?.id).toBe(opened.ok ? opened.value.sessionId : 'none');
    expect(k.audit.list(1)[0]).toMatchObject({ action: 'session.sign-in', subject: k.sessions.active?.id });
  });

  it('a registrar enters the panel, an assisted session or hands back only together with the audit entry', async () => {
    const k = kiosk();
    const { code } = await k.accounts.enrollment.issue();
    expect((await k.accounts.addFirst('R-01', '482915', code)).ok).toBe(true);
    let heal = failWritesLike(k.db, AUDIT_INSERT);
    expect(await k.mode.signIn('R-01', '482915')).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(k.mode.state()).toMatchObject({ mode: 'off', registrarId: null });
    heal();
    expect(await k.mode.signIn('R-01', '482915')).toMatchObject({ ok: true, value: { mode: 'panel' } });

    heal = failWritesLike(k.db, AUDIT_INSERT);
    expect(k.mode.startAssisted()).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(k.mode.state().mode).toBe('panel');
    heal();
    expect(k.mode.startAssisted()).toMatchObject({ ok: true, value: { mode: 'assisted' } });

    heal = failWritesLike(k.db, AUDIT_INSERT);
    expect(k.mode.handBack()).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(k.mode.state().mode).toBe('assisted');
    // the end of the visit always ends registrar mode, full disk or not
    await k.sessions.end('finish');
    expect(k.mode.state()).toMatchObject({ mode: 'off', registrarId: null });
    heal();
    expect(k.actions()).toEqual([
      'registrar.assist.start',
      'registrar.signIn',
      'registrar.account.add',
      'registrar.enrollment.issue',
    ]);
  });

  it('a signed act is released only together with its audit entry, whichever write fails', () => {
    for (const step of [
      /SET payload = NULL WHERE id = \? AND held = 1/,
      /SET payload = \?, held = 0/,
      AUDIT_INSERT,
    ]) {
      const k = kiosk();
      const held = k.outbox.hold({
        kind: 'person-request.complete',
        params: { requestId: 'pr-1' },
        patientKey: 'p',
        deadline: new Date(Date.now() + 86_400_000),
      });
      if (!held.ok) throw new Error(held.error.message);
      const before = k.db.prepare('SELECT * FROM outbox_operations WHERE id = ?').get(held.value.id);
      const auditBefore = k.actions();
      const heal = failWritesLike(k.db, step);
      const released = k.outbox.release(held.value.id, { signedContent: 'S'.repeat(64) });
      heal();
      expect(released).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      // still held, with its reserved room and its hold's expiry; no audit entry of a release
      expect(k.db.prepare('SELECT * FROM outbox_operations WHERE id = ?').get(held.value.id)).toEqual(before);
      expect(k.actions()).toEqual(auditBefore);
      // the same signature goes through once there is room again
      const again = k.outbox.release(held.value.id, { signedContent: 'S'.repeat(64) });
      expect(again).toMatchObject({ ok: true, value: { held: false, state: 'captured' } });
      expect(k.actions()[0]).toBe('outbox.released');
    }
  });
});
