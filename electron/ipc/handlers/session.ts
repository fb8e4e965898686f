import { ok } from '#shared/result';
import { storage } from '../../core/outbox/storage-errors';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

export const sessionHandlers = (s: KioskServices): Pick<Handlers, 'sessionEnd'> => ({
  sessionEnd: async ({ reason }) => {
    // an end always happens (the patient is forgotten); its audit entry is written if the disk allows
    const ended = await s.session.end(reason);
    if (ended) {
      const noted = storage('record the end of the session', () =>
        s.audit.append('kiosk', 'session.end', null, { reason }),
      );
      if (!noted.ok) s.log.warn({ code: noted.error.code }, 'end of a session not audited');
    }
    return ok({ ended });
  },
});
