import { ok } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

export const sessionHandlers = (s: KioskServices): Pick<Handlers, 'sessionEnd'> => ({
  sessionEnd: async ({ reason }) => {
    const ended = await s.session.end(reason);
    if (ended) s.audit.append('kiosk', 'session.end', null, { reason });
    return ok({ ended });
  },
});
