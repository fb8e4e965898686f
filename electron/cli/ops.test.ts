import { describe, expect, it } from 'vitest';
import { opsArguments } from './ops';

describe('ops mode of the packaged kiosk', () => {
  it('passes everything after --ops to the CLI, and nothing without it', () => {
    expect(opsArguments(['/opt/Kabinet Kiosk/kabinet-kiosk', '--ops', 'status', '--json'])).toEqual([
      'status',
      '--json',
    ]);
    expect(
      opsArguments(['kabinet-kiosk', '--no-sandbox', '--ops', 'outbox', 'list', '--data-dir', '/d']),
    ).toEqual(['outbox', 'list', '--data-dir', '/d']);
    expect(opsArguments(['kabinet-kiosk', '--ops'])).toEqual([]);
    expect(opsArguments(['kabinet-kiosk', '--data-dir', '/d'])).toBeNull();
  });
});
