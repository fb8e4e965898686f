import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { authenticate } from '../auth/tokens';
import { requireCapacity } from '../rules/capacity';
import type { SandboxState } from '../state';
import { isoDateTime } from '../time';
import type { AuthUser, RequestContext } from './context';
import { ApiError } from './errors';
import { fingerprintOf, IdempotencyStore, type StoredResponse } from './idempotency';
import { queryObject, Recorder } from './recorder';
import type { Reply } from './reply';
import type { Router } from './router';

const MAX_BODY = 10 * 1024 * 1024;
const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** What a hotel-style captive portal serves for every request until someone logs in. */
const CAPTIVE_PORTAL_PAGE =
  '<!doctype html><html><head><title>Wi-Fi login</title></head><body><h1>Welcome</h1>' +
  '<form method="post" action="/login"><input name="room"><button>Connect</button></form></body></html>';

/** Thrown inside a commit when the fault plan says the connection dies before the change lands. */
class DropBeforeCommit extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export interface Rendered extends StoredResponse {
  contentType: string | null;
  bytes: Uint8Array | null;
}

/** Builds the eHealth envelope `{meta, data, paging, urgent}` / `{meta, error}`. */
export function render(
  reply: Reply,
  meta: { url: string; requestId: string; idempotencyKey?: string },
): Rendered {
  const baseMeta = (status: number, type: string): Record<string, unknown> => ({
    code: status,
    url: meta.url,
    type,
    request_id: meta.requestId,
    ...(meta.idempotencyKey ? { idempotency_key: meta.idempotencyKey } : {}),
  });
  switch (reply.kind) {
    case 'empty':
      return {
        status: reply.status,
        body: null,
        headers: reply.headers ?? {},
        contentType: null,
        bytes: null,
      };
    case 'bytes':
      return {
        status: reply.status,
        body: null,
        headers: reply.headers ?? {},
        contentType: reply.contentType,
        bytes: reply.body,
      };
    case 'raw-list': {
      const m = JSON.stringify({ ...baseMeta(reply.status, 'list'), ...(reply.meta ?? {}) });
      return {
        status: reply.status,
        body: `{"meta":${m},"data":[${reply.items.join(',')}]}`,
        headers: {},
        contentType: reply.contentType ?? 'application/json; charset=utf-8',
        bytes: null,
      };
    }
    case 'json': {
      const envelope: Record<string, unknown> = {
        meta: {
          ...baseMeta(reply.status, Array.isArray(reply.data) ? 'list' : 'object'),
          ...(reply.meta ?? {}),
        },
        data: reply.data,
      };
      if (reply.paging) envelope.paging = reply.paging;
      if (reply.urgent !== undefined) envelope.urgent = reply.urgent;
      return {
        status: reply.status,
        body: JSON.stringify(envelope),
        headers: reply.headers ?? {},
        contentType: reply.contentType ?? 'application/json; charset=utf-8',
        bytes: null,
      };
    }
  }
}

export function renderError(
  e: ApiError,
  meta: { url: string; requestId: string; idempotencyKey?: string },
): Rendered {
  const error: Record<string, unknown> = { type: e.type, message: e.message };
  if (e.invalid) error.invalid = e.invalid;
  const m: Record<string, unknown> = {
    code: e.status,
    url: meta.url,
    type: 'object',
    request_id: meta.requestId,
  };
  if (meta.idempotencyKey) m.idempotency_key = meta.idempotencyKey;
  return {
    status: e.status,
    body: JSON.stringify({ meta: m, error }),
    headers: e.headers ?? {},
    contentType: 'application/json; charset=utf-8',
    bytes: null,
  };
}

export interface ServerOptions {
  eHealth: Router;
  tools: Router;
  record?: string;
}

