import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/**
 * "Act for my child": who the session is about, opening a child's cabinet (signed with the
 * signed-in person's key in the signer), and the one-tap switch back. Only the signed-in patient
 * gets answers (NO_SESSION for anyone else).
 */
export const actingHandlers = (
  s: KioskServices,
): Pick<Handlers, 'actingState' | 'actingStart' | 'actingSwitch'> => ({
  actingState: async () => s.acting.state(),
  actingStart: async (child) => s.acting.start(child),
  actingSwitch: async ({ handle }) => s.acting.switchTo(handle),
});
