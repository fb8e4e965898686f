import { err, ok } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** Outbox channels: read-only views (no payloads, no personal data). Retry/discard are operator actions (CLI). */
export const outboxHandlers = (
  s: KioskServices,
): Pick<Handlers, 'outboxList' | 'outboxGet' | 'outboxStatus'> => ({
  outboxList: ({ states, limit }) =>
    ok({ operations: s.outbox.list({ ...(states ? { states } : {}), limit }) }),
  outboxGet: (req) => {
    const view = 'id' in req ? s.outbox.get(req.id) : s.outbox.getByReference(req.referenceCode);
    return view ? ok(view) : err('OPERATION_NOT_FOUND', 'no such operation');
  },
  outboxStatus: () => ok(s.outbox.status()),
});
