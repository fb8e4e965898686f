import { err, ok } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/**
 * Outbox channels: read-only views (no payloads, no personal data), and only of the operations whoever
 * is at the screen may see — the registrar in the panel all, a signed-in patient their own, nobody
 * else any (`OperationAccess`). Retry/discard are operator actions (registrar panel, CLI).
 */
export const outboxHandlers = (
  s: KioskServices,
): Pick<Handlers, 'outboxList' | 'outboxGet' | 'outboxStatus'> => ({
  outboxList: ({ states, limit }) => {
    const viewer = s.operations.viewer();
    if (viewer.kind === 'nobody') return err('NO_SESSION', 'sign in to see your operations');
    if (viewer.kind === 'registrar')
      return ok({ operations: s.outbox.list({ ...(states ? { states } : {}), limit }) });
    // a patient's own are among the most recent; the list is filtered before it is cut to the limit
    const recent = s.outbox.list({ ...(states ? { states } : {}), limit: 200 });
    return ok({ operations: s.operations.visible(recent).slice(0, limit) });
  },
  outboxGet: (req) => s.operations.find(req),
  outboxStatus: () => {
    const who = s.registrar.mode.requirePanel();
    return who.ok ? ok(s.outbox.status()) : who;
  },
});
