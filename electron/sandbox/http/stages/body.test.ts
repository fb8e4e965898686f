import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonBody, readBody, receive } from './body';
import { arriving, received, replyOf } from './stages.test-support';

const json = { 'content-type': 'application/json' };

describe('receive', () => {
  it('reads the whole body, and past the limit keeps reading but keeps nothing', async () => {
    const x = arriving('POST', '/oauth/nonce', { headers: json, body: '{"a":1}' });
    expect(await receive(x)).toBeUndefined();
    expect(x.raw?.toString()).toBe('{"a":1}');
    const big = Readable.from([Buffer.alloc(6), Buffer.alloc(6)]);
    expect(await readBody(big, 10)).toBe('too-large');
    expect(big.readableEnded).toBe(true);
  });
});

describe('JSON body', () => {
  it('parses JSON and keeps its text for the recorder', () => {
    const x = received('POST', '/oauth/nonce', { headers: json, body: '{"client_id":"c"}' });
    expect(jsonBody(x)).toBeUndefined();
    expect(x.body).toEqual({ client_id: 'c' });
    expect(x.requestJson).toBe('{"client_id":"c"}');
  });

  it('passes an empty body as null', () => {
    const x = received('GET', '/api/pis/person');
    expect(jsonBody(x)).toBeUndefined();
    expect(x.body).toBeNull();
    expect(x.requestJson).toBeNull();
  });

  it('refuses a body over 10 MiB (413), another content type (415), malformed JSON (400)', () => {
    const large = received('POST', '/oauth/nonce');
    large.raw = 'too-large';
    expect(replyOf(jsonBody(large))).toMatchObject({
      status: 413,
      json: { error: { type: 'request_too_large' } },
    });
    const form = received('POST', '/oauth/nonce', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(replyOf(jsonBody(form))).toMatchObject({
      status: 415,
      json: { error: { type: 'content_type_invalid' } },
    });
    const broken = received('POST', '/oauth/nonce', { headers: json, body: '{"a":' });
    expect(replyOf(jsonBody(broken))).toMatchObject({
      status: 400,
      json: { error: { type: 'bad_request' } },
    });
    expect(broken.requestJson).toBeNull();
  });

  it('leaves a trust service its bytes as they came', () => {
    const x = received('POST', '/tsa', {
      headers: { 'content-type': 'application/timestamp-query' },
      body: Buffer.from([0x30, 0x03]),
    });
    expect(jsonBody(x)).toBeUndefined();
    expect(x.body).toBeNull();
    expect(x.raw).toEqual(Buffer.from([0x30, 0x03]));
  });
});
