/**
 * Receipts against the sandbox: the receipt of a real termination (what, when, doctor and clinic,
 * declaration number, reference code and its QR) printed as a PDF by real Chromium into the data
 * directory's receipts folder and deleted with the session; a reprint by code afterwards carries
 * only the minimal receipt; a revocation queued offline has a "will be delivered" receipt that
 * says "done" once delivered. No tax id or patient name is ever on paper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPrinter } from '../../electron/hosts/pdf-printer';
import { startCabinetRig, type CabinetRig } from './cabinet-rig';

let rig: CabinetRig;

beforeAll(async () => {
  rig = await startCabinetRig({ printer: (dir) => (dir ? pdfPrinter(dir) : null) });
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

/** Text as the receipt's HTML carries it (escaped). */
const asHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
const receiptsDir = () => join(rig.dataDir, 'receipts');
const files = () => {
  try {
    return readdirSync(receiptsDir());
  } catch {
    return [];
  }
};

describe('receipts', () => {
  let referenceCode = '';

  it('a termination’s receipt names the action, doctor, clinic, number and code; printed as a PDF', async () => {
    await rig.patient.signIn('adult-with-declaration');
    const persona = rig.sb.personas.find((p) => p.id === 'adult-with-declaration');
    const o = await rig.cabinet.declarations.overview();
    if (!o.ok || !o.value.current) throw new Error('no current declaration');
    const current = o.value.current;
    const done = await rig.cabinet.declarations.terminate(current.id);
    if (!done.ok) throw new Error(done.error.message);
    referenceCode = done.value.referenceCode;

    const uk = await rig.cabinet.receipts.preview({ operationId: done.value.operationId }, 'uk');
    if (!uk.ok) throw new Error(uk.error.message);
    for (const text of [
      'Припинення декларації',
      'Виконано в eHealth',
      current.doctor?.fullName ?? 'no doctor',
      current.clinic?.divisionName ?? 'no clinic',
      current.number ?? 'no number',
      referenceCode,
    ])
      expect(uk.value.html).toContain(asHtml(text));
    expect(uk.value.html).toMatch(/<svg role="img" aria-label="QR-код із кодом квитанції"/);
    expect(uk.value.html).not.toContain(persona?.taxId ?? 'no tax id');
    expect(uk.value.html).not.toContain(persona?.fullName ?? 'no name');

    expect(await rig.cabinet.receipts.print({ operationId: done.value.operationId }, 'en')).toEqual({
      ok: true,
      value: { via: 'pdf' },
    });
    const printed = files();
    expect(printed).toHaveLength(1);
    expect(
      readFileSync(join(receiptsDir(), printed[0] as string))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  }, 90_000);

  it('the end of the session deletes the printed files; a reprint by code shows only the minimal receipt', async () => {
    await rig.sessions.end('finish');
    expect(files()).toEqual([]);
    const again = await rig.cabinet.receipts.preview({ referenceCode }, 'uk');
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.html).toContain(referenceCode);
    expect(again.value.html).toContain('Виконано в eHealth');
    expect(again.value.html).not.toContain('Лікар');
    // an action of an earlier visit cannot be fetched by its internal id
    const byCode = rig.engine.outbox.getByReference(referenceCode);
    expect(await rig.cabinet.receipts.preview({ operationId: byCode?.id ?? '' }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'OPERATION_NOT_FOUND' },
    });
  });

  it('a revocation queued offline has a "will be delivered" receipt that says done once delivered', async () => {
    await rig.patient.signIn('adult-with-apps');
    const list = await rig.cabinet.apps.list();
    if (!list.ok) throw new Error(list.error.message);
    const app = list.value.apps.find((a) => !a.thisKiosk);
    if (!app) throw new Error('no app');
    rig.sb.faults.set({ outage: true });
    try {
      const queued = await rig.cabinet.apps.revoke(app.id);
      if (!queued.ok) throw new Error(queued.error.message);
      expect(queued.value.state).toBe('queued');
      const before = await rig.cabinet.receipts.preview({ operationId: queued.value.operationId }, 'en');
      expect(before.ok && before.value.html).toContain('will be sent as soon as eHealth can be reached');
      expect(before.ok && before.value.html).toContain(asHtml(app.name));
      rig.sb.faults.reset();
      await rig.engine.outbox.whenSettled(queued.value.operationId);
      const after = await rig.cabinet.receipts.preview({ operationId: queued.value.operationId }, 'en');
      expect(after.ok && after.value.html).toContain('Done in eHealth');
    } finally {
      rig.sb.faults.reset();
    }
  }, 90_000);

  it('the doctor note and the under-14 slip need no session', async () => {
    await rig.sessions.end('finish');
    const found = rig.engine.directory.search({ pageSize: 1 });
    if (!found.ok || !found.value.items[0]) throw new Error('no doctor');
    const note = await rig.cabinet.receipts.preview({ doctorNoteFor: found.value.items[0].employeeId }, 'uk');
    expect(note.ok && note.value.html).toContain(asHtml(found.value.items[0].fullName));
    const slip = await rig.cabinet.receipts.print({ slip: 'under-14' }, 'uk');
    expect(slip).toEqual({ ok: true, value: { via: 'pdf' } });
    expect(files().filter((f) => f.startsWith('slip-'))).toHaveLength(1);
  }, 60_000);
});
