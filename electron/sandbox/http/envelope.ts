import type { ApiError } from '../errors';
import type { StoredResponse } from './idempotency';
import type { Reply } from './reply';

/** An answer ready for the wire: a JSON text or bytes, its status, headers and content type. */
export interface Rendered extends StoredResponse {
  contentType: string | null;
  bytes: Uint8Array | null;
}

/** What every envelope's `meta` repeats of the request. */
export interface EnvelopeMeta {
  url: string;
  requestId: string;
  idempotencyKey?: string;
}

/** Builds the eHealth envelope `{meta, data, paging, urgent}` / `{meta, error}`. */
export function render(reply: Reply, meta: EnvelopeMeta): Rendered {
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

export function renderError(e: ApiError, meta: EnvelopeMeta): Rendered {
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
