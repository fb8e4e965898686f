import { describe, expect, it } from 'vitest';
import { Faults, FaultConfigError, parseFaults } from '../faults';
import { ApiError } from '../errors';
import { canonicalJson, fingerprintOf } from './idempotency';
import { Router } from './router';
import { render, renderError } from './envelope';
import { jsonPath, pageOf, paging } from './validate';

describe('router', () => {
  const handler = () => ({ kind: 'empty' as const, status: 204 });
  const r = new Router().add(
    { method: 'GET', pattern: '/api/pis/apps/:id', access: { kind: 'none' }, handler },
    { method: 'GET', pattern: '/api/pis/apps/special', access: { kind: 'none' }, handler },
  );

  it('prefers literal segments, decodes parameters, tells a wrong method from an unknown path', () => {
    const lit = r.match('GET', '/api/pis/apps/special');
    expect('route' in lit && lit.route.pattern).toBe('/api/pis/apps/special');
    const param = r.match('GET', '/api/pis/apps/a%20b');
    expect('route' in param && param.params).toEqual({ id: 'a b' });
    expect(r.match('POST', '/api/pis/apps/x')).toEqual({ methodMismatch: true });
    expect(r.match('GET', '/api/pis/nothing')).toEqual({ methodMismatch: false });
  });
});

describe('envelopes', () => {
  const meta = { url: 'http://127.0.0.1/x', requestId: 'r1' };
  it('wraps data with meta, paging and urgent', () => {
    const out = render(
      {
        kind: 'json',
        status: 200,
        data: [1],
        paging: { page_number: 1, page_size: 50, total_entries: 1, total_pages: 1 },
        urgent: { a: 1 },
      },
      meta,
    );
    expect(JSON.parse(out.body as string)).toEqual({
      meta: { code: 200, url: 'http://127.0.0.1/x', type: 'list', request_id: 'r1' },
      data: [1],
      paging: { page_number: 1, page_size: 50, total_entries: 1, total_pages: 1 },
      urgent: { a: 1 },
    });
    const raw = render(
      { kind: 'raw-list', status: 200, items: ['{"id":1}', '{"id":2}'], meta: { date: 'd' } },
      { ...meta, idempotencyKey: 'k' },
    );
    expect(JSON.parse(raw.body as string)).toEqual({
      meta: {
        code: 200,
        url: 'http://127.0.0.1/x',
        type: 'list',
        request_id: 'r1',
        idempotency_key: 'k',
        date: 'd',
      },
      data: [{ id: 1 }, { id: 2 }],
    });
  });

  it('renders errors with invalid entries only when there are some', () => {
    const e = renderError(new ApiError(409, 'request_conflict', 'no'), meta);
    expect(JSON.parse(e.body as string)).toEqual({
      meta: { code: 409, url: 'http://127.0.0.1/x', type: 'object', request_id: 'r1' },
      error: { type: 'request_conflict', message: 'no' },
    });
  });
});

describe('idempotency fingerprints', () => {
  it('ignore key order and whitespace but not values', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(fingerprintOf('PATCH', '/x', { a: 1, b: 2 }, 'p')).toBe(
      fingerprintOf('PATCH', '/x', { b: 2, a: 1 }, 'p'),
    );
    expect(fingerprintOf('PATCH', '/x', { a: 1 }, 'p')).not.toBe(fingerprintOf('PATCH', '/x', { a: 2 }, 'p'));
    expect(fingerprintOf('PATCH', '/x', { a: 1 }, 'p')).not.toBe(fingerprintOf('PATCH', '/x', { a: 1 }, 'q'));
  });
});

describe('paging and paths', () => {
  it('computes pages and eHealth JSON paths', () => {
    const page = pageOf(new URLSearchParams('page=3&page_size=20'), { size: 50, max: 300 });
    expect(page).toEqual({ number: 3, size: 20, offset: 40 });
    expect(paging(page, 41)).toEqual({ page_number: 3, page_size: 20, total_entries: 41, total_pages: 3 });
    expect(paging(page, 0).total_pages).toBe(1);
    expect(() => pageOf(new URLSearchParams('page=0'), { size: 50, max: 300 })).toThrow(ApiError);
    expect(jsonPath(['person', 'documents', 0, 'type'])).toBe('$.person.documents.[0].type');
  });
});

describe('faults', () => {
  it('validates settings and rolls the dice with the given random source', () => {
    expect(() => parseFaults({ errorRate: -0.1 })).toThrow(FaultConfigError);
    expect(() => parseFaults({ surprise: true })).toThrow(/unknown fault setting/);
    const rolls = [0.1, 0.9];
    const f = new Faults(() => rolls.shift() ?? 0);
    f.set({ errorRate: 0.5, errorStatus: 429, drop: 'after-commit', dropRate: 0.5 });
    expect(f.decide()).toEqual({ error: { status: 429, retryAfterSeconds: 1 }, drop: 'none' });
    f.reset();
    expect(f.decide()).toEqual({ error: null, drop: 'none' });
  });
});
