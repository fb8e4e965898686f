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
});
