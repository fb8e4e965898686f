import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** E-cabinets with access to the patient's data, and revoking that access. */
export const appsHandlers = (s: KioskServices): Pick<Handlers, 'appsList' | 'appsRevoke'> => ({
  appsList: () => s.cabinet.apps.list(),
  appsRevoke: ({ appId }) => s.cabinet.apps.revoke(appId),
});
