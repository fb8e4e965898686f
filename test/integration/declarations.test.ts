/**
 * Declarations against the sandbox: the current one and the history with names from the
 * directory, details with eHealth's printout, a new declaration end to end (eHealth's request →
 * the exact data signed → delivered once), eHealth's refusals (age, full doctor), termination,
 * and a teen who may only look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorCard } from '#shared/contract/doctors';
import { err } from '#shared/result';
import { NewDeclarationFlow } from '../../electron/core/declarations/new-declaration';
import { appliedUnder } from './outbox-helpers';
import { startCabinetRig, type CabinetRig } from './cabinet-rig';

let rig: CabinetRig;

/** The new-declaration flow of a kiosk whose directory knows no doctor: only eHealth's rules apply. */
const blindFlow = () =>
  new NewDeclarationFlow({
    patient: rig.patient,
    outbox: rig.engine.outbox,
    directory: { doctor: () => err('EHEALTH_NOT_FOUND', 'not in this directory') },
    declarations: rig.cabinet.declarations,
    receipts: rig.cabinet.receipts,
    session: rig.sessions,
  });

beforeAll(async () => {
  rig = await startCabinetRig();
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

const idempotencyKeyOf = (id: string) =>
  (
    rig.engine.outbox.store.db
      .prepare('SELECT idempotency_key FROM outbox_operations WHERE id = ?')
      .get(id) as { idempotency_key: string }
  ).idempotency_key;

function doctor(
  q: { speciality: DoctorCard['speciality']; age?: number; includeFull?: boolean },
  pick = (d: DoctorCard) => d.freePlaces === null || d.freePlaces > 0,
) {
  const found = rig.engine.directory.search({ ...q, pageSize: 100 });
  if (!found.ok) throw new Error(found.error.message);
  const d = found.value.items.find(pick);
  if (!d) throw new Error(`no ${q.speciality} found`);
  return d;
}

describe('declarations of a patient', () => {
  it('shows the current declaration with the doctor and clinic, and the history with the reason', async () => {
    await rig.patient.signIn('adult-with-declaration');
    const o = await rig.cabinet.declarations.overview();
    if (!o.ok) throw new Error(o.error.message);
    expect(o.value.canAct).toBe(true);
    expect(o.value.stale).toBe(false);
    const current = o.value.current;
    expect(current).toMatchObject({ status: 'active', reason: null });
    expect(current?.number).toMatch(/^\d{4}-[0-9AEHKMPTX]{4}-[0-9AEHKMPTX]{4}$/);
    expect(current?.doctor).toMatchObject({ speciality: 'FAMILY_DOCTOR' });
    expect(current?.doctor?.fullName.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(current?.clinic?.divisionName).toBeTruthy();
    expect(current?.clinic?.address).toBeTruthy();
    expect(o.value.history).toHaveLength(1);
    expect(o.value.history[0]).toMatchObject({
      status: 'terminated',
      reason: 'manual_person',
      reasonDescription: 'Переїзд до іншого міста',
      doctor: { speciality: 'THERAPIST' },
    });
  });

  it('shows the details with the printout eHealth keeps', async () => {
    const o = await rig.cabinet.declarations.overview();
    if (!o.ok || !o.value.current) throw new Error('no current declaration');
    const d = await rig.cabinet.declarations.details(o.value.current.id);
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.printoutHtml).toContain(o.value.current.number ?? 'no number');
    expect(d.value.signedAt).toBeTruthy();
    expect(d.value.doctor).toEqual(o.value.current.doctor);
  });

  it('a declaration of another person is refused', async () => {
    const theirs = await rig.cabinet.declarations.overview();
    if (!theirs.ok || !theirs.value.current) throw new Error('no current declaration');
    await rig.patient.signIn('adult-no-declaration');
    const d = await rig.cabinet.declarations.details(theirs.value.current.id);
    expect(d).toMatchObject({ ok: false, error: { code: 'EHEALTH_FORBIDDEN' } });
    const t = await rig.cabinet.declarations.terminate(theirs.value.current.id);
    expect(t).toMatchObject({ ok: false, error: { code: 'EHEALTH_FORBIDDEN' } });
  });
});

describe('a new declaration', () => {
  it('eHealth creates the request, the patient signs its exact data, it is delivered once', async () => {
    const ctx = await rig.patient.signIn('adult-no-declaration');
    const chosen = doctor({ speciality: 'FAMILY_DOCTOR', age: ctx.ageYears });
    const draft = await rig.cabinet.newDeclaration.start(chosen.employeeId, chosen.divisionId);
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.replaces).toBeNull();
    expect(draft.value.doctor).toMatchObject({ employeeId: chosen.employeeId, fullName: chosen.fullName });
    expect(draft.value.clinic.divisionId).toBe(chosen.divisionId);
    expect(draft.value.printoutHtml).toContain(draft.value.declarationNumber ?? 'no number');

    // what is signed is eHealth's data_to_be_signed, untouched but for patient_signed
    const request = await rig.patient
      .pis()
      .declarationRequests.list(rig.patient.tokens()!, { status: 'NEW' });
    if (!request.ok || !request.value.data[0]) throw new Error('no request');
    const details = await rig.patient
      .pis()
      .declarationRequests.get(rig.patient.tokens()!, request.value.data[0].id);
    if (!details.ok) throw new Error(details.error.message);

    const signed = await rig.cabinet.newDeclaration.confirm(draft.value.flowId);
    if (!signed.ok) throw new Error(`${signed.error.code}: ${signed.error.message}`);
    expect(signed.value).toMatchObject({ state: 'done', declarationNumber: draft.value.declarationNumber });
    // the signed act's deadline was eHealth's (the request's term: a day), not the draft's 30 minutes
    const deadline = Date.parse(rig.engine.outbox.get(signed.value.operationId)?.expiresAt ?? '');
    expect(deadline - Date.now()).toBeGreaterThan(23.5 * 3_600_000);
    const text = rig.patient.signedTexts.at(-1) ?? '';
    const dtbs = details.value.data.data_to_be_signed as { person: Record<string, unknown> };
    expect(JSON.parse(text)).toEqual({ ...dtbs, person: { ...dtbs.person, patient_signed: true } });
    expect(await appliedUnder(rig.sb, idempotencyKeyOf(signed.value.operationId))).toMatchObject({
      applied: 1,
    });

    const o = await rig.cabinet.declarations.overview();
    if (!o.ok) throw new Error(o.error.message);
    expect(o.value.current).toMatchObject({
      id: signed.value.declarationId,
      number: draft.value.declarationNumber,
      status: 'active',
      doctor: { employeeId: chosen.employeeId },
    });
    // a confirmed flow cannot be confirmed twice
    expect(await rig.cabinet.newDeclaration.confirm(draft.value.flowId)).toMatchObject({
      ok: false,
      error: { code: 'FLOW_EXPIRED' },
    });
  }, 120_000);

  it('warns that the current declaration ends, and the old one is terminated on signing', async () => {
    await rig.patient.signIn('adult-no-declaration');
    const before = await rig.cabinet.declarations.overview();
    if (!before.ok || !before.value.current) throw new Error('no current declaration');
    const chosen = doctor({ speciality: 'THERAPIST', age: 29 });
    const draft = await rig.cabinet.newDeclaration.start(chosen.employeeId, chosen.divisionId);
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.replaces?.id).toBe(before.value.current.id);
    const signed = await rig.cabinet.newDeclaration.confirm(draft.value.flowId);
    expect(signed).toMatchObject({ ok: true, value: { state: 'done' } });
    const after = await rig.cabinet.declarations.overview();
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.current?.doctor?.employeeId).toBe(chosen.employeeId);
    expect(after.value.history.map((h) => [h.id, h.status])).toContainEqual([
      before.value.current.id,
      'terminated',
    ]);
  }, 120_000);

  it('does not offer an age-inappropriate speciality; eHealth refuses it too', async () => {
    const ctx = await rig.patient.signIn('adult-no-declaration');
    const pediatrician = doctor({ speciality: 'PEDIATRICIAN' });
    expect(rig.engine.directory.search({ speciality: 'PEDIATRICIAN', age: ctx.ageYears })).toMatchObject({
      ok: true,
      value: { total: 0 },
    });
    expect(rig.cabinet.declarations.searchContext().specialities).toEqual(['FAMILY_DOCTOR', 'THERAPIST']);
    const refused = await rig.cabinet.newDeclaration.start(pediatrician.employeeId, pediatrician.divisionId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SPECIALITY_NOT_FOR_AGE' } });
    // a kiosk whose directory does not know the doctor asks eHealth, which refuses the same way
    const answered = await blindFlow().start(pediatrician.employeeId, pediatrician.divisionId);
    expect(answered).toMatchObject({ ok: false, error: { code: 'SPECIALITY_NOT_FOR_AGE' } });
  });

  it('a doctor with no free places is refused before anything is sent', async () => {
    await rig.patient.signIn('adult-no-declaration');
    const full = doctor({ speciality: 'FAMILY_DOCTOR', includeFull: true }, (d) => d.freePlaces === 0);
    const before = rig.engine.outbox.list({ limit: 200 }).length;
    const refused = await rig.cabinet.newDeclaration.start(full.employeeId, full.divisionId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'DOCTOR_FULL' } });
    expect(rig.engine.outbox.list({ limit: 200 }).length).toBe(before);
    const answered = await blindFlow().start(full.employeeId, full.divisionId);
    expect(answered).toMatchObject({ ok: false, error: { code: 'DOCTOR_FULL' } });
  });

  it('cancelling withdraws the request at eHealth and nothing is signed', async () => {
    await rig.patient.signIn('adult-with-declaration');
    await rig.cabinet.declarations.overview();
    const currentDoctor = rig.cabinet.declarations.searchContext().currentEmployeeId;
    expect(currentDoctor).toBeTruthy();
    const chosen = doctor(
      { speciality: 'FAMILY_DOCTOR', age: 42 },
      (d) => (d.freePlaces ?? 1) > 0 && d.employeeId !== currentDoctor,
    );
    const signedBefore = rig.patient.signedTexts.length;
    const draft = await rig.cabinet.newDeclaration.start(chosen.employeeId, chosen.divisionId);
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.replaces?.status).toBe('active');
    expect(await rig.cabinet.newDeclaration.cancel(draft.value.flowId)).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    await expect
      .poll(
        async () => {
          const list = await rig.patient.pis().declarationRequests.list(rig.patient.tokens()!, {});
          return list.ok
            ? list.value.data.find((r) => r.declaration_number === draft.value.declarationNumber)?.status
            : null;
        },
        { timeout: 20_000 },
      )
      .toBe('rejected');
    expect(rig.patient.signedTexts.length).toBe(signedBefore);
    expect(await rig.cabinet.newDeclaration.confirm(draft.value.flowId)).toMatchObject({
      ok: false,
      error: { code: 'FLOW_EXPIRED' },
    });
  }, 60_000);

  it('an unconfirmed request is dropped when the session ends', async () => {
    await rig.patient.signIn('adult-with-declaration');
    const chosen = doctor({ speciality: 'FAMILY_DOCTOR', age: 42 });
    const draft = await rig.cabinet.newDeclaration.start(chosen.employeeId, chosen.divisionId);
    if (!draft.ok) throw new Error(draft.error.message);
    const held = rig.engine.outbox.list({ limit: 5 }).find((v) => v.flowId === draft.value.flowId && v.held);
    expect(held?.state).toBe('captured');
    await rig.sessions.end('finish');
    expect(rig.engine.outbox.get(held!.id)).toMatchObject({ state: 'expired' });
  }, 60_000);
});

