import { describe, expect, it } from 'vitest';
import { parseBrowserHostArgs } from './args';

describe('browser host flags', () => {
  it('default to any free port, opening Chromium, the default data directory', () => {
    expect(parseBrowserHostArgs([])).toEqual({ ok: true, args: { port: 0, open: true, dataDir: null } });
  });

  it('read exactly --port N, --no-open and --data-dir DIR', () => {
    expect(parseBrowserHostArgs(['--port', '8123', '--no-open', '--data-dir', '/tmp/k'])).toEqual({
      ok: true,
      args: { port: 8123, open: false, dataDir: '/tmp/k' },
    });
    expect(parseBrowserHostArgs(['--port=0', '--data-dir=/d'])).toEqual({
      ok: true,
      args: { port: 0, open: true, dataDir: '/d' },
    });
  });

  it.each([
    [['--port']],
    [['--port', 'abc']],
    [['--port', '-1']],
    [['--port', '70000']],
    [['--port', '1.5']],
    [['--data-dir']],
    [['--open']],
    [['--no-open=yes']],
    [['--host', '0.0.0.0']],
    [['serve']],
  ])('refuse %j with a message', (argv) => {
    const r = parseBrowserHostArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
  });
});
