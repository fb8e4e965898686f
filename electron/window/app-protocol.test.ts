import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from 'electron';
import { electronMock, fakeOf, protocol as fakeProtocol, type FakeSession } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { APP_SCHEME, createAppRequestHandler, registerAppScheme, serveAppProtocol } from './app-protocol';

vi.mock('electron', () => import('../../test/mocks/electron'));

let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Кабінет</title>');
  writeFileSync(join(root, 'assets', 'main.js'), 'export {}');
  writeFileSync(join(base, 'passwd'), 'root:x:0:0');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => electronMock.reset());

const handler = () => createAppRequestHandler({ rootDir: root, log: silentLogger() });
const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme without CSP bypass', () => {
    registerAppScheme();
    expect(fakeProtocol.privileged).toEqual([APP_SCHEME]);
    const p = APP_SCHEME.privileges ?? {};
    expect(p.standard).toBe(true);
    expect(p.secure).toBe(true);
    expect(p.bypassCSP).toBeFalsy();
    expect(p.allowServiceWorkers).toBeFalsy();
  });

  it('serves the renderer with a strict CSP on every response', async () => {
    const res = await get('app://kiosk/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Кабінет');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self'");
    const js = await get('app://kiosk/assets/main.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const missing = await get('app://kiosk/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(csp);
  });

  it('answers GET and HEAD only', async () => {
    const head = await get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const m of ['POST', 'PUT', 'DELETE', 'PATCH'])
      expect((await get('app://kiosk/index.html', m)).status).toBe(405);
  });

  it('refuses other hosts', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://kiosk.evil/index.html',
      'app://kiosk:8080/index.html',
      'app://kiosk./index.html',
    ])
      expect((await get(url)).status, url).toBe(403);
  });

  it.each([
    'app://kiosk/..%2fpasswd',
    'app://kiosk/..%2F..%2Fpasswd',
    'app://kiosk/assets/..%2f..%2fpasswd',
    'app://kiosk/%2e%2e%2fpasswd',
    'app://kiosk/..%5cpasswd',
    'app://kiosk/assets\\..\\..\\passwd',
    'app://kiosk//etc/passwd',
    'app://kiosk/%2fetc%2fpasswd',
    'app://kiosk/index.html%00.png',
  ])('refuses traversal %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('root:x');
  });

  it('is served per session', () => {
    const ses = session.fromPartition('kiosk-test');
    serveAppProtocol(ses, { rootDir: root, log: silentLogger() });
    expect(fakeOf<FakeSession>(ses).protocol.handled.has('app')).toBe(true);
  });
});
