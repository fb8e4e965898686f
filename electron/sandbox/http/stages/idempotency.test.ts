import { describe, expect, it } from 'vitest';
import { render } from '../envelope';
import { idempotency } from './idempotency';
import { received, replyOf, testFront } from './stages.test-support';

const change = (key: string | null, body: string) =>
  received('PATCH', '/api/pis/declarations/d-1/actions/terminate', {
    headers: { 'content-type': 'application/json', ...(key ? { 'x-idempotency-key': key } : {}) },
    body,
  });
const parsed = (key: string | null, body: object) => {
  const x = change(key, JSON.stringify(body));
  x.body = body;
  return x;
};

describe('idempotency', () => {
  it('passes a change without a key, and a GET even with one', () => {
    const front = testFront();
    expect(idempotency(parsed(null, { a: 1 }), front)).toBeUndefined();
    const read = received('GET', '/api/pis/person', { headers: { 'x-idempotency-key': 'k' } });
    expect(read.idempotencyKey).toBeUndefined();
    expect(idempotency(read, front)).toBeUndefined();
  });

  it('opens a record for a new key; while it runs the same key is 409, with another body 422', () => {
    const front = testFront();
    expect(idempotency(parsed('k-1', { a: 1 }), front)).toBeUndefined();
    expect(replyOf(idempotency(parsed('k-1', { a: 1 }), front))).toMatchObject({
      status: 409,
      json: {
        meta: { idempotency_key: 'k-1' },
        error: {
          type: 'request_conflict',
          message: 'A request with this X-Idempotency-Key is still being processed',
        },
      },
    });
    expect(replyOf(idempotency(parsed('k-1', { a: 2 }), front))).toMatchObject({
      status: 422,
      json: { error: { type: 'request_malformed' } },
    });
  });

  it('answers a finished key from its record, marked replayed; a drop fault drops the replay too', () => {
    const front = testFront();
    const first = parsed('k-2', { b: 1 });
    expect(idempotency(first, front)).toBeUndefined();
    const answer = render({ kind: 'json', status: 200, data: { ok: true } }, first.meta);
    front.idempotency.complete('k-2', answer, '2026-03-02T08:00:00.000Z');
    const again = idempotency(parsed('k-2', { b: 1 }), front);
    if (!again || !('reply' in again)) throw new Error('expected a replay');
    expect(again.reply).toEqual({
      status: 200,
      body: answer.body,
      headers: { 'x-idempotent-replayed': 'true' },
      contentType: 'application/json; charset=utf-8',
      bytes: null,
    });
    const dropped = parsed('k-2', { b: 1 });
    dropped.faults = { error: null, drop: 'after-commit' };
    expect(idempotency(dropped, front)).toEqual({ drop: true });
  });
});
