import { randomBytes } from 'node:crypto';
import type { DoctorDetails } from '#shared/contract/doctors';
import type { OperationKind, OperationView } from '#shared/contract/outbox';
import type { PrintResult, ReceiptLanguage, ReceiptPreview, ReceiptSource } from '#shared/contract/receipts';
import type { ActorRole } from '#shared/rules/acting';
import { err, ok, type Result } from '#shared/result';
import type { Logger } from '../log';
import type { Outbox } from '../outbox';
import { renderReceiptHtml, type ReceiptDocument } from './document';
import { purgeReceiptFiles, type ReceiptPrinter } from './printer';
import { formatWhen, RECEIPT_TEXTS, type ReceiptTexts } from './texts';

/**
 * What the kiosk knows about an action only while the patient is here (names of the doctor,
 * clinic or e-cabinet), to print on the receipt. Forgotten when the session ends: a receipt
 * reprinted later by its code shows only kind, time, state, eHealth id and the code.
 */
export interface ReceiptFacts {
  doctorName?: string | null;
  speciality?: string | null;
  clinicName?: string | null;
  providerName?: string | null;
  address?: string | null;
  declarationNumber?: string | null;
  appName?: string | null;
  /** Done for someone by a parent or guardian: the child by initials, the one who acted by role. */
  actingFor?: ReceiptActing | null;
}

/** Who an act done for someone concerns and who did it, as a receipt names them (never by name). */
export interface ReceiptActing {
  initials: string;
  role: ActorRole;
}

export interface ReceiptServiceOptions {
  outbox: Pick<Outbox, 'get' | 'getByReference'>;
  directory: { doctor(employeeId: string): Result<DoctorDetails>; status(): { serverDate: string | null } };
  printer: ReceiptPrinter | null;
  /** Where printed files go (`<data dir>/receipts`); null when nothing is written (in-memory tests). */
  receiptsDir: string | null;
  now?: () => Date;
  log?: Logger;
  /** Whom the session acts for now (null: the patient themselves), noted with every act remembered. */
  acting?: () => ReceiptActing | null;
}

const QUEUED = new Set(['captured', 'waiting-network', 'sending']);

/**
 * Receipts for every action, the offline doctor note and the under-14 slip: one renderer (HTML
 * with an inline QR code of the reference), printed through the injected printer.
 */
export class ReceiptService {
  private readonly facts = new Map<string, ReceiptFacts>();
  private readonly now: () => Date;

  constructor(private readonly opts: ReceiptServiceOptions) {
    this.now = opts.now ?? (() => new Date());
    // anything left from before a crash or power loss goes first
    this.purgeFiles();
  }

  /** Called by the services that queue an action, while the patient is at the kiosk. */
  remember(operationId: string, facts: ReceiptFacts): void {
    const earlier = this.facts.get(operationId);
    const acting = earlier?.actingFor !== undefined ? {} : { actingFor: this.opts.acting?.() ?? null };
    this.facts.set(operationId, { ...acting, ...earlier, ...facts });
  }

  /**
   * The session ended: forget the names, delete printed files and let the printer drop what it
   * rendered them with (resolves when it has).
   */
  forgetSession(): Promise<void> {
    this.facts.clear();
    this.purgeFiles();
    return this.releasePrinter();
  }

  private async releasePrinter(): Promise<void> {
    try {
      await this.opts.printer?.close?.();
    } catch (e) {
      this.opts.log?.warn({ err: e }, 'the receipt printer could not be released');
    }
  }

  purgeFiles(): void {
    if (!this.opts.receiptsDir) return;
    const n = purgeReceiptFiles(this.opts.receiptsDir);
    if (n > 0) this.opts.log?.info({ files: n }, 'printed receipts deleted');
  }

  async preview(source: ReceiptSource, language: ReceiptLanguage): Promise<Result<ReceiptPreview>> {
    const doc = this.document(source, language);
    if (!doc.ok) return doc;
    return ok({ title: doc.value.title, html: await renderReceiptHtml(doc.value) });
  }

  async print(source: ReceiptSource, language: ReceiptLanguage): Promise<Result<PrintResult>> {
    const printer = this.opts.printer;
    if (!printer) return err('PRINT_FAILED', 'no printer is configured on this kiosk');
    const doc = this.document(source, language);
    if (!doc.ok) return doc;
    const html = await renderReceiptHtml(doc.value);
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const name = `${kindOf(source)}-${stamp}-${randomBytes(3).toString('hex')}`;
    let printed: Result<void>;
    try {
      printed = await printer.print({ name, title: doc.value.title, html });
    } catch (e) {
      this.opts.log?.error({ err: e }, 'receipt printer failed unexpectedly');
      printed = err('PRINT_FAILED', 'the printer failed');
    }
    if (!printed.ok) {
      this.opts.log?.warn({ code: printed.error.code, via: printer.via }, 'receipt not printed');
      return printed;
    }
    return ok({ via: printer.via });
  }

  close(): Promise<void> {
    return this.releasePrinter();
  }

