import { queries } from '../../../core/db';
import { ApiError } from '../../errors';
import { isoDateTime } from '../../time';
import type { RequestContext } from '../context';
import { render, renderError, type Rendered } from '../envelope';
import { DROP, type Exchange, type Front, type Verdict } from '../exchange';

/** Thrown inside a commit when the fault plan says the connection dies before the change lands. */
class DropBeforeCommit extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The route's context. `commit` runs the change in one transaction with its applied-operations
 * entry and its idempotency record, and keeps the rendered answer in `out.committed`.
 */
function contextOf(
  x: Exchange,
  { state, idempotency }: Front,
  out: { committed: Rendered | null },
): RequestContext {
  const key = x.idempotencyKey;
  return {
    state,
    method: x.method,
    path: x.url.pathname,
    query: x.url.searchParams,
    params: x.params,
    body: x.body,
    headers: x.headers,
    requestId: x.requestId,
    user: x.user,
    now: () => state.now(),
    commit(fn) {
      if (x.faults.drop === 'before-commit') throw new DropBeforeCommit();
      return queries(state.db).tx(() => {
        const reply = fn();
        const rendered = render(reply, x.meta);
        idempotency.applied({
          key: key ?? null,
          method: x.method,
          path: x.url.pathname,
          personId: x.user?.personId ?? null,
          status: reply.status,
          at: isoDateTime(state.now()),
        });
        if (key) idempotency.complete(key, rendered, isoDateTime(state.now()));
        out.committed = rendered;
        return reply;
      });
    },
  };
}

/**
 * Runs the route: after the fault plan's latency (eHealth only: a slow server holds the request and
 * its idempotency key), the handler; a change it commits is answered as committed. A request that
 * changed nothing keeps its final answer under its key (a 5xx frees the key instead). Then the fault
 * plan's drop: before the commit (nothing changed) or after it, the answer never arrives.
 */
export async function handler(x: Exchange, front: Front): Promise<Verdict> {
  const { state, idempotency } = front;
  const route = x.route;
  if (!route) throw new Error('a handler before routing');
  const key = x.idempotencyKey;
  const out: { committed: Rendered | null } = { committed: null };
  let rendered: Rendered;
  try {
    if (x.kind === 'ehealth' && state.faults.config.latencyMs > 0) await sleep(state.faults.config.latencyMs);
    const reply = await route.handler(contextOf(x, front, out));
    rendered = out.committed ?? render(reply, x.meta);
  } catch (e) {
    if (e instanceof DropBeforeCommit) {
      if (key) idempotency.abandon(key);
      return DROP;
    }
    if (!(e instanceof ApiError)) {
      if (key) idempotency.abandon(key);
      throw e;
    }
    rendered = renderError(e, x.meta);
  }
  if (key && !out.committed) {
    // nothing changed: keep the final answer (errors included) for retries with the same key
    if (rendered.status >= 500) idempotency.abandon(key);
    else idempotency.complete(key, rendered, isoDateTime(state.now()));
  }
  // before-commit on a request that changed nothing, or after-commit: the answer never arrives
  if (x.faults.drop !== 'none') return DROP;
  return { reply: rendered };
}
