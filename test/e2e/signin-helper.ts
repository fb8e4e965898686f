/**
 * Signs a sandbox persona in through the real kiosk UI (welcome → key list → password on the
 * kiosk's field → Sign in → home), for every e2e spec that needs a signed-in patient:
 *
 *   import { signInAs } from './signin-helper';
 *   const persona = await signInAs(page, kioskHost, 'adult-with-declaration');
 *
 * The browser host's training sandbox supplies the personas (ids, passwords, names, tax ids): its
 * address comes from the host's log line `training sandbox started`. Also exports the helpers the
 * sign-in specs share (the sandbox's address, faults, persona data).
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { languageOf, tapCharacter } from './keyboard-helper';
import type { PersonaId } from '../../electron/sandbox/seed/personas';
import type { KioskHost } from './fixtures';

export type { PersonaId };

export interface Persona {
  id: PersonaId;
  fullName: string;
  taxId: string;
  birthDate: string;
  password: string;
  notes: string;
  /** Where the sandbox wrote the key (tests copy it onto a simulated USB medium). */
  keyFile?: string;
}

const BASE_URL = /"baseUrl":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*training sandbox started/g;

/**
 * The training sandbox's base URL (from the host's log; waits for it while the host starts). The
 * latest one: a switch of environment restarts the kiosk, and a new sandbox with it.
 */
export async function sandboxUrl(host: KioskHost): Promise<string> {
  let url: string | undefined;
  await expect
    .poll(() => (url = [...host.stderr().matchAll(BASE_URL)].at(-1)?.[1]), {
      message: 'the browser host started no training sandbox',
      timeout: 30_000,
    })
    .toBeTruthy();
  return url as string;
}

/** The sandbox's personas (with their key passwords). */
export async function personas(host: KioskHost): Promise<Persona[]> {
  const res = await fetch(`${await sandboxUrl(host)}/sandbox/personas`);
  if (!res.ok) throw new Error(`GET /sandbox/personas answered ${res.status}`);
  const body = (await res.json()) as { data?: Persona[] } | Persona[];
  return Array.isArray(body) ? body : (body.data ?? []);
}

/** The personas that have a key of their own (a young child has none: a parent acts for them). */
export async function keyHolders(host: KioskHost): Promise<Persona[]> {
  return (await personas(host)).filter((p) => Boolean(p.keyFile));
}

export async function persona(host: KioskHost, id: PersonaId): Promise<Persona> {
  const found = (await personas(host)).find((p) => p.id === id);
  if (!found) throw new Error(`the sandbox has no persona ${id}`);
  return found;
}

/** Changes the sandbox's faults (e.g. `{ outage: true }`); `null` resets them. */
export async function sandboxFaults(host: KioskHost, faults: Record<string, unknown> | null): Promise<void> {
  const url = `${await sandboxUrl(host)}/sandbox/faults`;
  const res = await fetch(
    url,
    faults === null
      ? { method: 'DELETE' }
      : { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) },
  );
  if (!res.ok)
    throw new Error(`${faults === null ? 'DELETE' : 'PATCH'} /sandbox/faults answered ${res.status}`);
}

/** The key list button of a persona's key (the training key folder has one folder per persona). */
export const keyButton = (page: Page, id: PersonaId) =>
  page.getByRole('button', { name: new RegExp(`«${id}»|“${id}”`) });

/** From wherever the kiosk is (welcome or key list) to the persona's password screen. */
export async function openPasswordScreen(page: Page, id: PersonaId): Promise<void> {
  // the page may still be loading: wait for a screen before deciding where we are
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const start = page.getByRole('button', { name: /^(Почати|Start)$/ });
  if (await start.isVisible()) await start.click();
  await keyButton(page, id).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Пароль ключа|Key password)$/ })).toBeVisible();
}

const CYRILLIC = /[\u0400-\u04ff]/u;

/**
 * Types a password key by key on the password keyboard, as a patient does: it reads which letters
 * the keyboard types now (the line above the keys), switches between Latin and Ukrainian letters
 * with the script key when the next character needs it, and presses Shift when the key it needs is
 * not on the keyboard as shown. Symbols are found by their spoken names. Returns the taps made.
 */
export async function typePassword(page: Page, password: string): Promise<number> {
  const language = await languageOf(page);
  const keyboard = page.getByRole('group', { name: /^(Екранна клавіатура|On-screen keyboard)$/ });
  const scriptLine = keyboard.getByRole('status');
  let taps = 0;
  for (const ch of password) {
    const cyrillicNow = /українські|Ukrainian/.test((await scriptLine.textContent()) ?? '');
    if (CYRILLIC.test(ch) !== cyrillicNow) {
      await keyboard.getByRole('button', { name: /^(Перейти на|Switch to) / }).click();
      taps += 1;
    }
    taps += await tapCharacter(keyboard, ch, language);
  }
  return taps;
}

/** Types the password on the kiosk's own keyboard and presses "Sign in". */
export async function submitPassword(page: Page, password: string): Promise<void> {
  await typePassword(page, password);
  await page.getByRole('button', { name: /^(Увійти|Sign in)$/ }).click();
}

/**
 * Signs the persona in through the UI and waits for the home menu. The page must show the kiosk
 * (welcome or key list). Returns the persona (name, tax id, password) for the test's assertions.
 */
export async function signInAs(
  page: Page,
  host: KioskHost,
  id: PersonaId,
  opts: { password?: string; expectHome?: boolean } = {},
): Promise<Persona> {
  const p = await persona(host, id);
  await openPasswordScreen(page, id);
  await submitPassword(page, opts.password ?? p.password);
  if (opts.expectHome ?? true)
    await expect(page.getByRole('heading', { level: 1, name: /^(Вітаємо|Welcome), / })).toBeVisible({
      timeout: 45_000,
    });
  return p;
}
