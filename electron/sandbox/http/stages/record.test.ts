import { describe, expect, it } from 'vitest';
import { render } from '../envelope';
import type { Verdict } from '../exchange';
import { record, type Outgoing } from './record';
import { NOW, received, testFront } from './stages.test-support';

function wire() {
  const sent: { status: number; headers: Record<string, string>; body: string | null }[] = [];
  let dropped = 0;
  const out: Outgoing = {
    send: (status, headers, body) =>
      void sent.push({ status, headers, body: body ? Buffer.from(body).toString() : null }),
    drop: () => void (dropped += 1),
  };
  return { out, sent, dropped: () => dropped };
}

describe('record', () => {
  it("sends the sandbox's answer with X-Request-ID, a Date on the sandbox clock, type and length, and records it", () => {
    const front = testFront();
    const x = received('GET', '/api/pis/apps?page=2&status=a&status=b', {
      headers: { 'x-request-id': 'trace-1' },
    });
    x.requestJson = null;
    const reply = render({ kind: 'json', status: 200, data: { a: 1 } }, x.meta);
    const w = wire();
    record(x, { reply }, w.out, front);
    expect(w.sent).toEqual([
      {
        status: 200,
        headers: {
          'x-request-id': 'trace-1',
          date: NOW.toUTCString(),
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(reply.body ?? '')),
        },
        body: reply.body,
      },
    ]);
    expect(front.recorded).toEqual([
      {
        method: 'GET',
        path: '/api/pis/apps',
        query: { page: '2', status: ['a', 'b'] },
        status: 200,
        requestJson: null,
        responseJson: reply.body,
      },
    ]);
  });

  it('records neither tools nor trust services, nor bytes as JSON', () => {
    const front = testFront();
    const w = wire();
    const tool = received('GET', '/sandbox/health');
    record(tool, { reply: render({ kind: 'json', status: 200, data: {} }, tool.meta) }, w.out, front);
    const tsa = received('POST', '/tsa');
    const bytes = render(
      { kind: 'bytes', status: 200, body: Uint8Array.from([1]), contentType: 'x/y' },
      tsa.meta,
    );
    record(tsa, { reply: bytes }, w.out, front);
    expect(w.sent[1]?.headers).toMatchObject({ 'content-type': 'x/y', 'content-length': '1' });
    expect(front.recorded).toEqual([]);
    const bulk = received('GET', '/api/pis/bulk/x');
    record(bulk, { reply: bytes }, w.out, front);
    expect(front.recorded[0]?.responseJson).toBeNull();
  });

  it('sends a foreign page as it is and unrecorded; drops a dropped one; refuses no verdict', () => {
    const front = testFront();
    const w = wire();
    const x = received('GET', '/api/pis/person');
    const foreign: Verdict = {
      foreign: { status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from('<p>') },
    };
    record(x, foreign, w.out, front);
    expect(w.sent).toEqual([{ status: 200, headers: { 'content-type': 'text/html' }, body: '<p>' }]);
    record(x, { drop: true }, w.out, front);
    expect(w.dropped()).toBe(1);
    expect(front.recorded).toEqual([]);
    expect(() => record(x, undefined, w.out, front)).toThrow(/no stage answered/);
  });
});
