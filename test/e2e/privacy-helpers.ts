/**
 * How the privacy specs look for what the kiosk might have kept of a visitor: every form of a
 * persona's name and tax id, searched in the page (DOM), the renderer's storage (localStorage,
 * sessionStorage, IndexedDB, cookies, Cache Storage), the kiosk's SQLite files (kiosk.db and its
 * -wal/-shm, scanned as bytes) and its log files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { KioskHost } from './fixtures';
import type { Persona } from './signin-helper';

/**
 * Every form of the persona the kiosk could have shown or stored. `page` holds the single words too
 * (the page and renderer storage have no reason to hold any of them); `files` the distinctive
 * forms only — full name, name with patronymic (nominative and vocative), tax id — because the
 * replicated doctor directory in kiosk.db legitimately holds common surnames and given names.
 */
export function secretsOf(p: Persona, vocative = ''): { page: string[]; files: string[] } {
  const [, first = '', second = ''] = p.fullName.split(/\s+/);
  const files = [p.fullName, `${first} ${second}`.trim(), vocative, p.taxId].filter((s) => s.length > 2);
  const words = [...p.fullName.split(/\s+/), ...vocative.split(/\s+/)].filter((w) => w.length > 2);
  return { page: [...new Set([...files, ...words])], files };
}

/** Everything the page keeps in its storage, as one text (values and keys). */
async function renderStorage(page: Page, context: BrowserContext): Promise<string> {
  // runs in the page (a string: this file is type-checked without the DOM library)
  const inPage = (await page.evaluate(`(async () => {
    const out = [];
    for (const s of [localStorage, sessionStorage])
      for (let i = 0; i < s.length; i++) { const k = s.key(i); out.push(k, s.getItem(k)); }
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    for (const info of dbs) {
      out.push('idb:' + info.name);
      const db = await new Promise((ok, fail) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => ok([]); });
        out.push(JSON.stringify(all));
      }
      db.close();
    }
    if (typeof caches !== 'undefined')
      for (const name of await caches.keys()) {
        out.push('cache:' + name);
        const cache = await caches.open(name);
        for (const req of await cache.keys()) { out.push(req.url); const res = await cache.match(req); if (res) out.push(await res.text()); }
      }
    out.push('idb-count:' + dbs.length);
    return out.join('\\n');
  })()`)) as string;
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('\n');
  return `${inPage}\n${cookies}`;
}

/** The kiosk's SQLite files and logs, as bytes. */
function kioskFiles(host: KioskHost): { name: string; bytes: Buffer }[] {
  const files: { name: string; bytes: Buffer }[] = [];
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const path = join(host.dataDir, `kiosk.db${suffix}`);
    if (existsSync(path)) files.push({ name: `kiosk.db${suffix}`, bytes: readFileSync(path) });
  }
  const logs = join(host.dataDir, 'logs');
  if (existsSync(logs))
    for (const f of readdirSync(logs)) files.push({ name: `logs/${f}`, bytes: readFileSync(join(logs, f)) });
  return files;
}

export async function expectForgotten(
  page: Page,
  context: BrowserContext,
  host: KioskHost,
  secrets: { page: string[]; files: string[] },
) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кабінет пацієнта');
  const dom = await page.content();
  const storage = await renderStorage(page, context);
  expect(storage).toContain('idb-count:0');
  const files = kioskFiles(host);
  expect(files.map((f) => f.name)).toContain('kiosk.db');
  expect(files.some((f) => f.name.startsWith('logs/'))).toBe(true);
  for (const secret of secrets.page) {
    expect(dom, `the page still shows "${secret}"`).not.toContain(secret);
    expect(storage, `renderer storage holds "${secret}"`).not.toContain(secret);
  }
  for (const secret of secrets.files) {
    const needle = Buffer.from(secret, 'utf8');
    for (const f of files) expect(f.bytes.includes(needle), `${f.name} holds "${secret}"`).toBe(false);
  }
}
