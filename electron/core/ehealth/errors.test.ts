import { describe, expect, it } from 'vitest';
import { isRetryable, mapHttpError, parseRetryAfter } from './errors';
import { errorEnvelope } from './scripted-server.test-support';

const map = (status: number, body: unknown, retryAfter: string | null = null) =>
  mapHttpError(
    status,
    typeof body === 'string' ? body : JSON.stringify(body),
    retryAfter,
    new Date('2026-01-01T00:00:00Z'),
  );

describe('eHealth error mapping', () => {
  it('keeps eHealth error type, message and invalid entries for the registrar', () => {
    const e = map(
      422,
      errorEnvelope(422, 'validation_failed', 'Validation failed.', [
        {
          entry_type: 'json_data_property',
          entry: '$.employee_id',
          rules: [{ rule: 'invalid', description: 'Invalid employee status', params: ['x'] }],
        },
      ]),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.details.retryable).toBe(false);
    expect(e.details.ehealth).toMatchObject({
      status: 422,
      type: 'validation_failed',
      message: 'Validation failed.',
      invalid: [
        {
          entry: '$.employee_id',
          entryType: 'json_data_property',
          rules: [{ rule: 'invalid', description: 'Invalid employee status' }],
        },
      ],
      requestId: 'r-err',
    });
  });

  it.each([
    [401, 'access_denied', 'Invalid access token', 'EHEALTH_UNAUTHORIZED'],
    [403, 'forbidden', 'Access denied', 'EHEALTH_FORBIDDEN'],
    [403, 'forbidden', 'Such person not found', 'PERSON_NOT_FOUND'],
    [404, 'not_found', 'Not found', 'EHEALTH_NOT_FOUND'],
    [409, 'request_conflict', 'Declaration is not active', 'EHEALTH_CONFLICT'],
    [
      422,
      'request_malformed',
      'This doctor has 900 declarations and could not sign more',
      'EHEALTH_REJECTED',
    ],
    [422, 'unverified', 'Person not found', 'PERSON_NOT_FOUND'],
    [403, 'forbidden', 'Invalid verification code', 'SMS_CODE_WRONG'],
    [403, 'forbidden', 'Verification code expired', 'SMS_CODE_EXPIRED'],
    [403, 'forbidden', 'Maximum attempts exceed', 'SMS_ATTEMPTS_EXCEEDED'],
    [415, 'content_type_invalid', 'Invalid content type', 'EHEALTH_REJECTED'],
  ])('%i %s "%s" → %s, not retryable', (status, type, message, code) => {
    const e = map(status, errorEnvelope(status, type, message));
    expect(e.code).toBe(code);
    expect(isRetryable(e)).toBe(false);
  });

  it('treats 5xx and 429 as retryable and reads Retry-After', () => {
    expect(map(500, 'oops').code).toBe('EHEALTH_UNAVAILABLE');
    expect(isRetryable(map(503, ''))).toBe(true);
    const limited = map(429, errorEnvelope(429, 'too_many_requests', 'Rate limit'), '7');
    expect(limited.details).toMatchObject({ retryable: true, status: 429, retryAfterSeconds: 7 });
  });

  it('retries an idempotent replay that is still in flight (409 about the idempotency key)', () => {
    const e = map(
      409,
      errorEnvelope(409, 'request_conflict', 'A request with this idempotency key is in progress'),
    );
    expect(e.details).toMatchObject({ retryable: true, idempotencyInFlight: true });
    expect(
      map(409, errorEnvelope(409, 'request_conflict', 'Declaration is not active')).details.retryable,
    ).toBe(false);
  });

  it('copes with bodies that are not eHealth envelopes', () => {
    const e = map(400, '<html>bad gateway</html>');
    expect(e.code).toBe('EHEALTH_REJECTED');
    expect(e.details.ehealth).toMatchObject({ status: 400, type: null, message: null });
  });

  it('parses Retry-After as seconds or an HTTP date, capped', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('999999', now)).toBe(24 * 3600);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
