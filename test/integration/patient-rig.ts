/**
 * What the cabinet's and the personal-data services run on in integration tests: the sandbox, a
 * real kiosk database with the backend (outbox, delivery worker, connectivity monitor,
 * directory) pointed at it, the session manager, and a patient signed in for real — the persona's
 * key signs the nonce, and every later signature is a real DSTU 4145 signature of exactly the text
 * the service asks for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ageInYears } from '#shared/rules/age';
import { err, ok, type Result } from '#shared/result';
import { loadSecretKey } from '../../electron/core/crypto/key-store';
import type { Db } from '../../electron/core/db/database';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import type { PatientTokens } from '../../electron/core/ehealth/tokens';
import { EventBus } from '../../electron/core/events';
import { silentLogger, type Logger } from '../../electron/core/log';
import { createBackend, type Backend } from '../../electron/core/backend/engine';
import { AuditLog } from '../../electron/core/kiosk/audit';
import type { PatientContext, PatientPort } from '../../electron/core/session/patient-port';
import { SessionManager } from '../../electron/core/session/session-manager';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../electron/sandbox';
import { kioskSignIn } from './outbox-helpers';
import { signAs, TEST_KEYS_DIR } from './sandbox-helpers';

export interface PatientRig {
  sb: SandboxHandle;
  dataDir: string;
  db: Db;
  log: Logger;
  engine: Backend;
  sessions: SessionManager;
  patient: TestPatient;
  /** Ends the session, stops the engine, closes the database and the sandbox, deletes the data. */
  close(): Promise<void>;
}

/** A small-seed sandbox and a fresh kiosk data directory (named after `label`) wired to it. */
export async function startPatientRig(
  label: string,
  sandbox: Pick<SandboxOptions, 'now'> = {},
): Promise<PatientRig> {
  const sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR, ...sandbox });
  const dataDir = mkdtempSync(join(tmpdir(), `kiosk-${label}-it-`));
  const db = openKioskDatabase(dataDir);
  const log = silentLogger();
  const events = new EventBus();
  const key = loadSecretKey({ dataDir });
  const engine = createBackend({
    dataDir,
    environment: 'training',
    db,
    key,
    audit: new AuditLog(db, key.box),
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
  return {
    sb,
    dataDir,
    db,
    log,
    engine,
    sessions,
    patient,
    async close() {
      await sessions.end('finish');
      await engine.stop();
      db.close();
      await sb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The patient session as the services see it, one persona at a time. `access` lets a test sign a
 * teen in as if the kiosk allowed changes, to see eHealth's own verdict.
 */
export class TestPatient implements PatientPort {
  private ctx: PatientContext | null = null;
  private holder: PatientTokens | null = null;
  private personaId: string | null = null;
  /** Every text this patient signed, in order (tests compare it with eHealth's data). */
  readonly signedTexts: string[] = [];
  /** Makes the next signature fail as the signer would (e.g. the key was removed). */
  failNextSignature: Result<never> | null = null;

  constructor(
    private readonly sb: SandboxHandle,
    private readonly engine: Backend,
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
    // full years on the sandbox's calendar
    const ageYears = ageInYears(persona.birthDate, this.sb.clock.now().toISOString().slice(0, 10));
    if (ageYears === null) throw new Error(`persona ${personaId} has no usable birth date`);
    const session = this.sessions.start();
    this.holder = api.patientTokens(tokens);
    this.personaId = personaId;
    this.ctx = {
      sessionId: session.id,
      personId,
      patientKey: this.engine.outbox.patientKeyFor(personId),
      ageYears,
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
    if (this.failNextSignature) {
      const f = this.failNextSignature;
      this.failNextSignature = null;
      return f;
    }
    if (!this.personaId) return err('NO_SESSION', 'nobody is signed in');
    this.signedTexts.push(json);
    return ok({ signedContent: await signAs(this.sb, this.personaId, json) });
  }
}
