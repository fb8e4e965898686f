import { describe, expect, it } from 'vitest';
import { ok } from '../reply';
import { route } from './route';
import { received, replyOf, testFront } from './stages.test-support';

const routes = () =>
  testFront({
    eHealth: [
      { method: 'GET', pattern: '/api/pis/apps/:id', access: { kind: 'api-key' }, handler: () => ok(1) },
    ],
    tools: [{ method: 'GET', pattern: '/sandbox/health', access: { kind: 'none' }, handler: () => ok(2) }],
  });

describe('route', () => {
  it("finds eHealth's routes and the tools' each in their own router, with the path's parameters", () => {
    const front = routes();
    const app = received('GET', '/api/pis/apps/a%20b');
    expect(route(app, front)).toBeUndefined();
    expect(app.route?.pattern).toBe('/api/pis/apps/:id');
    expect(app.params).toEqual({ id: 'a b' });
    const tool = received('GET', '/sandbox/health');
    expect(route(tool, front)).toBeUndefined();
    expect(tool.route?.pattern).toBe('/sandbox/health');
    // a tool's path is not eHealth's
    expect(replyOf(route(received('GET', '/api/sandbox/health'), front)).status).toBe(404);
  });

  it('answers 405 for a known path with another method, 404 for an unknown one', () => {
    const front = routes();
    expect(replyOf(route(received('DELETE', '/api/pis/apps/x'), front))).toMatchObject({
      status: 405,
      json: { error: { type: 'method_not_allowed', message: 'Method DELETE is not allowed here' } },
    });
    expect(replyOf(route(received('GET', '/sandbox/nothing'), front))).toMatchObject({
      status: 404,
      json: { error: { type: 'not_found', message: 'Resource not found' } },
    });
  });

  it('routes /tsa and /ocsp to their service: POST only, 503 until the PKI is ready, bytes in and out', async () => {
    const front = routes();
    const call = async (method: string, path: string) => {
      const x = received(method, path, { body: Buffer.from([1, 2, 3]) });
      expect(route(x, front)).toBeUndefined();
      if (!x.route) throw new Error('no route');
      expect(x.route.access).toEqual({ kind: 'none' });
      return x.route.handler({} as never);
    };
    await expect(call('GET', '/tsa')).rejects.toMatchObject({
      status: 405,
      type: 'not_found',
      message: 'Use POST with application/timestamp-query',
    });
    await expect(call('POST', '/ocsp')).rejects.toMatchObject({
      status: 503,
      message: 'OCSP responder is not ready',
    });
    front.state.ocsp = { respond: (req) => Uint8Array.from([...req].reverse()) };
    expect(await call('POST', '/ocsp')).toEqual({
      kind: 'bytes',
      status: 200,
      body: Uint8Array.from([3, 2, 1]),
      contentType: 'application/ocsp-response',
    });
  });
});