/** The sandbox's HTTP front: faults, wire format, api-key, tokens, scopes, idempotency, recording. */
export function createSandboxServer(state: SandboxState, opts: ServerOptions): Server {
  const idempotency = new IdempotencyStore(state.db, state.bootId);
  const recorder = opts.record ? new Recorder(opts.record) : null;
  const sockets = new Set<import('node:net').Socket>();

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      state.log.error({ err: e instanceof Error ? e.message : String(e) }, 'request failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({
            meta: { code: 500, url: '', type: 'object', request_id: '' },
            error: { type: 'internal_error', message: 'Internal error' },
          }),
        );
      } else res.destroy();
    });
  });
  // Clients (undici's fetch) keep idle sockets for a few seconds and may reuse one after a long
  // busy stretch of their event loop; a server that closes idle sockets sooner than any client
  // would races that reuse ("other side closed"). Real gateways keep idle connections far longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const isTool = path === '/sandbox' || path.startsWith('/sandbox/');
    const isOcsp = path === '/ocsp';
    // the trust services (time-stamps, OCSP) are a QTSP's, not eHealth's: eHealth's faults spare them
    const isTsa = path === '/tsa' || isOcsp;
    const requestId = header(req, 'x-request-id') ?? randomUUID();
    const idempotencyKey = MUTATING.has(method) && !isTool ? header(req, 'x-idempotency-key') : undefined;
    const metaInfo = {
      url: `${state.baseUrl}${req.url ?? '/'}`,
      requestId,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };

    const faults = isTool || isTsa ? { error: null, drop: 'none' as const } : state.faults.decide();
    if (!isTool && !isTsa && state.faults.config.outage) {
      req.socket.destroy();
      return;
    }
    if (isOcsp && state.faults.config.ocspOutage) {
      req.socket.destroy();
      return;
    }
    const raw = await readBody(req);
    if (!isTool && !isTsa && state.faults.config.captivePortal) {
      // the network's login page answers in eHealth's place: nothing reaches eHealth
      const page = Buffer.from(CAPTIVE_PORTAL_PAGE, 'utf8');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': String(page.length),
        'cache-control': 'no-store',
      });
      res.end(page);
      return;
    }
    let requestJson: string | null = null;
    const send = (r: Rendered) => {
      // eHealth's time is the sandbox clock's: the kiosk measures its clock offset from this header
      const headers: Record<string, string> = {
        ...r.headers,
        'x-request-id': requestId,
        date: state.now().toUTCString(),
      };
      if (r.contentType) headers['content-type'] = r.contentType;
      const payload = r.bytes ?? (r.body !== null ? Buffer.from(r.body, 'utf8') : null);
      if (payload) headers['content-length'] = String(payload.length);
      res.writeHead(r.status, headers);
      res.end(payload ?? undefined);
      if (recorder && !isTool && !isTsa) {
        recorder.write({
          method,
          path,
          query: queryObject(url.searchParams),
          status: r.status,
          requestJson,
          responseJson: r.bytes ? null : r.body,
        });
      }
    };
    const fail = (e: ApiError) => send(renderError(e, metaInfo));

    if (faults.error) {
      const e = faults.error;
      const headers = e.status === 500 ? undefined : { 'retry-after': String(e.retryAfterSeconds) };
      fail(
        new ApiError(
          e.status,
          e.status === 429
            ? 'too_many_requests'
            : e.status === 503
              ? 'service_unavailable'
              : 'internal_error',
          e.status === 429
            ? 'Rate limit exceeded'
            : e.status === 503
              ? 'Service temporarily unavailable'
              : 'Internal error',
          undefined,
          headers,
        ),
      );
      return;
    }
    if (raw === 'too-large') return fail(new ApiError(413, 'request_too_large', 'Request body is too large'));

    if (isTsa) {
      const service = isOcsp
        ? {
            impl: state.ocsp,
            name: 'OCSP responder',
            request: 'application/ocsp-request',
            reply: 'application/ocsp-response',
          }
        : {
            impl: state.tsa,
            name: 'Time-stamp authority',
            request: 'application/timestamp-query',
            reply: 'application/timestamp-reply',
          };
      const r = await (async () => {
        if (method !== 'POST') return new ApiError(405, 'not_found', `Use POST with ${service.request}`);
        if (!service.impl) return new ApiError(503, 'service_unavailable', `${service.name} is not ready`);
        return service.impl.respond(new Uint8Array(raw));
      })();
      if (r instanceof ApiError) return fail(r);
      return send({
        status: 200,
        body: null,
        headers: {},
        contentType: service.reply,
        bytes: r,
      });
    }

    let body: unknown = null;
    if (raw.length > 0) {
      const type = header(req, 'content-type') ?? '';
      if (!/^application\/json\b/i.test(type))
        return fail(new ApiError(415, 'content_type_invalid', 'Invalid content type. Use application/json'));
      try {
        body = JSON.parse(raw.toString('utf8'));
        requestJson = raw.toString('utf8');
      } catch {
        return fail(new ApiError(400, 'bad_request', 'Malformed JSON in the request body'));
      }
    }

    const router = isTool ? opts.tools : opts.eHealth;
    const match = router.match(method, path);
    if (!('route' in match)) {
      return fail(
        match.methodMismatch
          ? new ApiError(405, 'method_not_allowed', `Method ${method} is not allowed here`)
          : new ApiError(404, 'not_found', 'Resource not found'),
      );
    }
    const { route, params } = match;

    let user: AuthUser | null = null;
    try {
      if (route.access.kind !== 'none') {
        const apiKey = header(req, 'api-key');
        if (!apiKey) throw new ApiError(401, 'access_denied', 'API-KEY header required');
        if (apiKey !== state.config.apiKey) throw new ApiError(401, 'access_denied', 'Invalid API-KEY');
      }
      if (route.access.kind === 'user') {
        user = authenticate(state.db, header(req, 'authorization'), state.now());
        if (route.access.scope && !user.scope.includes(route.access.scope)) {
          throw new ApiError(
            403,
            'forbidden',
            `Your scope does not allow to access this resource. Missing allowances: ${route.access.scope}`,
          );
        }
        if (route.access.acting) requireCapacity(state.db, user.personId, state.now());
      }
    } catch (e) {
      if (e instanceof ApiError) return fail(e);
      throw e;
    }

    // X-Idempotency-Key: replay, conflict or a fresh record
    if (idempotencyKey) {
      const fp = fingerprintOf(method, `${path}${url.search}`, body, user?.personId ?? '-');
      const begun = idempotency.begin(idempotencyKey, fp, method, path, isoDateTime(state.now()));
      if (begun.kind === 'mismatch')
        return fail(
          new ApiError(
            422,
            'request_malformed',
            'X-Idempotency-Key has already been used with a different request',
          ),
        );
      if (begun.kind === 'in-flight')
        return fail(
          new ApiError(
            409,
            'request_conflict',
            'A request with this X-Idempotency-Key is still being processed',
          ),
        );
      if (begun.kind === 'replay') {
        if (faults.drop !== 'none') return void req.socket.destroy();
        const s = begun.response;
        return send({
          ...s,
          headers: { ...s.headers, 'x-idempotent-replayed': 'true' },
          contentType: s.body === null ? null : 'application/json; charset=utf-8',
          bytes: null,
        });
      }
    }

    let committed: Rendered | null = null;
    const ctx: RequestContext = {
      state,
      method,
      path,
      query: url.searchParams,
      params,
      body,
      headers: req.headers,
      requestId,
      user,
      now: () => state.now(),
      commit(fn) {
        if (faults.drop === 'before-commit') throw new DropBeforeCommit();
        return state.db.transaction(() => {
          const reply = fn();
          const rendered = render(reply, metaInfo);
          state.db
            .prepare(
              'INSERT INTO applied_operations (idempotency_key, method, path, person_id, status, applied_at) VALUES (?, ?, ?, ?, ?, ?)',
            )
            .run(
              idempotencyKey ?? null,
              method,
              path,
              user?.personId ?? null,
              reply.status,
              isoDateTime(state.now()),
            );
          if (idempotencyKey) idempotency.complete(idempotencyKey, rendered, isoDateTime(state.now()));
          committed = rendered;
          return reply;
        })();
      },
    };

    let rendered: Rendered;
    try {
      // a slow server: the request is accepted (and holds its idempotency key) while it waits
      if (!isTool && state.faults.config.latencyMs > 0) await sleep(state.faults.config.latencyMs);
      const reply = await route.handler(ctx);
      rendered = committed ?? render(reply, metaInfo);
    } catch (e) {
      if (e instanceof DropBeforeCommit) {
        if (idempotencyKey) idempotency.abandon(idempotencyKey);
        req.socket.destroy();
        return;
      }
      if (!(e instanceof ApiError)) {
        if (idempotencyKey) idempotency.abandon(idempotencyKey);
        throw e;
      }
      rendered = renderError(e, metaInfo);
    }
    if (idempotencyKey && !committed) {
      // nothing changed: keep the final answer (errors included) for retries with the same key
      if (rendered.status >= 500) idempotency.abandon(idempotencyKey);
      else idempotency.complete(idempotencyKey, rendered, isoDateTime(state.now()));
    }
    if (faults.drop !== 'none') {
      // before-commit on a request that changed nothing, or after-commit: the answer never arrives
      req.socket.destroy();
      return;
    }
    send(rendered);
  }

  return server;
}
