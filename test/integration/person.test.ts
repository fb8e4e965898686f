/**
 * Personal data end to end against the sandbox (a real eHealth simulator) with real sign-in and real
 * DSTU 4145 signatures: read the person, change it through a person request (create → printout →
 * sign the stored request → complete through the outbox), the kiosk's rules agreeing with
 * eHealth's verdict, view-only teens, cancelling, a failed signature, and a signed change that
 * survives an eHealth outage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonDraft, ValidationDetails } from '#shared/contract/person';
import type { KioskError } from '#shared/result';
import { PIS_PATHS } from '../../electron/core/ehealth/paths';
import { startPersonRig, type PersonRig } from './person-rig';

let rig: PersonRig;

beforeAll(async () => {
  rig = await startPersonRig();
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

const violationsOf = (e: KioskError) => (e.details as ValidationDetails).violations;

async function draftOf(): Promise<PersonDraft> {
  const v = await rig.person.data.view();
  if (!v.ok) throw new Error(`view: ${v.error.code}`);
  return structuredClone(v.value.person);
}

/** Posts the person to eHealth as it is, without the kiosk's checks (to see eHealth's own verdict). */
async function ehealthVerdict(person: PersonDraft): Promise<string[]> {
  const current = await rig.patient.pis().person.get(rig.patient.tokens()!);
  if (!current.ok) throw new Error('person');
  const { tax_id, no_tax_id, secret } = current.value.data;
  const r = await rig.patient.pis().client.call({
    method: 'POST',
    path: PIS_PATHS.personRequests,
    auth: rig.patient.tokens()!,
    body: {
      person: { ...person, tax_id, no_tax_id, secret },
      patient_signed: false,
      process_disclosure_data_consent: true,
    },
  });
  if (r.ok) return [];
  return (r.error.details.ehealth?.invalid ?? []).map((i) =>
    (i.entry ?? '').replace(/^\$\.person\./, '').replace(/\.\[(\d+)\]/g, '.$1'),
  );
}

describe('reading the person', () => {
  it('shows every part of the person, masked authentication phones and the verification status', async () => {
    await rig.patient.signIn('adult-with-declaration');
    const v = await rig.person.data.view();
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const p = v.value;
    expect(p.person).toMatchObject({
      last_name: 'Ковальчук',
      first_name: 'Олена',
      second_name: 'Петрівна',
      gender: 'FEMALE',
    });
    expect(p.person.documents[0]).toMatchObject({ type: 'NATIONAL_ID' });
    expect(p.person.addresses.filter((a) => a.type === 'RESIDENCE')).toHaveLength(1);
    expect(p.person.emergency_contact.phones.length).toBeGreaterThan(0);
    expect(p.taxId).toMatch(/^\d{10}$/);
    expect(p.secretSet).toBe(true);
    expect(JSON.stringify(p)).not.toContain('Барвінок'); // the secret word never leaves main
    expect(p.authenticationMethods).toEqual([
      expect.objectContaining({ type: 'OTP', active: true, phoneMasked: '+38067*****01' }),
    ]);
    expect(p.verification.status).toBe('VERIFIED');
    expect(p.verification.parts.map((x) => x.part)).toContain('legal_capacity');
    expect(p.access).toBe('full');
    expect(p.today).toBe(rig.sb.clock.now().toISOString().slice(0, 10));
  });

  it('refuses without a signed-in patient', async () => {
    await rig.sessions.end('finish');
    const v = await rig.person.data.view();
    expect(v).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });
});