describe('terminating a declaration', () => {
  it('ends the active declaration through the outbox; a second time is refused', async () => {
    await rig.patient.signIn('adult-with-declaration');
    const o = await rig.cabinet.declarations.overview();
    if (!o.ok || !o.value.current) throw new Error('no current declaration');
    const id = o.value.current.id;
    const done = await rig.cabinet.declarations.terminate(id, 'Переїзд');
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.state).toBe('done');
    expect(done.value.referenceCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await appliedUnder(rig.sb, idempotencyKeyOf(done.value.operationId))).toMatchObject({
      applied: 1,
    });
    const after = await rig.cabinet.declarations.overview();
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.current).toBeNull();
    expect(after.value.history.find((h) => h.id === id)).toMatchObject({
      status: 'terminated',
      reason: 'manual_person',
      reasonDescription: 'Переїзд',
    });
    // the same action again answers with the first outcome, not a second operation
    expect(await rig.cabinet.declarations.terminate(id)).toMatchObject({
      ok: true,
      value: { operationId: done.value.operationId },
    });
  }, 60_000);

  it('a terminated declaration cannot be terminated in a new session', async () => {
    await rig.patient.signIn('adult-with-declaration');
    const o = await rig.cabinet.declarations.overview();
    if (!o.ok) throw new Error(o.error.message);
    const old = o.value.history[0];
    expect(await rig.cabinet.declarations.terminate(old!.id)).toMatchObject({
      ok: false,
      error: { code: 'DECLARATION_NOT_ACTIVE' },
    });
  });

  it('is queued while eHealth is unreachable and delivered exactly once when it returns', async () => {
    await rig.patient.signIn('adult-no-declaration');
    const o = await rig.cabinet.declarations.overview();
    if (!o.ok || !o.value.current) throw new Error('no current declaration');
    rig.sb.faults.set({ outage: true });
    try {
      const queued = await rig.cabinet.declarations.terminate(o.value.current.id);
      if (!queued.ok) throw new Error(queued.error.message);
      expect(queued.value.state).toBe('queued');
      const stale = await rig.cabinet.declarations.overview();
      expect(stale).toMatchObject({ ok: true, value: { stale: true } });
      expect(stale.ok && stale.value.current?.pendingTermination?.referenceCode).toBe(
        queued.value.referenceCode,
      );
      await rig.sessions.end('finish');
      rig.sb.faults.reset();
      const settled = await rig.engine.outbox.whenSettled(queued.value.operationId);
      expect(settled.view.state).toBe('done');
      expect(await appliedUnder(rig.sb, idempotencyKeyOf(queued.value.operationId))).toMatchObject({
        applied: 1,
      });
    } finally {
      rig.sb.faults.reset();
    }
  }, 90_000);
});

describe('a teen without confirmed legal capacity', () => {
  it('sees the declarations but may not act', async () => {
    await rig.patient.signIn('teen-15-no-capacity', 'view-only');
    const o = await rig.cabinet.declarations.overview();
    expect(o).toMatchObject({ ok: true, value: { canAct: false } });
    const ctx = rig.cabinet.declarations.searchContext();
    expect(ctx).toMatchObject({
      signedIn: true,
      canDeclare: false,
      specialities: ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    });
    const chosen = doctor({ speciality: 'PEDIATRICIAN', age: 15 });
    expect(await rig.cabinet.newDeclaration.start(chosen.employeeId, chosen.divisionId)).toMatchObject({
      ok: false,
      error: { code: 'VIEW_ONLY' },
    });
  });

  it('nobody signed in: the search offers every speciality and choosing prints a note', async () => {
    await rig.sessions.end('finish');
    expect(rig.cabinet.declarations.searchContext()).toMatchObject({
      signedIn: false,
      ageYears: null,
      canDeclare: false,
      specialities: ['FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN'],
    });
    expect(await rig.cabinet.declarations.overview()).toMatchObject({
      ok: false,
      error: { code: 'NO_SESSION' },
    });
  });
});
