/**
 * The outbox against the sandbox (a real HTTP eHealth simulator) with real sign-in (persona keys,
 * DSTU 4145 signatures): delivery exactly once, a declaration signed while the link is down and
 * delivered later without the patient, and a patient whose tokens eHealth no longer accepts.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connectivity } from '#shared/contract/app';
import type { OperationView } from '#shared/contract/outbox';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { appliedUnder, kioskSignIn } from './outbox-helpers';
import { signAs } from './sandbox-helpers';

let sb: SandboxHandle;
let services: KioskServices;
let dataDir: string;
const pushed: OperationView[] = [];
const links: Connectivity[] = [];

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small' });
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-outbox-it-'));
  services = createServices({
    dataDir,
    log: silentLogger(),
    version: 'it',
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
  });
  services.events.on('outboxChanged', (v) => pushed.push(v));
  services.events.on('connectivityChanged', ({ state }) => links.push(state));
}, 120_000);

afterAll(async () => {
  await services?.close();
  await sb?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const api = () => {
  if (!services.ehealth) throw new Error('no eHealth client');
  return services.ehealth;
};

const idempotencyKeyOf = (id: string) =>
  (
    services.db.prepare('SELECT idempotency_key FROM outbox_operations WHERE id = ?').get(id) as {
      idempotency_key: string;
    }
  ).idempotency_key;

describe('outbox against the sandbox', () => {
  it('revokes e-cabinet apps exactly once, with every state pushed and audited', async () => {
    const { tokens, personId } = await kioskSignIn(sb, api(), 'adult-with-apps');
    const apps = await api().apps.list(api().patientTokens(tokens));
    if (!apps.ok) throw new Error(apps.error.message);
    const targets = apps.value.data.filter((a) => a.client_id !== sb.clientId).slice(0, 2);
    expect(targets.length).toBe(2);

    const patientKey = services.outbox.patientKeyFor(personId);
    const ops = targets.map((a) => {
      const r = services.outbox.enqueue({
        kind: 'app.revoke',
        params: { appId: a.id },
        patientKey,
        credentials: tokens,
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    const settled = await Promise.all(ops.map((o) => services.outbox.whenSettled(o.id)));
    expect(settled.map((s) => s.view.state)).toEqual(['done', 'done']);
    expect(settled.map((s) => s.view.ehealthId)).toEqual(targets.map((t) => t.id));

    for (const o of ops) {
      expect(await appliedUnder(sb, idempotencyKeyOf(o.id))).toMatchObject({
        applied: 1,
        state: 'completed',
      });
      expect(pushed.filter((v) => v.id === o.id).map((v) => v.state)).toEqual([
        'captured',
        'sending',
        'done',
      ]);
      const audited = services.audit.list(500).filter((e) => e.subject === o.id);
      expect(audited.length).toBe(3);
      for (const e of audited)
        expect(e.detail ?? '').not.toMatch(new RegExp(`${personId}|${tokens.accessToken}`));
    }
    const after = await api().apps.list(api().patientTokens(tokens));
    expect(after.ok && after.value.data.map((a) => a.id)).not.toContain(targets[0]!.id);
    // a receipt stays: kind, time, state, eHealth id, reference code — no payload, no patient
    expect(
      services.db.prepare('SELECT payload, patient_key FROM outbox_operations WHERE id = ?').get(ops[0]!.id),
    ).toEqual({
      payload: null,
      patient_key: null,
    });
  }, 180_000);

  it('a declaration signed while eHealth is unreachable is delivered later, without the patient', async () => {
    const { tokens, personId } = await kioskSignIn(sb, api(), 'adult-no-declaration');
    const synced = await services.directory.sync();
    expect(synced.ok).toBe(true);
    const found = services.directory.search({ speciality: 'FAMILY_DOCTOR', age: 40, pageSize: 1 });
    if (!found.ok || !found.value.items[0]) throw new Error('no doctor found');
    const doctor = found.value.items[0];
    const patientKey = services.outbox.patientKeyFor(personId);

    const create = services.outbox.enqueue({
      kind: 'declaration-request.create',
      params: { employeeId: doctor.employeeId, divisionId: doctor.divisionId },
      patientKey,
      credentials: tokens,
      flowId: 'declaration-1',
    });
    if (!create.ok) throw new Error(create.error.message);
    const created = await services.outbox.whenSettled(create.value.id);
    expect(created.view.state).toBe('done');
    const request = created.data as { id: string; data_to_be_signed: { person: Record<string, unknown> } };

    // before the patient signs, the signed step is stored (room reserved): a full disk would stop here
    const sign = services.outbox.hold({
      kind: 'declaration-request.sign',
      params: { requestId: request.id },
      patientKey,
      // the request's delivery took the tokens along; the signed step is stored with them (as the flow does)
      credentials: tokens,
      flowId: 'declaration-1',
      dependsOn: create.value.id,
    });
    if (!sign.ok) throw new Error(sign.error.message);
    const signed = await signAs(sb, 'adult-no-declaration', {
      ...request.data_to_be_signed,
      person: { ...request.data_to_be_signed.person, patient_signed: true },
    });

    sb.faults.set({ outage: true });
    const released = services.outbox.release(sign.value.id, { signedContent: signed });
    if (!released.ok) throw new Error(released.error.message);
    const receiptCode = released.value.referenceCode;
    await expect
      .poll(() => services.outbox.get(sign.value.id)?.state, { timeout: 30_000 })
      .toBe('waiting-network');
    await expect.poll(() => services.connectivity(), { timeout: 30_000 }).toBe('offline');
    // the patient leaves: their session ends, the kiosk keeps only the sealed operation
    await services.session.end('finish');

    sb.faults.reset();
    const done = await services.outbox.whenSettled(sign.value.id);
    expect(done.view).toMatchObject({ state: 'done', referenceCode: receiptCode, flowId: 'declaration-1' });
    expect(links).toContain('offline');
    expect(links.at(-1)).toBe('online');
    const declarations = await api().declarations.list(api().patientTokens(tokens), { status: 'active' });
    expect(declarations.ok && declarations.value.data.map((d) => d.id)).toContain(done.view.ehealthId);
    expect(await appliedUnder(sb, idempotencyKeyOf(sign.value.id))).toMatchObject({ applied: 1 });
    expect(services.outbox.getByReference(receiptCode.toLowerCase())?.state).toBe('done');
  }, 180_000);

  it('ends as needs-patient when eHealth refuses the refresh token, and is sent when the patient signs in again', async () => {
    const first = await kioskSignIn(sb, api(), 'adult-with-declaration');
    // the kiosk signed the patient out: the refresh token of that session is dead
    const out = await api().auth.logout(first.tokens.accessToken ?? '');
    expect(out.ok).toBe(true);
    const patientKey = services.outbox.patientKeyFor(first.personId);
    const declarations = await (async () => {
      const again = await kioskSignIn(sb, api(), 'adult-with-declaration');
      const list = await api().declarations.list(api().patientTokens(again.tokens), { status: 'active' });
      if (!list.ok || !list.value.data[0]) throw new Error('no active declaration');
      return { id: list.value.data[0].id, fresh: again.tokens };
    })();
    const op = services.outbox.enqueue({
      kind: 'declaration.terminate',
      params: { declarationId: declarations.id, reasonDescription: 'Переїзд' },
      patientKey,
      credentials: { ...first.tokens, expiresAt: 1 },
    });
    if (!op.ok) throw new Error(op.error.message);
    expect((await services.outbox.whenSettled(op.value.id)).view).toMatchObject({
      state: 'needs-patient',
      error: { code: 'EHEALTH_UNAUTHORIZED' },
    });
    const resumed = services.outbox.resumePatient(patientKey, declarations.fresh);
    expect(resumed).toEqual({ ok: true, value: 1 });
    const done = await services.outbox.whenSettled(op.value.id);
    expect(done.view).toMatchObject({ state: 'done', ehealthId: declarations.id });
  }, 180_000);

  it('keeps no token, payload or name in clear in the database file', () => {
    const files = readdirSync(dataDir).filter((f) => f.startsWith('kiosk.db'));
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(dataDir, f))));
    for (const persona of sb.personas.filter((p) => p.id.startsWith('adult'))) {
      expect(bytes.includes(Buffer.from(persona.taxId))).toBe(false);
      expect(bytes.includes(Buffer.from(persona.fullName))).toBe(false);
    }
    expect(bytes.includes(Buffer.from('Переїзд'))).toBe(false);
  });
});
