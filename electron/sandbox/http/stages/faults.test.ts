import { describe, expect, it } from 'vitest';
import { answeredFaults, linkFaults } from './faults';
import { arriving, received, replyOf, testFront } from './stages.test-support';

describe('link faults', () => {
  it('drops an eHealth call unread during an outage, never a tool or the time-stamp service', () => {
    const front = testFront();
    front.state.faults.set({ outage: true });
    expect(linkFaults(arriving('GET', '/api/pis/person'), front)).toEqual({ drop: true });
    expect(linkFaults(arriving('GET', '/sandbox/health'), front)).toBeUndefined();
    expect(linkFaults(arriving('POST', '/tsa'), front)).toBeUndefined();
    expect(linkFaults(arriving('POST', '/ocsp'), front)).toBeUndefined();
  });

  it('drops only /ocsp when the OCSP responder is down', () => {
    const front = testFront();
    front.state.faults.set({ ocspOutage: true });
    expect(linkFaults(arriving('POST', '/ocsp'), front)).toEqual({ drop: true });
    expect(linkFaults(arriving('POST', '/tsa'), front)).toBeUndefined();
    expect(linkFaults(arriving('GET', '/api/pis/person'), front)).toBeUndefined();
  });

  it('rolls the dice for eHealth calls only, once each', () => {
    const rolls = [0.1, 0.1];
    const front = testFront({ random: () => rolls.shift() ?? 1 });
    front.state.faults.set({ errorRate: 0.5, errorStatus: 503, drop: 'after-commit', dropRate: 0.5 });
    const tool = arriving('GET', '/sandbox/health');
    linkFaults(tool, front);
    expect(tool.faults).toEqual({ error: null, drop: 'none' });
    expect(rolls).toHaveLength(2);
    const call = arriving('GET', '/api/pis/person');
    linkFaults(call, front);
    expect(call.faults).toEqual({ error: { status: 503, retryAfterSeconds: 1 }, drop: 'after-commit' });
    expect(rolls).toHaveLength(0);
  });
});

describe('answered faults', () => {
  it("serves a captive portal's login page in eHealth's place, never for tools", () => {
    const front = testFront();
    front.state.faults.set({ captivePortal: true });
    const v = answeredFaults(received('GET', '/api/pis/person'), front);
    if (!v || !('foreign' in v)) throw new Error('expected a foreign page');
    expect(v.foreign.status).toBe(200);
    expect(v.foreign.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(v.foreign.headers['content-length']).toBe(String(v.foreign.body.length));
    expect(v.foreign.body.toString('utf8')).toMatch(/Wi-Fi login/);
    expect(answeredFaults(received('GET', '/sandbox/faults'), front)).toBeUndefined();
  });

  it('answers an injected 429 or 503 with Retry-After and a 500 without', () => {
    const front = testFront();
    const at = (status: 429 | 503 | 500) => {
      const x = received('GET', '/api/pis/person', { headers: { 'x-request-id': 'r-1' } });
      x.faults = { error: { status, retryAfterSeconds: 7 }, drop: 'none' };
      return replyOf(answeredFaults(x, front));
    };
    const limited = at(429);
    expect(limited).toMatchObject({ status: 429, headers: { 'retry-after': '7' } });
    expect(limited.json.error).toEqual({ type: 'too_many_requests', message: 'Rate limit exceeded' });
    expect(limited.json.meta).toMatchObject({ code: 429, request_id: 'r-1' });
    expect(at(503).json.error?.type).toBe('service_unavailable');
    const failed = at(500);
    expect(failed.json.error?.type).toBe('internal_error');
    expect(failed.headers).toEqual({});
  });

  it('lets a call without an injected error through', () => {
    expect(answeredFaults(received('GET', '/api/pis/person'), testFront())).toBeUndefined();
  });
});