describe('changing the person through a person request', () => {
  it('creates the request, signs exactly the stored request, completes it through the outbox', async () => {
    await rig.patient.signIn('adult-no-declaration');
    const draft = await draftOf();
    draft.email = ' New.Address@Example.com ';
    draft.phones = [...(draft.phones ?? []), { type: 'LAND_LINE', number: '+380 32 212 34 56' }];
    draft.last_name = 'Демʼяненко'; // typed with the Ukrainian apostrophe
    const created = await rig.person.data.createRequest(draft);
    expect(created.ok, JSON.stringify(!created.ok && created.error)).toBe(true);
    if (!created.ok) return;
    expect(created.value.printoutHtml).toContain('Запит на зміну персональних даних');
    expect(created.value.changed.sort()).toEqual(['email', 'phones']);

    const signed = await rig.person.data.signRequest(created.value.requestId);
    expect(signed.ok, JSON.stringify(!signed.ok && signed.error)).toBe(true);
    if (!signed.ok) return;
    expect(signed.value.operation).toMatchObject({ kind: 'person-request.complete', held: false });
    expect(signed.value.operation.referenceCode).toMatch(/\S{4,}/);
    expect(rig.queued).toContain(signed.value.operation.id);
    const settled = await rig.engine.outbox.whenSettled(signed.value.operation.id);
    expect(settled.view.state).toBe('done');
    expect(settled.view.ehealthId).toBe(created.value.requestId);

    // what was signed is eHealth's request with patient_signed true, and eHealth kept it
    const text = JSON.parse(rig.patient.signedTexts.at(-1)!) as Record<string, unknown>;
    expect(text).toMatchObject({ id: created.value.requestId, patient_signed: true, channel: 'PIS' });
    expect(text).not.toHaveProperty('inserted_at');
    const stored = await fetch(
      `${rig.sb.baseUrl}/sandbox/signed_content/person_requests/${created.value.requestId}`,
    );
    expect(stored.status).toBe(200);

    const after = await rig.person.data.view();
    expect(after.ok && after.value.person.email).toBe('new.address@example.com');
    expect(after.ok && after.value.person.phones).toContainEqual({
      type: 'LAND_LINE',
      number: '+380322123456',
    });
    expect(after.ok && after.value.person.last_name).toBe("Дем'яненко");
  });

  it('a second signature of the same request is refused: the request is gone once signed', async () => {
    const draft = await draftOf();
    const created = await rig.person.data.createRequest(draft);
    if (!created.ok) throw new Error(created.error.code);
    const first = await rig.person.data.signRequest(created.value.requestId);
    expect(first.ok).toBe(true);
    const again = await rig.person.data.signRequest(created.value.requestId);
    expect(again).toMatchObject({ ok: false, error: { code: 'FLOW_EXPIRED' } });
    if (first.ok) await rig.engine.outbox.whenSettled(first.value.operation.id);
  });

  it('the patient declines the printout: eHealth rejects the request', async () => {
    const draft = await draftOf();
    draft.birth_settlement = 'Стрий';
    const created = await rig.person.data.createRequest(draft);
    if (!created.ok) throw new Error(created.error.code);
    const cancelled = await rig.person.data.cancelRequest(created.value.requestId);
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const r = await rig.patient.pis().person.getPersonRequest(rig.patient.tokens()!, created.value.requestId);
    expect(r.ok && r.value.data.status).toBe('REJECTED');
    expect(await rig.person.data.signRequest(created.value.requestId)).toMatchObject({
      ok: false,
      error: { code: 'FLOW_EXPIRED' },
    });
  });

  it('a failed signature leaves nothing to send: the held completion ends expired', async () => {
    const draft = await draftOf();
    const created = await rig.person.data.createRequest(draft);
    if (!created.ok) throw new Error(created.error.code);
    rig.patient.failNextSignature = { ok: false, error: { code: 'SIGNER_FAILED', message: 'test' } };
    const signed = await rig.person.data.signRequest(created.value.requestId);
    expect(signed).toMatchObject({ ok: false, error: { code: 'SIGNER_FAILED' } });
    const ops = rig.engine.outbox.list({ limit: 5 }).filter((o) => o.flowId === created.value.requestId);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ state: 'expired', kind: 'person-request.complete' });
  });

  it('a change signed while eHealth is down is delivered when it is back', async () => {
    const draft = await draftOf();
    draft.email = 'offline.change@example.com';
    const created = await rig.person.data.createRequest(draft);
    if (!created.ok) throw new Error(created.error.code);
    rig.sb.faults.set({ outage: true });
    try {
      const signed = await rig.person.data.signRequest(created.value.requestId);
      expect(signed.ok).toBe(true);
      if (!signed.ok) return;
      // it may wait as long as eHealth keeps the request it completes (its term: a day), not 30 minutes
      const deadline = Date.parse(signed.value.operation.expiresAt ?? '');
      expect(deadline - Date.now()).toBeGreaterThan(23.5 * 3_600_000);
      expect(deadline - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
      // the outbox keeps trying; nothing is lost while the link is down
      await new Promise((r) => setTimeout(r, 300));
      expect(['captured', 'waiting-network', 'sending']).toContain(
        rig.engine.outbox.get(signed.value.operation.id)?.state,
      );
      rig.sb.faults.reset();
      rig.engine.monitor?.report('ok');
      rig.engine.worker?.wake();
      const settled = await rig.engine.outbox.whenSettled(signed.value.operation.id);
      expect(settled.view.state).toBe('done');
    } finally {
      rig.sb.faults.reset();
    }
    const after = await rig.person.data.view();
    expect(after.ok && after.value.person.email).toBe('offline.change@example.com');
  }, 90_000);
});

