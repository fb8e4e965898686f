import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath, serveStatic } from './static-files';

let base: string;
let root: string;
const headers = { 'Content-Security-Policy': "default-src 'none'" };

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-static-'));
  root = join(base, 'site');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, '.secret'), 'hidden');
  writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET-OUTSIDE');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = (path: string, method = 'GET') => serveStatic(method, path, { rootDir: root, headers });

describe('resolveStaticPath', () => {
  it('maps / and directories to index.html', () => {
    expect(resolveStaticPath('/')).toEqual({ ok: true, relativePath: 'index.html' });
    expect(resolveStaticPath('/assets/')).toEqual({ ok: true, relativePath: 'assets/index.html' });
    expect(resolveStaticPath('/assets/app.js?v=1')).toEqual({ ok: true, relativePath: 'assets/app.js' });
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/index.html%00.js',
    '/index.html\0',
    '/%E0%A4%A',
    'index.html',
    '/./index.html',
  ])('refuses %j', (p) => {
    expect(resolveStaticPath(p).ok).toBe(false);
  });
});

describe('serveStatic', () => {
  it('serves files with the security headers and a content type', async () => {
    const r = await serve('/');
    expect(r.status).toBe(200);
    expect(r.body?.toString()).toContain('<title>kiosk</title>');
    expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(r.headers['Content-Security-Policy']).toBe(headers['Content-Security-Policy']);
    const js = await serve('/assets/app.js');
    expect(js.headers['Content-Type']).toMatch(/^text\/javascript/);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await serve('/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(Number(head.headers['Content-Length'])).toBeGreaterThan(0);
    for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']) {
      const r = await serve('/index.html', m);
      expect(r.status).toBe(405);
      expect(r.headers.Allow).toBe('GET, HEAD');
    }
  });

  it.each([
    ['/../secret.txt', 403],
    ['/..%2fsecret.txt', 403],
    ['/assets/..%2f..%2fsecret.txt', 403],
    ['/..%5csecret.txt', 403],
    ['//secret.txt', 403],
    ['/index.html%00', 400],
    ['/.secret', 404],
    ['/missing.js', 404],
    ['/assets', 404],
  ])('%s → %i, never the file outside', async (p, status) => {
    const r = await serve(p);
    expect(r.status).toBe(status);
    expect(r.body?.toString() ?? '').not.toContain('TOP-SECRET-OUTSIDE');
    expect(r.headers['Content-Security-Policy']).toBeDefined();
  });

  it('refuses a symlink that leads out of the site', async () => {
    const r = await serve('/assets/link.txt');
    expect(r.status).toBe(403);
    expect(r.body?.toString()).not.toContain('TOP-SECRET-OUTSIDE');
  });
});
