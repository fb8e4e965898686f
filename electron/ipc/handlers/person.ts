import type { Result } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

type PersonChannel =
  | 'personGet'
  | 'personAddressRegions'
  | 'personAddressSettlements'
  | 'personAddressStreets'
  | 'personRequestCreate'
  | 'personRequestSign'
  | 'personRequestCancel'
  | 'personPhoneStart'
  | 'personPhoneResend'
  | 'personPhoneConfirm';

/** Personal data: reads need a signed-in patient, changes one who may act (checked in the services). */
export const personHandlers = (s: KioskServices): Pick<Handlers, PersonChannel> => {
  /** Changes are audited by outcome only: the subject is the session's pseudonymous id, no personal data. */
  const audited = async <T>(action: string, run: Promise<Result<T>>): Promise<Result<T>> => {
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
  return {
    personGet: () => s.person.data.view(),
    personAddressRegions: () => s.person.addresses.regions(),
    personAddressSettlements: ({ region, query }) => s.person.addresses.settlements(region, query),
    personAddressStreets: ({ settlementId, query }) => s.person.addresses.streets(settlementId, query),
    personRequestCreate: ({ person }) =>
      audited('person.request-created', s.person.data.createRequest(person)),
    personRequestSign: ({ requestId }) =>
      audited('person.request-signed', s.person.data.signRequest(requestId)),
    personRequestCancel: ({ requestId }) =>
      audited('person.request-cancelled', s.person.data.cancelRequest(requestId)),
    personPhoneStart: (req) => audited('person.phone-code-sent', s.person.phone.start(req)),
    personPhoneResend: ({ requestId }) =>
      audited('person.phone-code-resent', s.person.phone.resend(requestId)),
    personPhoneConfirm: ({ requestId, code }) =>
      audited('person.phone-confirmed', s.person.phone.confirm(requestId, code)),
  };
};