  /** Builds the page for a source; a source the kiosk cannot vouch for is not found. */
  document(source: ReceiptSource, language: ReceiptLanguage): Result<ReceiptDocument> {
    const t = RECEIPT_TEXTS[language];
    if ('operationId' in source) {
      // only this visit's own actions by id; anything older needs the code from the paper
      if (!this.facts.has(source.operationId))
        return err('OPERATION_NOT_FOUND', 'no such action in this visit');
      const view = this.opts.outbox.get(source.operationId);
      if (!view) return err('OPERATION_NOT_FOUND', 'no such operation');
      return ok(this.operationDocument(view, t, language));
    }
    if ('referenceCode' in source) {
      const view = this.opts.outbox.getByReference(source.referenceCode);
      if (!view) return err('OPERATION_NOT_FOUND', 'no operation has this reference code');
      return ok(this.operationDocument(view, t, language));
    }
    if ('doctorNoteFor' in source) {
      const doctor = this.opts.directory.doctor(source.doctorNoteFor);
      if (!doctor.ok) return doctor;
      return ok(this.doctorNote(doctor.value, t, language));
    }
    const noRelation = source.slip === 'no-relation';
    return ok({
      language,
      issuer: t.kiosk,
      title: noRelation ? t.noRelationTitle : t.slipTitle,
      heading: null,
      rows: [{ label: t.when, value: formatWhen(this.now().toISOString(), language) }],
      paragraphs: noRelation ? t.notes.noRelation : t.notes.slip,
      reference: null,
    });
  }

  private operationDocument(
    view: OperationView,
    t: ReceiptTexts,
    language: ReceiptLanguage,
  ): ReceiptDocument {
    const f = this.facts.get(view.id) ?? {};
    const rows: { label: string; value: string }[] = [];
    const add = (label: string, value: string | null | undefined) => {
      if (value) rows.push({ label, value });
    };
    add(t.when, formatWhen(view.createdAt, language));
    add(t.status, t.states[view.state]);
    if (f.actingFor) {
      add(t.patient, f.actingFor.initials || t.unknown);
      add(t.signedBy, t.roles[f.actingFor.role]);
    }
    add(t.doctor, f.doctorName);
    add(t.speciality, f.speciality ? (t.specialities[f.speciality] ?? f.speciality) : null);
    add(t.clinic, f.clinicName);
    add(t.provider, f.providerName);
    add(t.address, f.address);
    add(t.app, f.appName);
    add(t.declarationNumber, f.declarationNumber);
    // an act still on its way states until when the kiosk keeps sending it (eHealth's deadline)
    const waiting = (QUEUED.has(view.state) || view.state === 'needs-patient') && !view.held;
    if (waiting && view.expiresAt) add(t.deadline, formatWhen(view.expiresAt, language));
    const paragraphs =
      view.kind === 'registration.sign-up'
        ? registrationNotes(view, t)
        : view.state === 'done'
          ? [t.notes.done, t.notes.keep]
          : QUEUED.has(view.state)
            ? [t.notes.queued, ...(view.expiresAt ? [t.notes.deadline] : []), t.notes.keep]
            : [t.notes.problem];
    return {
      language,
      issuer: t.kiosk,
      title: t.receiptTitle,
      heading: t.kinds[view.kind as OperationKind] ?? view.kind,
      rows,
      paragraphs,
      reference: { label: t.reference, code: view.referenceCode, qrLabel: t.referenceQr },
    };
  }

  private doctorNote(d: DoctorDetails, t: ReceiptTexts, language: ReceiptLanguage): ReceiptDocument {
    const rows: { label: string; value: string }[] = [];
    const add = (label: string, value: string | null | undefined) => {
      if (value) rows.push({ label, value });
    };
    add(t.when, formatWhen(this.now().toISOString(), language));
    add(t.doctor, d.fullName);
    add(t.speciality, t.specialities[d.speciality] ?? d.speciality);
    add(t.clinic, d.divisionName);
    add(t.provider, d.legalEntityName);
    add(t.address, [d.settlement, d.address].filter(Boolean).join(', ') || null);
    add(t.phones, d.divisionPhones.join(', ') || null);
    const hours = Object.entries(d.workingHours)
      .map(([day, spans]) => `${t.days[day] ?? day} ${spans.map(([a, b]) => `${a}–${b}`).join(', ')}`)
      .join('; ');
    add(t.hours, hours || null);
    if (d.freePlaces !== null) {
      const asOf = this.opts.directory.status().serverDate;
      add(
        t.freePlaces,
        asOf ? `${d.freePlaces} (${t.freePlacesAsOf} ${formatWhen(asOf, language)})` : String(d.freePlaces),
      );
    }
    return {
      language,
      issuer: t.kiosk,
      title: t.doctorNoteTitle,
      heading: null,
      rows,
      paragraphs: [t.notes.doctorNote],
      reference: null,
    };
  }
}

/** A registration's short window (the nonce's life) said in words: minutes from signing to the deadline. */
function registrationNotes(view: OperationView, t: ReceiptTexts): string[] {
  if (view.state === 'done') return [t.notes.registrationDone, t.notes.keep];
  if (!QUEUED.has(view.state)) return [t.notes.problem];
  const span = view.expiresAt ? Date.parse(view.expiresAt) - Date.parse(view.createdAt) : NaN;
  const minutes = Number.isFinite(span) ? Math.max(0, Math.round(span / 60_000)) : 15;
  return [t.notes.registrationQueued(minutes), t.notes.keep];
}

function kindOf(source: ReceiptSource): string {
  if ('doctorNoteFor' in source) return 'doctor-note';
  if ('slip' in source) return 'slip';
  return 'receipt';
}
