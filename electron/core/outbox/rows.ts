import type { OperationKind, OperationState, OperationView } from '#shared/contract/outbox';
import type { EhealthErrorInfo } from '../ehealth';

/** A row of outbox_operations as SQLite returns it. */
export interface OperationRow {
  seq: number;
  id: string;
  reference_code: string;
  kind: string;
  state: OperationState;
  held: 0 | 1;
  patient_key: string | null;
  flow_id: string | null;
  depends_on: string | null;
  idempotency_key: string;
  payload: Buffer | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error_kind: string | null;
  error: string | null;
  ehealth_id: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string | null;
  completed_at: string | null;
  purged_at: string | null;
  discarded_at: string | null;
  /** 'pending': the signer's certificate status must be learnt by OCSP before delivery. */
  revocation_check: 'pending' | null;
}

/** What is kept about a failure: our code and message, and eHealth's own error without rule params. */
export interface StoredError {
  code: string;
  message: string;
  ehealth?: EhealthErrorInfo | null;
}

export const PENDING_STATES: readonly OperationState[] = ['captured', 'waiting-network', 'sending'];
export const SETTLED_STATES: readonly OperationState[] = ['done', 'rejected', 'needs-patient', 'expired'];

/** Allowed changes of state. Anything else is a bug and is refused by `Transitions`. */
export const TRANSITIONS: Record<OperationState, readonly OperationState[]> = {
  captured: ['waiting-network', 'sending', 'rejected', 'needs-patient', 'expired'],
  'waiting-network': ['sending', 'rejected', 'needs-patient', 'expired'],
  sending: ['done', 'rejected', 'needs-patient', 'waiting-network', 'expired'],
  rejected: ['waiting-network'],
  'needs-patient': ['waiting-network', 'rejected', 'expired'],
  done: [],
  expired: [],
};

function parseError(text: string | null): OperationView['error'] {
  if (!text) return null;
  try {
    const e = JSON.parse(text) as StoredError;
    return {
      code: String(e.code),
      message: String(e.message),
      ehealth: e.ehealth
        ? {
            status: e.ehealth.status ?? null,
            type: e.ehealth.type ?? null,
            message: e.ehealth.message ?? null,
            entries: (e.ehealth.invalid ?? []).map(
              (i) => `${i.entry ?? '?'}: ${i.rules.map((r) => r.description ?? r.rule ?? '').join('; ')}`,
            ),
          }
        : null,
    };
  } catch {
    return { code: 'STORAGE_FAILED', message: 'stored error is unreadable', ehealth: null };
  }
}

/** The renderer's view of an operation: a receipt plus state — never the payload or the patient. */
export function toView(r: OperationRow): OperationView {
  return {
    id: r.id,
    referenceCode: r.reference_code,
    kind: r.kind as OperationKind,
    state: r.state,
    held: r.held === 1,
    flowId: r.flow_id,
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
    nextAttemptAt: r.next_attempt_at,
    expiresAt: r.expires_at,
    ehealthId: r.ehealth_id,
    discarded: r.discarded_at !== null,
    error: parseError(r.error),
  };
}
