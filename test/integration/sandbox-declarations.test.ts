import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import {
  call,
  directoryOf,
  findEmployee,
  signAs,
  signIn,
  type DirectoryView,
  type Session,
  TEST_KEYS_DIR,
} from './sandbox-helpers';

let sb: SandboxHandle;
let dir: DirectoryView;
let offsetMs = 0;
const base = Date.parse('2026-04-20T08:30:00.000Z');
const sessions = new Map<string, Session>();

beforeAll(async () => {
  sb = await startSandbox({
    keysCacheDir: TEST_KEYS_DIR,
    seed: 'small',
    now: () => new Date(base + offsetMs),
  });
  dir = await directoryOf(sb);
});
afterAll(async () => {
  await sb?.close();
});

/** A fresh session (tokens last 15 minutes; tests move the clock). */
async function as(personaId: string): Promise<string> {
  const s = await signIn(sb, personaId);
  sessions.set(personaId, s);
  return s.access;
}

const create = (token: string, doctor: { employeeId: string; divisionId: string }) =>
  call(sb, 'POST', '/api/pis/declaration_requests', {
    token,
    body: { employee_id: doctor.employeeId, division_id: doctor.divisionId },
  });

/** What the patient signs: `data_to_be_signed` with `person.patient_signed: true`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
const toSign = (dtbs: any) => ({ ...dtbs, person: { ...dtbs.person, patient_signed: true } });

describe('declaration request → sign → declaration', () => {
  it('creates a request, signs it, creates the declaration and terminates the previous one', async () => {
    const token = await as('adult-with-declaration');
    const before = await call(sb, 'GET', '/api/pis/declarations?status=active', { token });
    expect(before.body.data).toHaveLength(1);
    const previousId = before.body.data[0].id as string;

    const doctor = findEmployee(dir, { speciality: 'FAMILY_DOCTOR' });
    const created = await create(token, doctor);
    expect(created.status).toBe(201);
    const d = created.body.data;
    expect(d).toMatchObject({
      status: 'NEW',
      channel: 'PIS',
      scope: 'family doctor',
      employee: { id: doctor.employeeId, speciality: 'FAMILY_DOCTOR' },
      division: { id: doctor.divisionId },
    });
    expect(d.data_to_be_signed).toMatchObject({
      id: d.id,
      status: 'NEW',
      declaration_id: d.declaration_id,
      channel: 'PIS',
      person: { patient_signed: false },
    });
    expect(d.content).toContain('Декларація');
    expect(d.start_date).toBe('2026-04-20');

    const details = await call(sb, 'GET', `/api/pis/declaration_requests/${d.id}`, { token });
    expect(details.status).toBe(200);
    expect(details.body.data).toMatchObject({
      id: d.id,
      status: 'NEW',
      employee_id: doctor.employeeId,
      data_to_be_signed: d.data_to_be_signed,
    });
    expect(details.body.urgent).toEqual({ authentication_method_current: { type: 'NA' } });

    const signed = await signAs(sb, 'adult-with-declaration', toSign(d.data_to_be_signed));
    const r = await call(sb, 'PATCH', `/api/pis/declaration_requests/${d.id}/actions/sign`, {
      token,
      body: { signed_content: signed, signed_content_encoding: 'base64' },
    });
    expect(r.status).toBe(201);
    expect(r.body.data.status).toBe('SIGNED');

    const active = await call(sb, 'GET', '/api/pis/declarations?status=active', { token });
    expect(active.body.data.map((x: { id: string }) => x.id)).toEqual([d.declaration_id]);
    const previous = await call(sb, 'GET', `/api/pis/declarations/${previousId}`, { token });
    expect(previous.body.data).toMatchObject({ status: 'terminated' });
    // ended when the new one was signed (the day it starts), with no reason or description of its own
    expect(String(previous.body.data.updated_at).slice(0, 10)).toBe(d.start_date);
    expect(previous.body.data.reason).toBeUndefined();
    expect(previous.body.data.reason_description).toBeUndefined();
    const declaration = await call(sb, 'GET', `/api/pis/declarations/${d.declaration_id}`, { token });
    expect(declaration.body.data).toMatchObject({
      status: 'active',
      declaration_number: d.declaration_number,
      declaration_request_id: d.id,
      scope: 'family_doctor',
      employee: { id: doctor.employeeId },
    });
    expect(declaration.body.urgent.links[0].type).toBe('SIGNED_CONTENT');

    const again = await call(sb, 'PATCH', `/api/pis/declaration_requests/${d.id}/actions/sign`, {
      token,
      body: { signed_content: signed, signed_content_encoding: 'base64' },
    });
    expect(again.status).toBe(409);
  });

  it('refuses signed content that differs from data_to_be_signed, another signer and a broken signature', async () => {
    const token = await as('adult-no-declaration');
    const d = (await create(token, findEmployee(dir, { speciality: 'THERAPIST' }))).body.data;
    const path = `/api/pis/declaration_requests/${d.id}/actions/sign`;
    const unsignedFlag = await signAs(sb, 'adult-no-declaration', d.data_to_be_signed);
    const r1 = await call(sb, 'PATCH', path, {
      token,
      body: { signed_content: unsignedFlag, signed_content_encoding: 'base64' },
    });
    expect(r1.status).toBe(422);
    expect(r1.body.error.message).toBe('Signed content does not match the previously created content');
    const tampered = await signAs(sb, 'adult-no-declaration', {
      ...toSign(d.data_to_be_signed),
      end_date: '2099-01-01',
    });
    expect(
      (
        await call(sb, 'PATCH', path, {
          token,
          body: { signed_content: tampered, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(422);
    const someoneElse = await signAs(sb, 'adult-with-apps', toSign(d.data_to_be_signed));
    const r2 = await call(sb, 'PATCH', path, {
      token,
      body: { signed_content: someoneElse, signed_content_encoding: 'base64' },
    });
    expect(r2.status).toBe(422);
    expect(r2.body.error.message).toBe('Does not match the signer drfo');
    const garbage = Buffer.from('not a CMS envelope').toString('base64');
    expect(
      (
        await call(sb, 'PATCH', path, {
          token,
          body: { signed_content: garbage, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(400);
    expect((await call(sb, 'PATCH', path, { token, body: { signed_content: 'a' } })).status).toBe(422);
    const status = await call(sb, 'GET', `/api/pis/declaration_requests/${d.id}`, { token });
    expect(status.body.data.status).toBe('NEW');
  });
});

describe('declaration request eligibility', () => {
  it('refuses unknown, dismissed and non-doctor employees and unsuitable divisions (422)', async () => {
    const token = await as('adult-no-declaration');
    const ok = findEmployee(dir, { speciality: 'FAMILY_DOCTOR' });
    const cases: [string, { employeeId: string; divisionId: string }, string, string][] = [
      [
        'unknown employee',
        { ...ok, employeeId: '11111111-1111-4111-8111-111111111111' },
        '$.employee_id',
        'Employee not found',
      ],
      [
        'dismissed doctor',
        findEmployee(dir, { employeeStatus: 'DISMISSED' }),
        '$.employee_id',
        'Invalid employee status',
      ],
      [
        'owner, not a doctor',
        findEmployee(dir, { employeeType: 'OWNER' }),
        '$.employee_id',
        'Employee must be a DOCTOR',
      ],
      [
        'unknown division',
        { ...ok, divisionId: '22222222-2222-4222-8222-222222222222' },
        '$.division_id',
        'Division not found',
      ],
    ];
    const otherLeDivision = [...dir.divisions.values()].find(
      (v) => v.legal_entity_id !== ok.legalEntityId && v.status === 'ACTIVE',
    );
    cases.push([
      'division of another provider',
      { ...ok, divisionId: otherLeDivision.id },
      '$.employee_id',
      'Employee does not belong to legal entity.',
    ]);
    const inactive = [...dir.divisions.values()].find((v) => v.status === 'INACTIVE');
    if (inactive) {
      const colleague = dir.employees.find(
        (e) => e.legal_entity_id === inactive.legal_entity_id && e.employee_type === 'DOCTOR',
      );
      if (colleague)
        cases.push([
          'inactive division',
          { employeeId: colleague.id, divisionId: inactive.id },
          '$.division_id',
          'Division is not active',
        ]);
    }
    for (const [what, doctor, entry, message] of cases) {
      const r = await create(token, doctor);
      expect(r.status, what).toBe(422);
      expect(r.body.error.type, what).toBe('validation_failed');
      expect(r.body.error.invalid[0], what).toMatchObject({ entry, rules: [{ description: message }] });
    }
    const malformed = await call(sb, 'POST', '/api/pis/declaration_requests', {
      token,
      body: { employee_id: 'x' },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.invalid.map((i: { entry: string }) => i.entry).sort()).toEqual([
      '$.division_id',
      '$.employee_id',
    ]);
  });

  it('refuses providers that are not active or not primary care (409)', async () => {
    const token = await as('adult-no-declaration');
    for (const status of ['SUSPENDED', 'CLOSED']) {
      const r = await create(
        token,
        findEmployee(dir, {
          legalEntityStatus: status,
          legalEntityType: ['PRIMARY_CARE', 'MSP', 'OUTPATIENT'],
        }),
      );
      expect(r.status, status).toBe(409);
      expect(r.body.error).toMatchObject({ type: 'request_conflict', message: 'Legal entity is not active' });
    }
    const r = await create(token, findEmployee(dir, { legalEntityType: 'OUTPATIENT' }));
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe('Invalid legal entity type');
  });

  it('matches the speciality to the age: no therapist under 18, no pediatrician for adults', async () => {
    const teen = await as('teen-16-capacity');
    const therapist = await create(teen, findEmployee(dir, { speciality: 'THERAPIST' }));
    expect(therapist.status).toBe(422);
    expect(therapist.body.error.invalid[0]).toMatchObject({
      entry: '$.data',
      rules: [{ rule: 'invalid_age' }],
    });
    const pediatrician = await create(teen, findEmployee(dir, { speciality: 'PEDIATRICIAN' }));
    expect(pediatrician.status).toBe(201);
    // a pediatrician's declaration with a child ends after the term or the day before the 18th birthday
    const person = (await call(sb, 'GET', '/api/pis/person', { token: teen })).body.data;
    const eighteen = new Date(`${person.birth_date}T00:00:00Z`);
    eighteen.setUTCFullYear(eighteen.getUTCFullYear() + 18);
    eighteen.setUTCDate(eighteen.getUTCDate() - 1);
    const term = new Date(Date.parse(`${pediatrician.body.data.start_date}T00:00:00Z`) + 365 * 86_400_000);
    expect(pediatrician.body.data.end_date).toBe(
      new Date(Math.min(eighteen.getTime(), term.getTime())).toISOString().slice(0, 10),
    );
    expect((await create(teen, findEmployee(dir, { speciality: 'FAMILY_DOCTOR' }))).status).toBe(201);
    const adult = await as('adult-with-apps');
    expect(
      (await create(adult, findEmployee(dir, { speciality: 'PEDIATRICIAN' }))).body.error.invalid[0].rules[0]
        .rule,
    ).toBe('invalid_age');
    const young = await as('teen-15-no-capacity');
    expect((await create(young, findEmployee(dir, { speciality: 'PEDIATRICIAN' }))).status).toBe(403);
  });

  it("refuses a doctor whose list is full (422 with the doctor's count)", async () => {
    const token = await as('adult-with-apps');
    const full = findEmployee(dir, { speciality: 'FAMILY_DOCTOR', full: true });
    const r = await create(token, full);
    expect(r.status).toBe(422);
    const limit = dir.limits.get(full.partyId);
    expect(r.body.error.message).toBe(
      `This doctor has ${limit?.declarations_count} declarations and could not sign more`,
    );
  });

  it('cancels the earlier unfinished request to the same doctor', async () => {
    const token = await as('adult-with-apps');
    const doctor = findEmployee(dir, { speciality: 'THERAPIST' });
    const first = (await create(token, doctor)).body.data;
    const second = (await create(token, doctor)).body.data;
    expect(
      (await call(sb, 'GET', `/api/pis/declaration_requests/${first.id}`, { token })).body.data.status,
    ).toBe('CANCELLED');
    expect(
      (await call(sb, 'GET', `/api/pis/declaration_requests/${second.id}`, { token })).body.data.status,
    ).toBe('NEW');
    const list = await call(sb, 'GET', '/api/pis/declaration_requests?status=cancelled', { token });
    expect(list.body.data.map((x: { id: string; status: string }) => [x.id, x.status])).toContainEqual([
      first.id,
      'cancelled',
    ]);
    const signed = await signAs(sb, 'adult-with-apps', toSign(first.data_to_be_signed));
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/declaration_requests/${first.id}/actions/sign`, {
          token,
          body: { signed_content: signed, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(409);
  });

  it('rejects a request once', async () => {
    const token = await as('adult-with-apps');
    const d = (await create(token, findEmployee(dir, { speciality: 'FAMILY_DOCTOR' }))).body.data;
    const r = await call(sb, 'PATCH', `/api/pis/declaration_requests/${d.id}/actions/reject`, { token });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ id: d.id, status: 'REJECTED' });
    expect(
      (await call(sb, 'PATCH', `/api/pis/declaration_requests/${d.id}/actions/reject`, { token })).status,
    ).toBe(409);
  });
});

describe('declaration requests and declarations belong to their patient', () => {
  it('never shows or changes another patient’s requests and declarations (403)', async () => {
    const a = await as('adult-with-declaration');
    const mine = (await call(sb, 'GET', '/api/pis/declarations', { token: a })).body.data[0];
    const request = (await create(a, findEmployee(dir, { speciality: 'THERAPIST' }))).body.data;
    const b = await as('adult-with-apps');
    expect((await call(sb, 'GET', `/api/pis/declarations/${mine.id}`, { token: b })).status).toBe(403);
    expect(
      (await call(sb, 'PATCH', `/api/pis/declarations/${mine.id}/actions/terminate`, { token: b, body: {} }))
        .status,
    ).toBe(403);
    expect((await call(sb, 'GET', `/api/pis/declaration_requests/${request.id}`, { token: b })).status).toBe(
      403,
    );
    expect(
      (await call(sb, 'PATCH', `/api/pis/declaration_requests/${request.id}/actions/reject`, { token: b }))
        .status,
    ).toBe(403);
    const signedByB = await signAs(sb, 'adult-with-apps', toSign(request.data_to_be_signed));
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/declaration_requests/${request.id}/actions/sign`, {
          token: b,
          body: { signed_content: signedByB, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(403);
    const listB = await call(sb, 'GET', '/api/pis/declaration_requests', { token: b });
    expect(listB.body.data.map((x: { id: string }) => x.id)).not.toContain(request.id);
    expect(
      (await call(sb, 'GET', '/api/pis/declarations/33333333-3333-4333-8333-333333333333', { token: b }))
        .status,
    ).toBe(404);
    expect((await call(sb, 'GET', '/api/pis/declarations/not-a-uuid', { token: b })).status).toBe(404);
  });
});

describe('declarations', () => {
  it('lists with filters and paging and checks the query', async () => {
    const token = await as('adult-with-declaration');
    const all = await call(sb, 'GET', '/api/pis/declarations?page=1&page_size=1', { token });
    expect(all.status).toBe(200);
    expect(all.body.meta.type).toBe('list');
    expect(all.body.data).toHaveLength(1);
    expect(all.body.paging).toMatchObject({ page_number: 1, page_size: 1 });
    expect(all.body.paging.total_entries).toBeGreaterThanOrEqual(2);
    expect(all.body.paging.total_pages).toBe(all.body.paging.total_entries);
    const terminated = await call(sb, 'GET', '/api/pis/declarations?status=terminated', { token });
    expect(terminated.body.data.every((x: { status: string }) => x.status === 'terminated')).toBe(true);
    const since = await call(sb, 'GET', '/api/pis/declarations?start_date_from=2026-04-01', { token });
    expect(since.body.data.every((x: { start_date: string }) => x.start_date >= '2026-04-01')).toBe(true);
    const tooBig = await call(sb, 'GET', '/api/pis/declarations?page_size=301', { token });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.error.invalid[0]).toMatchObject({ entry_type: 'query_param', entry: '$.page_size' });
    expect(
      (await call(sb, 'GET', '/api/pis/declarations?start_date_from=20-01-2026', { token })).status,
    ).toBe(422);
    expect((await call(sb, 'GET', '/api/pis/declarations?status=unknown', { token })).status).toBe(422);
  });

  it('terminates an active declaration once', async () => {
    const token = await as('child-13');
    const childActive = (await call(sb, 'GET', '/api/pis/declarations?status=active', { token })).body.data;
    expect(childActive).toHaveLength(1);
    const adult = await as('adult-with-declaration');
    const active = (await call(sb, 'GET', '/api/pis/declarations?status=active', { token: adult })).body
      .data[0];
    const r = await call(sb, 'PATCH', `/api/pis/declarations/${active.id}/actions/terminate`, {
      token: adult,
      body: { reason_description: 'Змінила місце проживання' },
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      id: active.id,
      status: 'terminated',
      reason: 'manual_person',
      reason_description: 'Змінила місце проживання',
      scope: 'family_doctor',
    });
    expect(r.body.data.person.tax_id).toBe(sb.personas.find((p) => p.id === 'adult-with-declaration')?.taxId);
    expect(r.body.data.employee).toMatchObject({ id: active.employee.id, employee_type: 'DOCTOR' });
    expect(r.body.data.legal_entity.license).toMatchObject({ type: 'MSP' });
    const again = await call(sb, 'PATCH', `/api/pis/declarations/${active.id}/actions/terminate`, {
      token: adult,
      body: {},
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Declaration is not active');
  });
});

describe('expiry', () => {
  it('expires unsigned requests after the term and clears their personal data', async () => {
    const token = await as('adult-no-declaration');
    const d = (await create(token, findEmployee(dir, { speciality: 'FAMILY_DOCTOR' }))).body.data;
    const signed = await signAs(sb, 'adult-no-declaration', toSign(d.data_to_be_signed));
    offsetMs += 25 * 3600_000;
    const fresh = await as('adult-no-declaration');
    const details = await call(sb, 'GET', `/api/pis/declaration_requests/${d.id}`, { token: fresh });
    expect(details.body.data.status).toBe('EXPIRED');
    expect(details.body.data.data_to_be_signed).toBeUndefined();
    const listed = (
      await call(sb, 'GET', '/api/pis/declaration_requests?status=EXPIRED', { token: fresh })
    ).body.data.find((x: { id: string }) => x.id === d.id);
    expect(listed.status).toBe('expired');
    expect(listed.person).toBeUndefined();
    const r = await call(sb, 'PATCH', `/api/pis/declaration_requests/${d.id}/actions/sign`, {
      token: fresh,
      body: { signed_content: signed, signed_content_encoding: 'base64' },
    });
    expect(r.status).toBe(409);
  });

  it('closes declarations past their end date', async () => {
    const token = await as('teen-16-capacity');
    const d = (await create(token, findEmployee(dir, { speciality: 'FAMILY_DOCTOR' }))).body.data;
    const signed = await signAs(sb, 'teen-16-capacity', toSign(d.data_to_be_signed));
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/declaration_requests/${d.id}/actions/sign`, {
          token,
          body: { signed_content: signed, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(201);
    offsetMs += 366 * 86_400_000;
    const later = await as('teen-16-capacity');
    const declaration = await call(sb, 'GET', `/api/pis/declarations/${d.declaration_id}`, { token: later });
    expect(declaration.body.data.status).toBe('closed');
  });
});
