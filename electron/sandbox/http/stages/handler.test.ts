import { describe, expect, it } from 'vitest';
import { conflict } from '../../errors';
import type { RequestContext } from '../context';
import type { Exchange } from '../exchange';
import type { Reply } from '../reply';
import { handler } from './handler';
import { idempotency } from './idempotency';
import { received, replyOf, testFront, type TestFront } from './stages.test-support';

const applied = (front: TestFront) =>
  front.db.prepare('SELECT idempotency_key, method, path, status FROM applied_operations').all();
const record = (front: TestFront, key: string) =>
  front.db.prepare('SELECT state, status FROM idempotency WHERE key = ?').get(key);

/** A change routed to `run`, its idempotency record opened as the stage before does. */
function change(front: TestFront, run: (ctx: RequestContext) => Reply, key: string | null = 'k-1'): Exchange {
  const x = received('POST', '/api/pis/things', {
    headers: { 'content-type': 'application/json', ...(key ? { 'x-idempotency-key': key } : {}) },
    body: '{}',
  });
  x.body = {};
  x.route = { method: 'POST', pattern: '/api/pis/things', access: { kind: 'none' }, handler: run };
  expect(idempotency(x, front)).toBeUndefined();
  return x;
}
const commitCreated = (ctx: RequestContext) =>
  ctx.commit(() => ({ kind: 'json', status: 201, data: { id: 1 } }));

describe('handler', () => {
  it('commits a change with its applied-operations entry and its idempotency record', async () => {
    const front = testFront();
    const v = replyOf(await handler(change(front, commitCreated), front));
    expect(v).toMatchObject({ status: 201, json: { data: { id: 1 }, meta: { idempotency_key: 'k-1' } } });
    expect(applied(front)).toEqual([
      { idempotency_key: 'k-1', method: 'POST', path: '/api/pis/things', status: 201 },
    ]);
    expect(record(front, 'k-1')).toEqual({ state: 'completed', status: 201 });
  });

  it('keeps a refusal under its key; a 5xx frees the key instead', async () => {
    const front = testFront();
    const refused = await handler(
      change(front, () => {
        throw conflict('no');
      }),
      front,
    );
    expect(replyOf(refused)).toMatchObject({ status: 409, json: { error: { type: 'request_conflict' } } });
    expect(record(front, 'k-1')).toEqual({ state: 'completed', status: 409 });
    const failed = await handler(
      change(front, () => ({ kind: 'empty', status: 503 }), 'k-2'),
      front,
    );
    expect(replyOf(failed).status).toBe(503);
    expect(record(front, 'k-2')).toBeUndefined();
    expect(applied(front)).toEqual([]);
  });

  it('drops before the commit: nothing applied, the key free for the retry', async () => {
    const front = testFront();
    const x = change(front, commitCreated);
    x.faults = { error: null, drop: 'before-commit' };
    expect(await handler(x, front)).toEqual({ drop: true });
    expect(applied(front)).toEqual([]);
    expect(record(front, 'k-1')).toBeUndefined();
  });

  it('drops after the commit: the change and its answer are kept for the retry', async () => {
    const front = testFront();
    const x = change(front, commitCreated);
    x.faults = { error: null, drop: 'after-commit' };
    expect(await handler(x, front)).toEqual({ drop: true });
    expect(applied(front)).toHaveLength(1);
    expect(record(front, 'k-1')).toEqual({ state: 'completed', status: 201 });
  });

  it('frees the key and throws what is not an eHealth error (the server answers 500)', async () => {
    const front = testFront();
    const x = change(front, () => {
      throw new Error('bug');
    });
    await expect(handler(x, front)).rejects.toThrow('bug');
    expect(record(front, 'k-1')).toBeUndefined();
  });

  it('answers a read without a key from its reply', async () => {
    const front = testFront();
    const x = change(front, () => ({ kind: 'json', status: 200, data: [1, 2] }), null);
    expect(replyOf(await handler(x, front))).toMatchObject({
      status: 200,
      json: { data: [1, 2], meta: { type: 'list' } },
    });
    expect(applied(front)).toEqual([]);
  });
});
