/**
 * The patient cabinet's services against the sandbox: a real kiosk database, outbox, delivery
 * worker, connectivity monitor and directory (the offline engine), and a patient signed in for
 * real (the persona's key signs the nonce; later signatures are real DSTU 4145 signatures of the
 * exact text, as the patient session's signer makes them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '#shared/result';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import { createCabinetServices, type CabinetServices } from '../../electron/core/declarations/compose';
import type { PatientContext, PatientPort } from '../../electron/core/declarations/patient-port';
import type { PatientTokens } from '../../electron/core/ehealth/tokens';
import { EventBus } from '../../electron/core/events';
import { silentLogger } from '../../electron/core/log';
import { createOfflineEngine, type OfflineEngine } from '../../electron/core/outbox/engine';
import type { ReceiptPrinter } from '../../electron/core/receipts/printer';
import { AuditLog } from '../../electron/core/registrar/audit';
import { SessionManager } from '../../electron/core/session/session-manager';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { kioskSignIn } from './outbox-helpers';
import { signAs } from './sandbox-helpers';

/** Persona keys shared by the test run's sandboxes (writing Key-6.dat files takes seconds). */
const KEYS_DIR = join(tmpdir(), 'kiosk-sandbox-test-keys');

export interface CabinetRig {
  sb: SandboxHandle;
  dataDir: string;
  engine: OfflineEngine;
  sessions: SessionManager;
  cabinet: CabinetServices;
  patient: TestPatient;
  close(): Promise<void>;
}

export async function startCabinetRig(
  opts: { printer?: (dir: string | null) => ReceiptPrinter | null; settleWaitMs?: number } = {},
): Promise<CabinetRig> {
  const sb = await startSandbox({ seed: 'small', keysCacheDir: KEYS_DIR });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-cabinet-it-'));
  const db = openKioskDatabase(dataDir);
  const log = silentLogger();
  const events = new EventBus();
  const audit = new AuditLog(db);
  const engine = createOfflineEngine({
    dataDir,
    db,
    audit,
    events,
    log,
    now: () => new Date(),
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
  });
  const sessions = new SessionManager(events);
  const patient = new TestPatient(sb, engine, sessions);
  const synced = await engine.directory.sync();
  if (!synced.ok) throw new Error(`directory sync: ${synced.error.message}`);
  const cabinet = createCabinetServices({
    dataDir,
    patient,
    outbox: engine.outbox,
    directory: engine.directory,
    session: sessions,
    log,
    ...(opts.printer ? { printer: opts.printer } : {}),
    settleWaitMs: opts.settleWaitMs ?? 15_000,
  });
  return {
    sb,
    dataDir,
    engine,
    sessions,
    cabinet,
    patient,
    async close() {
      await sessions.end('finish');
      await cabinet.close();
      await engine.stop();
      db.close();
      await sb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const ageOn = (birthDate: string, now: Date): number => {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
};

/**
 * The patient session as the cabinet's services see it, for one persona at a time. Signing uses
 * the persona's real key and the sandbox's time-stamp service, over exactly the given text.
 */
export class TestPatient implements PatientPort {
  private ctx: PatientContext | null = null;
  private holder: PatientTokens | null = null;
  private personaId: string | null = null;
  /** Every text this patient signed, in order (tests compare it with eHealth's data). */
  readonly signedTexts: string[] = [];

  constructor(
    private readonly sb: SandboxHandle,
    private readonly engine: OfflineEngine,
    private readonly sessions: SessionManager,
  ) {
    sessions.onEnd(() => {
      this.ctx = null;
      this.holder = null;
      this.personaId = null;
    });
  }

  async signIn(personaId: string, access: 'full' | 'view-only' = 'full'): Promise<PatientContext> {
    await this.sessions.end('finish');
    const api = this.pis();
    const { tokens, personId } = await kioskSignIn(this.sb, api, personaId);
    const persona = this.sb.personas.find((p) => p.id === personaId);
    if (!persona) throw new Error(`no persona ${personaId}`);
    const session = this.sessions.start();
    this.holder = api.patientTokens(tokens);
    this.personaId = personaId;
    this.ctx = {
      sessionId: session.id,
      personId,
      patientKey: this.engine.outbox.patientKeyFor(personId),
      ageYears: ageOn(persona.birthDate, this.sb.clock.now()),
      access,
    };
    return this.ctx;
  }

  current(): PatientContext | null {
    return this.ctx && this.sessions.active?.id === this.ctx.sessionId ? { ...this.ctx } : null;
  }

  requireView(): Result<PatientContext> {
    const c = this.current();
    return c ? ok(c) : err('NO_SESSION', 'nobody is signed in');
  }

  requireAct(): Result<PatientContext> {
    const c = this.requireView();
    if (!c.ok) return c;
    return c.value.access === 'full' ? c : err('VIEW_ONLY', 'view only');
  }

  pis() {
    if (!this.engine.api) throw new Error('no eHealth client');
    return this.engine.api;
  }

  tokens(): PatientTokens | null {
    return this.current() ? this.holder : null;
  }

  async sign(json: string): Promise<Result<{ signedContent: string }>> {
    const act = this.requireAct();
    if (!act.ok) return act;
    if (!this.personaId) return err('NO_SESSION', 'nobody is signed in');
    this.signedTexts.push(json);
    return ok({ signedContent: await signAs(this.sb, this.personaId, json) });
  }
}
