/**
 * "Act for my child" in main, against eHealth's wire (a scripted HTTP server speaking the PIS
 * envelopes): the parent's key signs the child's identity, the confidant sign-in is sent as the
 * specification says, the session is then about the child (the parent's key still signs), one tap
 * leads back, and the end of the session logs out every token it held. The signer is the only fake:
 * it records what it was asked to sign and with which DRFO.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildIdentity } from '#shared/contract/acting';
import { ok } from '#shared/result';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { createPisApiFromConfig } from '../ehealth/pis-api';
import type { Person } from '../ehealth/schemas/person';
import {
  envelope,
  errorEnvelope,
  startScriptedServer,
  type ScriptedReply,
  type SeenRequest,
} from '../ehealth/scripted-server.test-support';
import type { EsignService } from '../esign/service';
import { EventBus } from '../events';
import { silentLogger } from '../log';
import { Outbox } from '../outbox/outbox';
import { AuditLog } from '../kiosk/audit';
import { ActingService, confidantSignInContent } from './acting';
import { PatientSession } from './patient-session';
import { SessionManager } from './session-manager';

const NOW = new Date('2026-03-01T10:00:00Z');
const PARENT_ID = 'parent-1';
const CHILD_ID = 'child-5';

const child5 = (over: Partial<Person> = {}): Person =>
  ({
    id: CHILD_ID,
    first_name: 'Марко',
    second_name: 'Тарасович',
    last_name: "Дем'яненко",
    birth_date: '2020-11-15',
    gender: 'MALE',
    confidant_person: [
      {
        person_id: PARENT_ID,
        relation_type: 'PRIMARY',
        documents_relationship: [{ type: 'BIRTH_CERTIFICATE' }],
      },
    ],
    ...over,
  }) as Person;

const IDENTITY: ChildIdentity = {
  lastName: 'дем’яненко',
  firstName: 'Марко',
  secondName: 'Тарасович',
  birthDate: '2020-11-15',
  document: { kind: 'birth-certificate', number: 'і-кв 123456' },
};

const token = (value: string, personId: string) => ({
  value,
  user_id: `u-${value}`,
  name: 'access_token',
  id: `id-${value}`,
  expires_at: Math.floor(Date.now() / 1000) + 900,
  details: {
    app_id: 'app',
    applicant_user_id: 'u-parent',
    applicant_person_id: personId,
    scope: 'person:read',
    refresh_token: `r-${value}`,
    grant_type: 'pis_auth',
    client_id: 'c',
  },
});

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

interface Script {
  confidant?: ScriptedReply;
  child?: Person;
  relationStatus?: string;
}

async function kiosk(script: Script = {}) {
  const server = await startScriptedServer((req: SeenRequest): ScriptedReply => {
    const bearer = req.headers.authorization ?? '';
    if (req.path === '/api/pis/confidant/sign-in')
      return script.confidant ?? { status: 201, body: envelope(token('child-token', PARENT_ID)) };
    if (req.path === '/api/pis/person')
      return {
        status: 200,
        body: envelope(bearer.endsWith('child-token') ? (script.child ?? child5()) : { id: PARENT_ID }),
      };
    if (req.path === '/api/pis/person/verification')
      return {
        status: 200,
        body: envelope({
          person_verification: { verification_status: 'VERIFIED' },
          confidant_person_relationship_verification: {
            verification_status: script.relationStatus ?? 'VERIFIED',
          },
        }),
      };
    if (req.path === '/auth/logout') return { status: 200, body: envelope({}) };
    return { status: 404, body: errorEnvelope(404, 'not_found', 'no route') };
  });
  stops.push(server.close);
  const db = openKioskDatabase(':memory:');
  stops.push(async () => {
    db.close();
  });
  const events = new EventBus();
  const sessions = new SessionManager(events);
  const box = new SecretBox(randomBytes(32));
  const audit = new AuditLog(db, box, () => NOW);
  const outbox = new Outbox({ environment: 'training', db, box, audit, now: () => NOW });
  const api = createPisApiFromConfig({
    baseUrl: server.baseUrl,
    apiKey: 'api-key-1',
    clientId: 'client-1',
    clientSecret: 'secret-1',
    scope: 'person:read',
  });
  const signed: { json: string; drfo: string }[] = [];
  const esign = {
    certificate: () => null,
    endSession: async () => undefined,
    sign: async (json: string, drfo: string) => {
      signed.push({ json, drfo });
      return ok({ signedContent: Buffer.from(json).toString('base64'), signer: {} });
    },
  } as unknown as EsignService;
  const patient = new PatientSession({ sessions, api: () => api, esign, outbox, audit, log: silentLogger() });
  audit.setActing(() => {
    const role = patient.current()?.actingAs;
    return role ? `confidant:${role}` : null;
  });
  const acting = new ActingService({ patient, log: silentLogger(), now: () => NOW });
  const begun = patient.begin({
    personId: PARENT_ID,
    ageYears: 38,
    access: 'full',
    tokens: { accessToken: 'parent-token', refreshToken: 'parent-refresh', expiresAt: null },
    signerDrfo: '3012345678',
    person: { id: PARENT_ID, first_name: 'Тарас', last_name: "Дем'яненко" } as Person,
    verification: null,
  });
  if (!begun.ok) throw new Error(begun.error.message);
  return { server, sessions, audit, patient, acting, signed };
}

describe('acting for a child', () => {
  it('the parent’s key signs the child’s identity; the confidant sign-in follows the specification', async () => {
    const k = await kiosk();
    const r = await k.acting.start(IDENTITY);
    if (!r.ok) throw new Error(r.error.code);
    // signed by the signer with the parent's DRFO, exactly the identity eHealth searches by
    expect(k.signed).toHaveLength(1);
    expect(k.signed[0]?.drfo).toBe('3012345678');
    expect(JSON.parse(k.signed[0]?.json ?? '')).toEqual({
      last_name: "Дем'яненко",
      given_name: 'Марко Тарасович',
      first_name: 'Марко',
      second_name: 'Тарасович',
      birth_date: '2020-11-15',
      document: { type: 'BIRTH_CERTIFICATE', number: 'І-КВ123456' },
    });
    const call = k.server.seen.find((s) => s.path === '/api/pis/confidant/sign-in');
    expect(call?.method).toBe('POST');
    expect(call?.headers['api-key']).toBe('api-key-1');
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.json).toEqual({
      signed_content: Buffer.from(k.signed[0]?.json ?? '').toString('base64'),
      signed_content_encoding: 'base64',
      token: {
        grant_type: 'pis_auth',
        client_id: 'client-1',
        client_secret: 'secret-1',
        scope: 'person:read',
      },
    });
    // the child's person and verification are read with the child's token
    const reads = k.server.seen.filter((s) => s.path.startsWith('/api/pis/person'));
    expect(reads.map((s) => s.headers.authorization)).toEqual(['Bearer child-token', 'Bearer child-token']);

    // the session is about the child now: their token, their context, the parent's role
    expect(r.value.children).toEqual([
      expect.objectContaining({ name: "Марко Дем'яненко", ageYears: 5, access: 'full', role: 'parent' }),
    ]);
    expect(r.value.active).toBe(r.value.children[0]?.handle);
    expect(k.patient.current()).toMatchObject({ personId: CHILD_ID, ageYears: 5, actingAs: 'parent' });
    expect(k.patient.tokens()?.current().accessToken).toBe('child-token');
    expect(k.patient.requireAct().ok).toBe(true);
    expect(k.patient.signedIn()?.personId).toBe(PARENT_ID);

    // what is done for the child is audited as the parent's, by role
    k.audit.append('patient', 'outbox.captured', 'op-1');
    expect(k.audit.list(10).find((e) => e.subject === 'op-1')?.actor).toBe('confidant:parent');
    expect(k.audit.list(10).some((e) => e.action === 'session.acting-for')).toBe(true);

    // every later signature is still the parent's
    const act = await k.patient.sign('{"x":1}');
    expect(act.ok).toBe(true);
    expect(k.signed[1]?.drfo).toBe('3012345678');

    // one tap back to the parent's own cabinet, and to the child again
    const back = k.acting.switchTo(null);
    expect(back.ok && back.value.active).toBeNull();
    expect(k.patient.current()?.personId).toBe(PARENT_ID);
    expect(k.patient.tokens()?.current().accessToken).toBe('parent-token');
    k.audit.append('patient', 'outbox.captured', 'op-2');
    expect(k.audit.list(10).find((e) => e.subject === 'op-2')?.actor).toBe('patient');
    const again = k.acting.switchTo(r.value.children[0]?.handle ?? '');
    expect(again.ok && again.value.active).toBe(r.value.children[0]?.handle);

    // Finish ends both: every token the session held is logged out, nothing is left
    await k.sessions.end('finish');
    const logouts = k.server.seen
      .filter((s) => s.path === '/auth/logout')
      .map((s) => s.headers.authorization);
    expect(logouts.sort()).toEqual(['Bearer child-token', 'Bearer parent-token']);
    expect(k.patient.current()).toBeNull();
    expect(k.patient.subjects()).toEqual([]);
    expect(k.acting.state()).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it('no relation at eHealth: NO_RELATION, and the parent stays in their own cabinet', async () => {
    const k = await kiosk({
      confidant: {
        status: 403,
        body: errorEnvelope(403, 'forbidden', 'Confidant person relationship not found'),
      },
    });
    const r = await k.acting.start(IDENTITY);
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_RELATION' } });
    expect(k.patient.current()?.personId).toBe(PARENT_ID);
    expect(k.patient.subjects()).toHaveLength(1);
  });

  it('eHealth finds nobody by these details: CHILD_NOT_FOUND', async () => {
    const k = await kiosk({
      confidant: { status: 404, body: errorEnvelope(404, 'not_found', 'Person not found') },
    });
    expect(await k.acting.start(IDENTITY)).toMatchObject({ ok: false, error: { code: 'CHILD_NOT_FOUND' } });
  });

  it('a token for someone else than described is given back, never used', async () => {
    const k = await kiosk({ child: child5({ birth_date: '2019-01-01' }) });
    expect(await k.acting.start(IDENTITY)).toMatchObject({ ok: false, error: { code: 'CHILD_NOT_FOUND' } });
    expect(
      k.server.seen.filter((s) => s.path === '/auth/logout').map((s) => s.headers.authorization),
    ).toEqual(['Bearer child-token']);
    expect(k.patient.current()?.personId).toBe(PARENT_ID);
  });

  it('a child of 15: the parent may look, the teen signs their own acts', async () => {
    const k = await kiosk({ child: child5({ birth_date: '2010-06-01' }) });
    const r = await k.acting.start({ ...IDENTITY, birthDate: '2010-06-01' });
    expect(r.ok && r.value.children[0]).toMatchObject({
      ageYears: 15,
      access: 'view-only',
      reason: 'teen-signs-own',
    });
    expect(k.patient.requireView().ok).toBe(true);
    expect(k.patient.requireAct()).toMatchObject({ ok: false, error: { code: 'VIEW_ONLY' } });
  });

  it('a relation eHealth marks NOT_VERIFIED allows looking only', async () => {
    const k = await kiosk({ relationStatus: 'NOT_VERIFIED' });
    const r = await k.acting.start(IDENTITY);
    expect(r.ok && r.value.children[0]).toMatchObject({
      access: 'view-only',
      reason: 'relation-not-verified',
    });
  });

  it('the content names a tax id instead of a document when the parent typed one', () => {
    expect(
      confidantSignInContent({
        ...IDENTITY,
        secondName: '',
        document: { kind: 'tax-id', number: '3456789012' },
      }),
    ).toEqual({
      last_name: "Дем'яненко",
      given_name: 'Марко',
      first_name: 'Марко',
      birth_date: '2020-11-15',
      tax_id: '3456789012',
    });
  });
});
