import { ApiError } from '../../errors';
import { isoDateTime } from '../../time';
import { renderError } from '../envelope';
import { DROP, type Exchange, type Front, type Verdict } from '../exchange';
import { fingerprintOf } from '../idempotency';

/**
 * `X-Idempotency-Key` on a change: the first request with a key opens its record; the same key with
 * another request is 422, while the first still runs 409; a finished one is answered again from its
 * record (`x-idempotent-replayed: true`) — unless the fault plan drops this answer too.
 */
export function idempotency(x: Exchange, { state, idempotency: records }: Front): Verdict {
  const key = x.idempotencyKey;
  if (!key) return undefined;
  const path = x.url.pathname;
  const fp = fingerprintOf(x.method, `${path}${x.url.search}`, x.body, x.user?.personId ?? '-');
  const begun = records.begin(key, fp, x.method, path, isoDateTime(state.now()));
  switch (begun.kind) {
    case 'new':
      return undefined;
    case 'mismatch':
      return {
        reply: renderError(
          new ApiError(
            422,
            'request_malformed',
            'X-Idempotency-Key has already been used with a different request',
          ),
          x.meta,
        ),
      };
    case 'in-flight':
      return {
        reply: renderError(
          new ApiError(
            409,
            'request_conflict',
            'A request with this X-Idempotency-Key is still being processed',
          ),
          x.meta,
        ),
      };
    case 'replay': {
      if (x.faults.drop !== 'none') return DROP;
      const s = begun.response;
      return {
        reply: {
          ...s,
          headers: { ...s.headers, 'x-idempotent-replayed': 'true' },
          contentType: s.body === null ? null : 'application/json; charset=utf-8',
          bytes: null,
        },
      };
    }
  }
}
