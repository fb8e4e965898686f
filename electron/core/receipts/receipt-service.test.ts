import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DoctorDetails } from '#shared/contract/doctors';
import { err, ok } from '#shared/result';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { Outbox } from '../outbox/outbox';
import { testClock, TOKENS } from '../outbox/test-support.test-support';
import { AuditLog } from '../kiosk/audit';
import { qrSvg } from './document';
import { htmlFilePrinter, type ReceiptPrinter } from './printer';
import { ReceiptService, type ReceiptActing } from './receipt-service';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((c) => c()));

const DOCTOR: DoctorDetails = {
  employeeId: 'emp-1',
  partyId: 'party-1',
  fullName: 'Петренко Марія Іванівна',
  speciality: 'FAMILY_DOCTOR',
  divisionId: 'div-1',
  divisionName: 'Амбулаторія № 3',
  legalEntityId: 'le-1',
  legalEntityName: 'КНП «Центр ПМСД»',
  oblast: 'ВІННИЦЬКА',
  settlement: 'Вінниця',
  address: 'вул. Соборна, 1',
  latitude: null,
  longitude: null,
  distanceKm: null,
  inThisClinic: false,
  declarationsLimit: 1800,
  declarationsCount: 1700,
  freePlaces: 100,
  position: 'P1',
  specialities: [{ speciality: 'FAMILY_DOCTOR', level: 'FIRST', officio: true }],
  education: [],
  aboutMyself: null,
  workingExperience: 10,
  divisionPhones: ['+380432000000'],
  divisionEmail: null,
  workingHours: { mon: [['08:00', '16:00']], tue: [['08:00', '12:00']] },
};

