/**
 * What a patient does once signed in, one function per intent, as the renderer's screens call main:
 * change their personal data (the form, eHealth's printout, the signature), add a phone with the
 * SMS code, choose a doctor and sign a declaration, end a declaration, take an e-cabinet's access
 * away, print the receipt. Each act the patient is given a receipt for goes into the record.
 */
import { MINUTE, type Intent } from './plan';
import type { Visit } from './patient';

/** The personal-data form (typed and thought over), eHealth's printout, the signature. */
async function personChange(v: Visit): Promise<void> {
  const view = await v.call('personGet', {});
  if (!view.ok) return v.failed('personGet', view.error);
  if (view.value.access !== 'full') return;
  // the form: the patient types and thinks; the address lookups answer as they type
  const regions = await v.call('personAddressRegions', {});
  const region: string | undefined = regions.ok ? regions.value.regions[0]?.name : undefined;
  let left = v.plan.formMs;
  const words = ['Ки', 'Льві', 'Стр', 'Бро', 'Ірп'];
  while (left > 0) {
    const step = Math.min(left, v.d.rng.int(40, 80) * 1000);
    await v.pause(step);
    left -= step;
    if (region) {
      const r = await v.call('personAddressSettlements', { region, query: v.d.rng.pick(words) });
      if (!r.ok) v.failed('personAddressSettlements', r.error);
    }
  }
  const draft = structuredClone(view.value.person) as Record<string, unknown>;
  const email = v.d.pii.newEmail();
  draft.email = email;
  let created = await v.call('personRequestCreate', { person: draft, consent: true });
  if (!created.ok && created.error.code !== 'VALIDATION') {
    v.failed('personRequestCreate', created.error);
    // the patient tries once more a minute later
    await v.pause(MINUTE);
    created = await v.call('personRequestCreate', { person: draft, consent: true });
  }
  if (!created.ok) return v.failed('personRequestCreate', created.error);
  v.beforeSign();
  await v.readBeforeSigning();
  const signed = await v.call('personRequestSign', { requestId: created.value.requestId });
  v.afterSign();
  if (!signed.ok) return v.failed('personRequestSign', signed.error);
  const op = signed.value.operation as { id: string; referenceCode: string; state: string };
  v.act(op.id, op.referenceCode, 'person-request.complete', op.state);
  await v.follow(op.id);
}

/** A phone for SMS sign-in: eHealth texts a code (read from the sandbox's SMS inbox), the patient types it. */
async function phone(v: Visit): Promise<void> {
  const phone = v.d.pii.newPhone();
  const started = await v.call('personPhoneStart', { phone, alias: 'Мій' });
  if (!started.ok) return v.failed('personPhoneStart', started.error);
  await v.pause(v.d.rng.int(30, 90) * 1000);
  let codes = await v.d.smsCodes(phone);
  let confirmed = await v.call('personPhoneConfirm', {
    requestId: started.value.requestId,
    code: codes[0] ?? '0000',
  });
  if (!confirmed.ok && confirmed.error.code === 'SMS_CODE_EXPIRED') {
    const again = await v.call('personPhoneResend', { requestId: started.value.requestId });
    if (!again.ok) return v.failed('personPhoneResend', again.error);
    codes = await v.d.smsCodes(phone);
    confirmed = await v.call('personPhoneConfirm', {
      requestId: started.value.requestId,
      code: codes[0] ?? '0000',
    });
  }
  if (!confirmed.ok) return v.failed('personPhoneConfirm', confirmed.error);
  v.d.rec.count('phone.added');
}

/** A doctor from the search, eHealth's declaration request read and signed. */
async function declare(v: Visit): Promise<void> {
  const ctx = await v.call('doctorSearchContext', {});
  if (!ctx.ok) return v.failed('doctorSearchContext', ctx.error);
  if (!ctx.value.canDeclare || ctx.value.specialities.length === 0) return;
  const speciality = v.d.rng.pick(ctx.value.specialities as string[]);
  const found = await v.call('doctorsSearch', {
    speciality,
    ...(ctx.value.ageYears === null ? {} : { age: ctx.value.ageYears }),
    page: v.d.rng.int(1, 3),
    pageSize: 20,
  });
  if (!found.ok) return v.failed('doctorsSearch', found.error);
  const doctors = (
    found.value.items as { employeeId: string; divisionId: string; freePlaces: number | null }[]
  ).filter(
    (d) => (d.freePlaces === null || d.freePlaces > 0) && d.employeeId !== ctx.value.currentEmployeeId,
  );
  if (doctors.length === 0) return;
  const doctor = v.d.rng.pick(doctors);
  await v.pause(v.plan.browseMs);
  const card = await v.call('doctorsGet', { employeeId: doctor.employeeId });
  if (!card.ok) v.failed('doctorsGet', card.error);
  const draft = await v.call('declarationRequestStart', {
    employeeId: doctor.employeeId,
    divisionId: doctor.divisionId,
  });
  if (!draft.ok) return v.failed('declarationRequestStart', draft.error);
  v.beforeSign();
  await v.readBeforeSigning();
  const signed = await v.call('declarationRequestConfirm', { flowId: draft.value.flowId });
  v.afterSign();
  if (!signed.ok) return v.failed('declarationRequestConfirm', signed.error);
  v.act(signed.value.operationId, signed.value.referenceCode, 'declaration-request.sign', signed.value.state);
  await v.follow(signed.value.operationId);
}

/** The current declaration ended (queued through the outbox). */
async function terminate(v: Visit): Promise<void> {
  const ov = await v.call('declarationsOverview', {});
  if (!ov.ok) return v.failed('declarationsOverview', ov.error);
  const current = ov.value.current as { id: string; pendingTermination: unknown } | null;
  if (!current || current.pendingTermination) return;
  await v.pause(v.plan.readMs);
  const r = await v.call('declarationsTerminate', {
    id: current.id,
    reasonDescription: 'Зміна місця проживання',
  });
  if (!r.ok) return v.failed('declarationsTerminate', r.error);
  v.act(r.value.operationId, r.value.referenceCode, 'declaration.terminate', r.value.state);
}

/** An e-cabinet's access taken away (queued through the outbox). */
async function revoke(v: Visit): Promise<void> {
  const list = await v.call('appsList', {});
  if (!list.ok) return v.failed('appsList', list.error);
  const apps = (list.value.apps as { id: string; thisKiosk: boolean; pendingRevoke: unknown }[]).filter(
    (a) => !a.thisKiosk && !a.pendingRevoke,
  );
  if (apps.length === 0) return;
  await v.pause(v.plan.readMs);
  const r = await v.call('appsRevoke', { appId: v.d.rng.pick(apps).id });
  if (!r.ok) return v.failed('appsRevoke', r.error);
  v.act(r.value.operationId, r.value.referenceCode, 'app.revoke', r.value.state);
}

/** The receipt of the visit's latest act, previewed and printed. */
async function receipt(v: Visit): Promise<void> {
  const last = [...v.d.rec.acts].reverse().find((a) => a.session === v.plan.id);
  if (!last) return;
  const source = { operationId: last.operationId };
  const preview = await v.call('receiptPreview', { source, language: 'uk' });
  if (!preview.ok) return v.failed('receiptPreview', preview.error);
  const printed = await v.call('receiptPrint', { source, language: 'uk' });
  if (!printed.ok) v.failed('receiptPrint', printed.error);
}

export const ACTS: Record<Intent, (v: Visit) => Promise<void>> = {
  person: personChange,
  phone,
  declare,
  terminate,
  revoke,
  receipt,
};
