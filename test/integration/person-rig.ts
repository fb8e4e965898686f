/**
 * The personal-data services against the sandbox: a real kiosk database, outbox and delivery worker
 * (the offline engine), and a patient signed in for real — the persona's key signs the nonce, and
 * every later signature is a real DSTU 4145 signature of exactly the text the service asks for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '#shared/result';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import type { PatientTokens } from '../../electron/core/ehealth/tokens';
import { EventBus } from '../../electron/core/events';
import { silentLogger } from '../../electron/core/log';
import { createOfflineEngine, type OfflineEngine } from '../../electron/core/outbox/engine';
import { createPersonServices, type PersonServices } from '../../electron/core/person';
import type { PatientContextLike, PatientPort } from '../../electron/core/person/ports';
import { AuditLog } from '../../electron/core/registrar/audit';
import { SessionManager } from '../../electron/core/session/session-manager';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../electron/sandbox';
import { kioskSignIn } from './outbox-helpers';
import { signAs, TEST_KEYS_DIR } from './sandbox-helpers';

export interface PersonRig {
  sb: SandboxHandle;
  engine: OfflineEngine;
  sessions: SessionManager;
  person: PersonServices;
  patient: RigPatient;
  /** Operation ids the services reported as queued (the receipts service's hook). */
  queued: string[];
  close(): Promise<void>;
}

export async function startPersonRig(opts: Pick<SandboxOptions, 'now'> = {}): Promise<PersonRig> {
  const sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR, ...opts });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-person-it-'));
  const db = openKioskDatabase(dataDir);
  const log = silentLogger();
  const events = new EventBus();
  const engine = createOfflineEngine({
    dataDir,
    db,
    audit: new AuditLog(db),
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
  const patient = new RigPatient(sb, engine, sessions);
  const queued: string[] = [];
  const person = createPersonServices({
    patient,
    outbox: engine.outbox,
    sessions,
    log,
    now: () => sb.clock.now(),
    onQueued: (id) => queued.push(id),
  });
  return {
    sb,
    engine,
    sessions,
    person,
    patient,
    queued,
    async close() {
      await sessions.end('finish');
      await engine.stop();
      db.close();
      await sb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Full years on the sandbox's calendar. */
const ageOn = (birthDate: string, now: Date): number => {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
};

/**
 * The patient session as the personal-data services see it, one persona at a time. `access` lets a
 * test sign a teen in as if the kiosk allowed changes, to see eHealth's own verdict.
 */
export class RigPatient implements PatientPort {
  private ctx: PatientContextLike | null = null;
  private holder: PatientTokens | null = null;
  private personaId: string | null = null;
  /** Every text signed, in order. */
  readonly signedTexts: string[] = [];
  /** Makes the next signature fail as the signer would (e.g. the key was removed). */
  failNextSignature: Result<never> | null = null;

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

  async signIn(personaId: string, access: 'full' | 'view-only' = 'full'): Promise<PatientContextLike> {
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

  private current(): PatientContextLike | null {
    return this.ctx && this.sessions.active?.id === this.ctx.sessionId ? { ...this.ctx } : null;
  }

  requireView(): Result<PatientContextLike> {
    const c = this.current();
    return c ? ok(c) : err('NO_SESSION', 'nobody is signed in');
  }

  requireAct(): Result<PatientContextLike> {
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

/** The SMS codes the sandbox sent to a phone, newest first. */
export async function smsCodes(sb: SandboxHandle, phone: string): Promise<string[]> {
  const r = await fetch(`${sb.baseUrl}/sandbox/sms?phone=${encodeURIComponent(phone)}`);
  const body = (await r.json()) as { data: { code: string }[] };
  return body.data.map((m) => m.code);
}