describe('the kiosk refuses what eHealth would refuse, at the same field', () => {
  const cases: [string, (p: PersonDraft) => void, string][] = [
    ['a Russian letter in the name', (p) => (p.first_name = 'Андрэй'), 'first_name'],
    ['Latin letters in the surname', (p) => (p.last_name = 'Demianenko'), 'last_name'],
    ['an unzr of another birth date', (p) => (p.unzr = `19700101-${p.unzr!.slice(9)}`), 'unzr'],
    ['an ID card without unzr', (p) => delete p.unzr, 'unzr'],
    ['an ID card number of 8 digits', (p) => (p.documents[0]!.number = '12345678'), 'documents.0.number'],
    [
      'an expired ID card',
      (p) => (p.documents[0]!.expiration_date = '2001-01-01'),
      'documents.0.expiration_date',
    ],
    [
      'a phone without +380',
      (p) => (p.phones = [{ type: 'MOBILE', number: '+3805012345' }]),
      'phones.0.number',
    ],
    ['two residence addresses', (p) => p.addresses.push({ ...p.addresses[0]! }), 'addresses'],
    ['no residence address', (p) => (p.addresses[0]!.type = 'REGISTRATION'), 'addresses'],
    ['a building like "корпус"', (p) => (p.addresses[0]!.building = 'корпус 2'), 'addresses.0.building'],
    ['an e-mail without a domain', (p) => (p.email = 'andrii@example'), 'email'],
    [
      'an emergency contact without a phone',
      (p) => (p.emergency_contact.phones = []),
      'emergency_contact.phones',
    ],
  ];

  it.each(cases)('%s', async (_name, change, path) => {
    if (!rig.patient.tokens()) await rig.patient.signIn('adult-no-declaration');
    const draft = await draftOf();
    change(draft);
    const local = await rig.person.data.createRequest(draft);
    expect(local.ok).toBe(false);
    if (local.ok) return;
    expect(local.error.code).toBe('VALIDATION');
    expect(local.error.details).toMatchObject({ source: 'kiosk' });
    expect(violationsOf(local.error).map((v) => v.path)).toContain(path);
    expect(await ehealthVerdict(draft)).toContain(path);
  });

  it('a valid change is accepted by both', async () => {
    const draft = await draftOf();
    expect(await ehealthVerdict(draft)).toEqual([]);
  });
});

describe('who may change data', () => {
  it('a view-only teen cannot start a change', async () => {
    await rig.patient.signIn('teen-15-no-capacity', 'view-only');
    const draft = await draftOf();
    expect(await rig.person.data.createRequest(draft)).toMatchObject({
      ok: false,
      error: { code: 'VIEW_ONLY' },
    });
  });

  it('and eHealth agrees: the same teen is refused there too (403)', async () => {
    await rig.patient.signIn('teen-15-no-capacity', 'full');
    const draft = await draftOf();
    expect(await rig.person.data.createRequest(draft)).toMatchObject({
      ok: false,
      error: { code: 'EHEALTH_FORBIDDEN' },
    });
  });

  it('a teen with legal capacity may change their data', async () => {
    await rig.patient.signIn('teen-16-capacity');
    const draft = await draftOf();
    draft.email = 'nazar@example.com';
    const created = await rig.person.data.createRequest(draft);
    expect(created.ok).toBe(true);
  });
});
