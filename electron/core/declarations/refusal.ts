import type { OperationView } from '#shared/contract/outbox';
import type { ErrorCode } from '#shared/errors';

/** Recognises eHealth's business refusals of a declaration request in its error text. */
export function declarationRefusal(v: Pick<OperationView, 'error'>): ErrorCode | null {
  const e = v.error?.ehealth;
  const text = `${e?.message ?? ''} ${(e?.entries ?? []).join(' ')}`;
  if (/could not sign more|declarations? limit/i.test(text)) return 'DOCTOR_FULL';
  if (/speciality doesn't match patient's age|invalid_age/i.test(text)) return 'SPECIALITY_NOT_FOR_AGE';
  if (/declaration is not active/i.test(text)) return 'DECLARATION_NOT_ACTIVE';
  return null;
}
