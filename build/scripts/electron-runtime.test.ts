import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronRuntime } from './electron-runtime';

const root = mkdtempSync(join(tmpdir(), 'kiosk-electron-runtime-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, opts: { pkg?: boolean; pathTxt?: string; binary?: string } = {}): string {
  const dir = join(root, name);
  const pkg = join(dir, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  if (opts.pkg !== false) writeFileSync(join(pkg, 'package.json'), '{"name":"electron"}');
  if (opts.pathTxt !== undefined) writeFileSync(join(pkg, 'path.txt'), opts.pathTxt);
  if (opts.binary) {
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'dist', opts.binary), '#!/bin/sh\n');
    chmodSync(join(pkg, 'dist', opts.binary), 0o755);
  }
  return dir;
}

describe('finding the Electron runtime', () => {
  it('reports a package without its binary, with the reason', () => {
    const r = findElectronRuntime(project('no-binary'), {});
    expect(r.found).toBe(false);
    if (!r.found) expect(r.reason).toContain('without its binary');
    const none = findElectronRuntime(project('no-package', { pkg: false }), {});
    expect(none.found).toBe(false);
    if (!none.found) expect(none.reason).toContain('not installed');
  });

  it('finds the downloaded binary through path.txt', () => {
    const dir = project('installed', { pathTxt: 'electron', binary: 'electron' });
    expect(findElectronRuntime(dir, {})).toEqual({
      found: true,
      executable: join(dir, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });

  it('honours KIOSK_ELECTRON, and says when it points nowhere', () => {
    const dir = project('override', { pathTxt: 'electron', binary: 'electron' });
    const exe = join(dir, 'node_modules', 'electron', 'dist', 'electron');
    expect(findElectronRuntime(root, { KIOSK_ELECTRON: exe })).toEqual({ found: true, executable: exe });
    const missing = findElectronRuntime(dir, { KIOSK_ELECTRON: join(root, 'nope') });
    expect(missing.found).toBe(false);
  });
});

describe('npm start without an Electron runtime', () => {
  it('explains, names the browser-host alternative and exits 1 without building', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'build/scripts/start-electron.ts'], {
      env: { ...process.env, KIOSK_ELECTRON: join(root, 'no-such-electron') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm start needs the Electron runtime');
    expect(r.stderr).toContain('npm run start:browser');
    expect(r.stdout).not.toContain('vite');
  });
});