function setup(
  opts: { printer?: ReceiptPrinter | null; dir?: string | null; acting?: () => ReceiptActing | null } = {},
) {
  const db = openKioskDatabase(':memory:');
  const clock = testClock();
  const outbox = new Outbox({
    environment: 'training',
    db,
    box: new SecretBox(randomBytes(32)),
    audit: new AuditLog(db, new SecretBox(randomBytes(32)), clock.now),
    now: clock.now,
  });
  const dir = opts.dir === undefined ? mkdtempSync(join(tmpdir(), 'kiosk-receipts-')) : opts.dir;
  cleanup.push(() => {
    db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const receipts = new ReceiptService({
    outbox,
    directory: {
      doctor: (id) => (id === DOCTOR.employeeId ? ok(DOCTOR) : err('EHEALTH_NOT_FOUND', 'no doctor')),
      status: () => ({ serverDate: '2026-02-28T00:00:00Z' }),
    },
    printer: opts.printer === undefined ? (dir ? htmlFilePrinter(dir) : null) : opts.printer,
    receiptsDir: dir,
    now: clock.now,
    ...(opts.acting ? { acting: opts.acting } : {}),
  });
  const terminate = () => {
    const r = outbox.enqueue({
      kind: 'declaration.terminate',
      params: { declarationId: 'decl-1' },
      patientKey: outbox.patientKeyFor('person-1'),
      credentials: TOKENS,
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return { db, outbox, receipts, dir, terminate, clock };
}

describe('ReceiptService', () => {
  it('a receipt names the action, its state, the doctor and clinic, and carries the code as text and QR', async () => {
    const { receipts, terminate } = setup();
    const op = terminate();
    receipts.remember(op.id, {
      doctorName: DOCTOR.fullName,
      speciality: 'FAMILY_DOCTOR',
      clinicName: DOCTOR.divisionName,
      declarationNumber: '0001-AEHK-MPTX',
    });
    const uk = await receipts.preview({ operationId: op.id }, 'uk');
    if (!uk.ok) throw new Error(uk.error.message);
    expect(uk.value.title).toBe('Квитанція');
    for (const text of [
      'Припинення декларації',
      'Прийнято кіоском, буде надіслано до eHealth',
      'Петренко Марія Іванівна',
      'сімейний лікар',
      'Амбулаторія № 3',
      '0001-AEHK-MPTX',
      op.referenceCode,
    ])
      expect(uk.value.html).toContain(text);
    const qr = await qrSvg(op.referenceCode);
    expect(uk.value.html).toContain(qr.slice(qr.indexOf('<path'), qr.indexOf('<path') + 200));
    const en = await receipts.preview({ operationId: op.id }, 'en');
    expect(en.ok && en.value.html).toContain('Declaration terminated');
    expect(en.ok && en.value.html).toContain('lang="en"');
  });

  it('an act done for a child names the child by initials and the one who signed by role, never by name', async () => {
    let acting: ReceiptActing | null = { initials: 'Д. М. М.', role: 'parent' };
    const { receipts, terminate } = setup({ acting: () => acting });
    const forChild = terminate();
    receipts.remember(forChild.id, { doctorName: DOCTOR.fullName });
    // back in the parent's own cabinet: a later fact about the same act keeps whom it was for
    acting = null;
    receipts.remember(forChild.id, { declarationNumber: '0001-AEHK-MPTX' });
    const own = terminate();
    receipts.remember(own.id, {});

    const uk = await receipts.preview({ operationId: forChild.id }, 'uk');
    if (!uk.ok) throw new Error(uk.error.message);
    expect(uk.value.html).toContain('Пацієнт (ініціали)');
    expect(uk.value.html).toContain('Д. М. М.');
    expect(uk.value.html).toContain('один із батьків');
    expect(uk.value.html).toContain('0001-AEHK-MPTX');
    const en = await receipts.preview({ operationId: forChild.id }, 'en');
    expect(en.ok && en.value.html).toContain('Signed by');
    expect(en.ok && en.value.html).toContain('a parent');
    // the patient's own act names nobody
    const mine = await receipts.preview({ operationId: own.id }, 'uk');
    expect(mine.ok && mine.value.html).not.toContain('Пацієнт (ініціали)');
    // once the session ended, the reprint by code shows neither
    await receipts.forgetSession();
    const later = await receipts.preview({ referenceCode: forChild.referenceCode }, 'uk');
    expect(later.ok && later.value.html).not.toContain('Д. М. М.');
  });

  it('the no-relation slip tells how a clinic registers the relation; the under-14 slip names the kiosk way', async () => {
    const { receipts } = setup();
    const uk = await receipts.preview({ slip: 'no-relation' }, 'uk');
    expect(uk.ok && uk.value.title).toBe('Як зареєструвати звʼязок із дитиною в eHealth');
    expect(uk.ok && uk.value.html).toContain('свідоцтво про народження дитини');
    const en = await receipts.preview({ slip: 'no-relation' }, 'en');
    expect(en.ok && en.value.html).toContain('registers this relation');
    const under14 = await receipts.preview({ slip: 'under-14' }, 'uk');
    expect(under14.ok && under14.value.html).toContain('Діяти за дитину');
  });

  it('after the session only the minimal receipt is left: reprinting by code shows no names', async () => {
    const { receipts, terminate } = setup();
    const op = terminate();
    receipts.remember(op.id, { doctorName: DOCTOR.fullName });
    receipts.forgetSession();
    expect(await receipts.preview({ operationId: op.id }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'OPERATION_NOT_FOUND' },
    });
    const byCode = await receipts.preview(
      { referenceCode: op.referenceCode.toLowerCase().replace('-', '') },
      'uk',
    );
    if (!byCode.ok) throw new Error(byCode.error.message);
    expect(byCode.value.html).toContain(op.referenceCode);
    expect(byCode.value.html).not.toContain('Петренко');
    expect(await receipts.preview({ referenceCode: 'ZZZZ-ZZZZ' }, 'uk')).toMatchObject({ ok: false });
  });

  it('the doctor note lists the doctor, place, phones, hours and free places; the slip explains the registrar', async () => {
    const { receipts } = setup();
    const note = await receipts.preview({ doctorNoteFor: 'emp-1' }, 'uk');
    if (!note.ok) throw new Error(note.error.message);
    for (const text of [
      'Обраний лікар',
      'Петренко Марія Іванівна',
      'Вінниця, вул. Соборна, 1',
      '+380432000000',
      'пн 08:00–16:00; вт 08:00–12:00',
      '100 (станом на',
    ])
      expect(note.value.html).toContain(text);
    expect(note.value.html).not.toContain('<svg');
    expect(await receipts.preview({ doctorNoteFor: 'nobody' }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'EHEALTH_NOT_FOUND' },
    });
    const slip = await receipts.preview({ slip: 'under-14' }, 'en');
    expect(slip.ok && slip.value.html).toContain('under 14');
  });

  it('prints through the printer into the receipts folder; the end of the session deletes the files', async () => {
    const { receipts, terminate, dir } = setup();
    const op = terminate();
    receipts.remember(op.id, {});
    expect(await receipts.print({ operationId: op.id }, 'uk')).toEqual({ ok: true, value: { via: 'html' } });
    const files = readdirSync(dir as string);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^receipt-[\dT-]+Z-[0-9a-f]{6}\.html$/);
    expect(readFileSync(join(dir as string, files[0] as string), 'utf8')).toContain(op.referenceCode);
    receipts.forgetSession();
    expect(readdirSync(dir as string)).toEqual([]);
  });

  it('files left from before a restart are deleted when the service starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-receipts-'));
    writeFileSync(join(dir, 'old.pdf'), 'x');
    setup({ dir });
    expect(existsSync(join(dir, 'old.pdf'))).toBe(false);
  });

  it('a printer failure is a clear error, never a crash', async () => {
    const failing: ReceiptPrinter = {
      via: 'printer',
      print: () => Promise.resolve(err('PRINT_FAILED', 'jam')),
    };
    const throwing: ReceiptPrinter = { via: 'printer', print: () => Promise.reject(new Error('boom')) };
    expect(await setup({ printer: failing }).receipts.print({ slip: 'under-14' }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'PRINT_FAILED' },
    });
    expect(await setup({ printer: throwing }).receipts.print({ slip: 'under-14' }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'PRINT_FAILED' },
    });
    expect(
      await setup({ printer: null, dir: null }).receipts.print({ slip: 'under-14' }, 'uk'),
    ).toMatchObject({
      ok: false,
      error: { code: 'PRINT_FAILED' },
    });
  });
});
