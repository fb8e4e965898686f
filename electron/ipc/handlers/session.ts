import { ok } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** The patient session's channels; its life and the rules of its end live in core/session/session-manager.ts. */
export const sessionHandlers = (s: KioskServices): Pick<Handlers, 'sessionEnd' | 'sessionActivity'> => ({
  // the end is audited where sessions end (SessionManager.end)
  sessionEnd: async ({ reason }) => ok({ ended: await s.session.end(reason) }),
  // the router has already counted this call as activity (SessionManager.touch)
  sessionActivity: () => ok({ active: s.session.active !== null }),
});
