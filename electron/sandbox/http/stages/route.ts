import { ApiError } from '../../errors';
import type { SandboxState } from '../../state';
import { renderError } from '../envelope';
import type { Exchange, Front, Verdict } from '../exchange';
import type { Route } from '../router';

interface TrustService {
  name: string;
  request: string;
  reply: string;
  impl: (state: SandboxState) => { respond(request: Uint8Array): Uint8Array } | null;
}

const TRUST_SERVICES: Record<string, TrustService> = {
  '/tsa': {
    name: 'Time-stamp authority',
    request: 'application/timestamp-query',
    reply: 'application/timestamp-reply',
    impl: (state) => state.tsa,
  },
  '/ocsp': {
    name: 'OCSP responder',
    request: 'application/ocsp-request',
    reply: 'application/ocsp-response',
    impl: (state) => state.ocsp,
  },
};

/**
 * `/tsa` and `/ocsp` as a route of their own: any method reaches it (another than POST is told to
 * use POST), no api-key, the body's bytes go to the service as they came.
 */
export function trustRoute(x: Exchange, state: SandboxState): Route {
  const service = TRUST_SERVICES[x.url.pathname];
  if (!service) throw new Error(`${x.url.pathname} is not a trust service`);
  return {
    method: 'POST',
    pattern: x.url.pathname,
    access: { kind: 'none' },
    handler: () => {
      if (x.method !== 'POST') throw new ApiError(405, 'not_found', `Use POST with ${service.request}`);
      const impl = service.impl(state);
      if (!impl) throw new ApiError(503, 'service_unavailable', `${service.name} is not ready`);
      const raw = x.raw instanceof Buffer ? x.raw : Buffer.alloc(0);
      return {
        kind: 'bytes',
        status: 200,
        body: impl.respond(new Uint8Array(raw)),
        contentType: service.reply,
      };
    },
  };
}

/** Finds the route: the tools' router under /sandbox/, eHealth's otherwise; 405 for a known path, else 404. */
export function route(x: Exchange, front: Front): Verdict {
  if (x.kind === 'trust') {
    x.route = trustRoute(x, front.state);
    return undefined;
  }
  const router = x.kind === 'tool' ? front.tools : front.eHealth;
  const match = router.match(x.method, x.url.pathname);
  if (!('route' in match)) {
    const e = match.methodMismatch
      ? new ApiError(405, 'method_not_allowed', `Method ${x.method} is not allowed here`)
      : new ApiError(404, 'not_found', 'Resource not found');
    return { reply: renderError(e, x.meta) };
  }
  x.route = match.route;
  x.params = match.params;
  return undefined;
}
