import type {
  DeclarationClinic,
  DeclarationDoctor,
  DeclarationSummary,
  PendingAction,
} from '#shared/contract/declarations';
import type { DoctorDetails } from '#shared/contract/doctors';
import type { Result } from '#shared/result';

/** The directory as the cabinet reads it: doctor cards, the kiosk's clinic, when it was synced. */
export interface DirectoryPort {
  doctor(employeeId: string): Result<DoctorDetails>;
}

/** The fields of eHealth's declaration (list item or details) that a summary needs. */
export interface DeclarationLike {
  id: string;
  declaration_number?: string | null;
  status?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  reason?: string | null;
  reason_description?: string | null;
  updated_at?: string | null;
  employee?: unknown;
  division?: unknown;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export const idOf = (v: unknown): string | null => text(obj(v)?.id);

/** "Прізвище Імʼя По батькові" from eHealth's party names. */
export function personName(party: unknown): string | null {
  const p = obj(party);
  if (!p) return null;
  const name = [p.last_name, p.first_name, p.second_name].map(text).filter(Boolean).join(' ');
  return name || null;
}

/** One line of an eHealth address: settlement, street, building, apartment. */
export function addressLine(address: unknown): string | null {
  const a = obj(address);
  if (!a) return null;
  // street_type is a code (STREET, AVENUE…): the street's name alone reads naturally
  const parts = [text(a.settlement), text(a.street), text(a.building), text(a.apartment)].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

const phoneNumbers = (phones: unknown): string[] =>
  Array.isArray(phones) ? phones.map((p) => text(obj(p)?.number)).filter((n): n is string => n !== null) : [];

/** The doctor and clinic as the replicated directory knows them (null when it does not). */
export function fromDirectory(
  directory: DirectoryPort,
  employeeId: string | null,
  divisionId: string | null,
): { doctor: DeclarationDoctor; clinic: DeclarationClinic } | null {
  if (!employeeId) return null;
  const found = directory.doctor(employeeId);
  if (!found.ok) return null;
  const d = found.value;
  return {
    doctor: { employeeId, fullName: d.fullName, speciality: d.speciality },
    clinic: {
      divisionId: divisionId ?? d.divisionId,
      divisionName: d.divisionName,
      legalEntityName: d.legalEntityName,
      address: [d.settlement, d.address].filter(Boolean).join(', ') || null,
      phones: d.divisionPhones,
    },
  };
}

/** Active first: the declaration in force now (active, or awaiting eHealth's verification). */
export const isCurrent = (status: string): boolean =>
  status === 'active' || status === 'pending_verification';

const DATE = /^\d{4}-\d{2}-\d{2}/;
const dateOf = (v: unknown): string | null => {
  const t = text(v);
  return t && DATE.test(t) ? t.slice(0, 10) : null;
};

/**
 * When a declaration that is no longer in force ended: a closed one on its planned end date; a
 * terminated (or rejected) one when eHealth changed it last — ending is the last thing that
 * happens to a declaration. Null while it is in force.
 */
export function endedOn(d: Pick<DeclarationLike, 'status' | 'end_date' | 'updated_at'>): string | null {
  const status = text(d.status) ?? 'unknown';
  if (isCurrent(status)) return null;
  if (status === 'closed') return dateOf(d.end_date) ?? dateOf(d.updated_at);
  return dateOf(d.updated_at);
}

/** A declaration for the patient to read: eHealth's fields plus names from the directory. */
export function summarize(
  d: DeclarationLike,
  directory: DirectoryPort,
  pendingTermination: PendingAction | null = null,
): DeclarationSummary {
  const known = fromDirectory(directory, idOf(d.employee), idOf(d.division));
  return {
    id: d.id,
    number: text(d.declaration_number),
    status: text(d.status) ?? 'unknown',
    startDate: text(d.start_date),
    endDate: text(d.end_date),
    endedOn: endedOn(d),
    reason: text(d.reason),
    reasonDescription: text(d.reason_description),
    doctor: known?.doctor ?? null,
    clinic: known?.clinic ?? null,
    pendingTermination,
  };
}

/** The doctor and clinic of a declaration request as eHealth returned them (directory as fallback). */
export function fromDeclarationRequest(
  request: { employee?: unknown; division?: unknown; legal_entity?: unknown },
  directory: DirectoryPort,
  employeeId: string,
  divisionId: string,
): { doctor: DeclarationDoctor; clinic: DeclarationClinic } {
  const known = fromDirectory(directory, employeeId, divisionId);
  const employee = obj(request.employee);
  const division = obj(request.division);
  const legal = obj(request.legal_entity);
  const speciality = text(employee?.speciality) ?? text(obj(employee?.speciality)?.speciality);
  const addresses = Array.isArray(division?.addresses) ? division.addresses : [];
  return {
    doctor: {
      employeeId,
      fullName: personName(employee?.party) ?? known?.doctor.fullName ?? '',
      speciality: speciality ?? known?.doctor.speciality ?? null,
    },
    clinic: {
      divisionId,
      divisionName: text(division?.name) ?? known?.clinic.divisionName ?? null,
      legalEntityName:
        text(legal?.public_name) ??
        text(legal?.short_name) ??
        text(legal?.name) ??
        known?.clinic.legalEntityName ??
        null,
      address: addressLine(addresses[0]) ?? known?.clinic.address ?? null,
      phones: phoneNumbers(division?.phones).length
        ? phoneNumbers(division?.phones)
        : (known?.clinic.phones ?? []),
    },
  };
}

/**
 * eHealth gives no reason when it ends a declaration because a new one was signed (one declaration
 * per person): such a declaration ended on the day another one began. Said as `replaced` then.
 */
export function withReplacementReasons(summaries: readonly DeclarationSummary[]): DeclarationSummary[] {
  const starts = new Set(summaries.map((s) => s.startDate?.slice(0, 10)).filter(Boolean));
  return summaries.map((s) =>
    s.status === 'terminated' && !s.reason && s.endedOn && starts.has(s.endedOn)
      ? { ...s, reason: 'replaced' }
      : s,
  );
}
