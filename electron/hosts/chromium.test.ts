import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/log';
import { chromiumArgs, chromiumExecutable, LAUNCH_PAGE_FILE, launchPage, openChromiumApp } from './chromium';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-chromium-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in browser: records its arguments, then waits to be terminated (or exits with a code). */
function fakeBrowser(name: string, behaviour: 'wait' | 'exit3'): string {
  const file = join(dir, name);
  const argsFile = join(dir, `${name}.args`);
  writeFileSync(
    file,
    `#!/bin/sh\ntrap "exit 0" TERM\nprintf '%s\\n' "$@" > '${argsFile}.tmp' && mv '${argsFile}.tmp' '${argsFile}'\n${behaviour === 'wait' ? 'while true; do sleep 0.05; done' : 'exit 3'}\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

describe('Chromium app window', () => {
  it('uses the kiosk app flags, a fresh profile and the closed-network flags', () => {
    const args = chromiumArgs('file:///tmp/p/kiosk-launch.html', '/tmp/p', { root: false });
    expect(args).toEqual(
      expect.arrayContaining([
        '--app=file:///tmp/p/kiosk-launch.html',
        '--kiosk',
        '--window-position=0,0',
        '--window-size=1280,800',
        '--user-data-dir=/tmp/p',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
    expect(chromiumArgs('u', 'p', { root: true })).toContain('--no-sandbox');
  });

  it('forwards from the launch page to the URL, escaped as an attribute', () => {
    expect(launchPage('http://127.0.0.1:9/#code=a"b<c>&d')).toContain(
      '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/#code=a&quot;b&lt;c&gt;&amp;d">',
    );
  });

  it('defaults to Debian Chromium, overridable with KIOSK_CHROMIUM', () => {
    expect(chromiumExecutable({})).toBe('/usr/bin/chromium');
    expect(chromiumExecutable({ KIOSK_CHROMIUM: '/opt/c' })).toBe('/opt/c');
  });

  it('starts the browser and, on close, stops it and removes its profile', async () => {
    const exe = fakeBrowser('browser-wait', 'wait');
    const w = openChromiumApp('http://127.0.0.1:9/#code=launch-secret', {
      log: silentLogger(),
      executable: exe,
      tempDir: dir,
    });
    const argsFile = `${exe}.args`;
    for (let i = 0; i < 200 && !existsSync(argsFile); i++) await new Promise((r) => setTimeout(r, 10));
    const args = readFileSync(argsFile, 'utf8').trim().split('\n');
    const profile =
      args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length) ?? '';
    expect(profile.startsWith(join(dir, 'chromium-'))).toBe(true);
    expect(existsSync(profile)).toBe(true);
    // the command line (readable by every user) names the launch page, never the code
    expect(args.join(' ')).not.toContain('launch-secret');
    expect(args).toContain(`--app=file://${join(profile, LAUNCH_PAGE_FILE)}`);
    expect(readFileSync(join(profile, LAUNCH_PAGE_FILE), 'utf8')).toBe(
      launchPage('http://127.0.0.1:9/#code=launch-secret'),
    );
    const prefs = JSON.parse(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8'));
    expect(prefs.translate).toEqual({ enabled: false });
    await w.close();
    expect(await w.exited).toBe(0);
    expect(existsSync(profile)).toBe(false);
  });

  it('reports a browser that exits or cannot start', async () => {
    const failing = openChromiumApp('http://x/', {
      log: silentLogger(),
      executable: fakeBrowser('browser-exit', 'exit3'),
      tempDir: dir,
    });
    expect(await failing.exited).toBe(3);
    const missing = openChromiumApp('http://x/', {
      log: silentLogger(),
      executable: join(dir, 'no-such-browser'),
      tempDir: dir,
    });
    expect(await missing.exited).toBeNull();
    await missing.close();
  });
});
