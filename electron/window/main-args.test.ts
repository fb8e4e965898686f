import { describe, expect, it } from 'vitest';
import { parseMainArgs } from './main-args';

describe('main flags', () => {
  it('defaults to production settings', () => {
    expect(parseMainArgs(['dist-electron/main.cjs'])).toEqual({
      devTools: false,
      training: false,
      dataDir: null,
    });
  });
  it('reads --kiosk-dev, --training and --data-dir among Chromium switches', () => {
    expect(
      parseMainArgs(['main.cjs', '--no-sandbox', '--kiosk-dev', '--training', '--data-dir', '/tmp/k']),
    ).toEqual({
      devTools: true,
      training: true,
      dataDir: '/tmp/k',
    });
    expect(parseMainArgs(['--data-dir=/d']).dataDir).toBe('/d');
    expect(parseMainArgs(['--data-dir', '--training'])).toEqual({
      devTools: false,
      training: true,
      dataDir: null,
    });
  });
});
