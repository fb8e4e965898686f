import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';
import { auditedBy } from './audited';

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
  const audited = auditedBy(s);
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
