import { describe, expect, it } from 'vitest';
import type { Access } from '../router';
import { auth } from './auth';
import { API_KEY, patient, received, replyOf, testFront } from './stages.test-support';

const routed = (access: Access, headers: Record<string, string>) => {
  const x = received('GET', '/api/pis/person', { headers });
  x.route = {
    method: 'GET',
    pattern: '/api/pis/person',
    access,
    handler: () => ({ kind: 'empty', status: 204 }),
  };
  return x;
};

describe('auth', () => {
  it('lets a route without access checks through with no headers at all', () => {
    expect(auth(routed({ kind: 'none' }, {}), testFront())).toBeUndefined();
  });

  it('wants the api-key (401 without it, 401 for another)', () => {
    const front = testFront();
    expect(replyOf(auth(routed({ kind: 'api-key' }, {}), front))).toMatchObject({
      status: 401,
      json: { error: { type: 'access_denied', message: 'API-KEY header required' } },
    });
    expect(replyOf(auth(routed({ kind: 'api-key' }, { 'api-key': 'nope' }), front)).json.error?.message).toBe(
      'Invalid API-KEY',
    );
    expect(auth(routed({ kind: 'api-key' }, { 'api-key': API_KEY }), front)).toBeUndefined();
  });

  it("puts the token's patient on the exchange; 401 without a token, 403 without the scope", () => {
    const front = testFront();
    const { personId, token } = patient(front.db, { scope: 'person:sign_in app:read' });
    const access: Access = { kind: 'user', scope: 'app:read' };
    const x = routed(access, { 'api-key': API_KEY, authorization: `Bearer ${token}` });
    expect(auth(x, front)).toBeUndefined();
    expect(x.user).toMatchObject({ personId, scope: ['person:sign_in', 'app:read'] });
    expect(replyOf(auth(routed(access, { 'api-key': API_KEY }), front))).toMatchObject({
      status: 401,
      json: { error: { message: 'Authorization header required' } },
    });
    const narrow = routed(
      { kind: 'user', scope: 'app:delete' },
      { 'api-key': API_KEY, authorization: `Bearer ${token}` },
    );
    expect(replyOf(auth(narrow, front))).toMatchObject({
      status: 403,
      json: {
        error: {
          type: 'forbidden',
          message: 'Your scope does not allow to access this resource. Missing allowances: app:delete',
        },
      },
    });
  });

  it('checks legal capacity on acting routes only (a 13-year-old reads, never acts)', () => {
    const front = testFront();
    const { token } = patient(front.db, { scope: 'person:sign_in', birthDate: '2013-01-01' });
    const headers = { 'api-key': API_KEY, authorization: `Bearer ${token}` };
    expect(auth(routed({ kind: 'user', scope: 'person:sign_in' }, headers), front)).toBeUndefined();
    expect(replyOf(auth(routed({ kind: 'user', acting: true }, headers), front))).toMatchObject({
      status: 403,
      json: { error: { type: 'forbidden' } },
    });
    const teen = patient(front.db, {
      scope: 'person:sign_in',
      birthDate: '2010-01-01',
      capacity: 'VERIFIED',
    });
    const acting = routed(
      { kind: 'user', acting: true },
      { 'api-key': API_KEY, authorization: `Bearer ${teen.token}` },
    );
    expect(auth(acting, front)).toBeUndefined();
  });
});
