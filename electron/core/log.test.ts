import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from './log';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, log: createLogger({ destination, level: 'debug' }) };
}

describe('log scrubbing', () => {
  it('removes personal fields at any depth and personal patterns from messages', () => {
    const { lines, log } = capture();
    log.info(
      {
        op: 'declaration.sign',
        person: { first_name: 'Олена' },
        nested: { deeper: { tax_id: '3184710691', phone: '+380501234567' } },
      },
      'signed for 3184710691 (+380501234567), mail olena@example.com, Bearer abc.def',
    );
    const out = lines.join('');
    for (const secret of ['Олена', '3184710691', '+380501234567', 'olena@example.com', 'abc.def'])
      expect(out).not.toContain(secret);
    expect(out).toContain('declaration.sign');
  });

  it('keeps operational values', () => {
    expect(scrub({ state: 'sending', attempts: 3, code: 'x' })).toEqual({
      state: 'sending',
      attempts: 3,
      code: '[redacted]',
    });
    expect(scrub(['ok', 42])).toEqual(['ok', 42]);
  });

  it('keeps error codes (they are not personal data) while personal values around them are scrubbed', () => {
    const { lines, log } = capture();
    const cause = Object.assign(new Error('connect failed for 3184710691 at +380501234567'), {
      code: 'ECONNRESET',
    });
    log.error(
      {
        err: cause,
        code: 'EHEALTH_UNAVAILABLE',
        error: { code: 'CERT_REVOKED', message: 'refused for 3184710691', details: { taxId: '3184710691' } },
        stored: { code: 'SQLITE_FULL' },
        person: { first_name: 'Олена', last_name: 'Ковальчук' },
        tokens: { refresh_token: 'rt-secret-1', accessToken: 'at-secret-2' },
        sms: { code: '482913' },
        other: { code: 'Ковальчук' },
      },
      'delivery failed, Bearer at-secret-3',
    );
    const line = JSON.parse(lines.join('')) as {
      code: string;
      err: { code: string };
      error: { code: string };
      stored: { code: string };
      sms: { code: string };
      other: { code: string };
    };
    expect(line.code).toBe('EHEALTH_UNAVAILABLE');
    expect(line.err.code).toBe('ECONNRESET');
    expect(line.error.code).toBe('CERT_REVOKED');
    expect(line.stored.code).toBe('SQLITE_FULL');
    // a code that is not an error code (an SMS code, a name) is still personal
    expect(line.sms.code).toBe('[redacted]');
    expect(line.other.code).toBe('[redacted]');
    const out = lines.join('');
    for (const secret of [
      'Олена',
      'Ковальчук',
      '3184710691',
      '+380501234567',
      '482913',
      'rt-secret-1',
      'at-secret-2',
      'at-secret-3',
    ])
      expect(out).not.toContain(secret);
  });
});
