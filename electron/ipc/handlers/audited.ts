import type { Result } from '#shared/result';
import type { KioskServices } from '../../core/services';

/**
 * A patient's change, audited by outcome only: the subject is the session's pseudonymous id, the
 * detail at most an error code — no personal data, no image, no document type.
 */
export const auditedBy =
  (s: KioskServices) =>
  async <T>(action: string, run: Promise<Result<T>>): Promise<Result<T>> => {
    const r = await run;
    try {
      s.audit.append(
        'patient',
        r.ok ? action : `${action}-refused`,
        s.patient.current()?.sessionId ?? null,
        r.ok ? {} : { code: r.error.code },
      );
    } catch (e) {
      // what happened at eHealth has happened: the patient gets its answer, the operator a log line
      s.log.error({ action, err: e }, 'audit entry not written');
    }
    return r;
  };
