import { describe, expect, it } from 'vitest';
import { decide, STAGES } from '../pipeline';
import { ok } from '../reply';
import { API_KEY, arriving, replyOf, testFront } from './stages.test-support';

const front = () =>
  testFront({
    eHealth: [
      {
        method: 'POST',
        pattern: '/api/pis/things',
        access: { kind: 'api-key' },
        handler: () => ok({ done: true }),
      },
    ],
  });

describe('the front in order', () => {
  it('runs faults, body, storage uploads, route, auth, idempotency and the handler in that order', () => {
    expect(STAGES.map((s) => s.name)).toEqual([
      'linkFaults',
      'receive',
      'answeredFaults',
      'storage',
      'jsonBody',
      'route',
      'auth',
      'idempotency',
      'handler',
    ]);
  });

  it('gives each request the first stage that decides', async () => {
    const f = front();
    const good = { 'content-type': 'application/json', 'api-key': API_KEY };
    // everything in order: the handler answers
    expect(
      replyOf(await decide(arriving('POST', '/api/pis/things', { headers: good, body: '{}' }), f)),
    ).toMatchObject({
      status: 200,
      json: { data: { done: true } },
    });
    // a body that is not JSON on an unknown path without an api-key: the body is refused first
    const broken = arriving('POST', '/api/pis/nothing', {
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(replyOf(await decide(broken, f)).status).toBe(415);
    // an unknown path without an api-key: 404 before 401
    expect(replyOf(await decide(arriving('POST', '/api/pis/nothing'), f)).status).toBe(404);
    expect(replyOf(await decide(arriving('POST', '/api/pis/things'), f)).status).toBe(401);
    // an injected error comes before everything the request itself gets wrong
    f.state.faults.set({ errorRate: 1, errorStatus: 429 });
    expect(replyOf(await decide(arriving('POST', '/api/pis/nothing', { body: 'x' }), f)).status).toBe(429);
    // and an outage drops it before its body is read
    f.state.faults.set({ outage: true });
    const unread = arriving('POST', '/api/pis/things', { headers: good, body: '{}' });
    expect(await decide(unread, f)).toEqual({ drop: true });
    expect(unread.raw).toBeNull();
  });
});
