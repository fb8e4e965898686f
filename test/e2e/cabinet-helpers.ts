/**
 * Helpers shared by the cabinet's e2e specs (declarations, doctors, access, offline): the checks
 * every screen gets (axe, touch targets, a screenshot), the home menu, and looking at what the
 * kiosk and the sandbox recorded about an action (its outbox row, how often the sandbox applied it).
 */
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, h1 } from './fixtures';
import type { KioskHost } from './fixtures';
import { sandboxUrl } from './signin-helper';

export { checkScreen, expectTouchTargets, h1 } from './fixtures';

/** The doctors the search found, as cards. */
export const doctorResults = (page: Page) =>
  page.getByRole('region', { name: 'Пошук лікаря' }).getByRole('listitem');

/** One of the four functions from the home menu. */
export async function openFromHome(page: Page, label: RegExp): Promise<void> {
  await page.getByRole('button', { name: label }).click();
}

export async function finish(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Завершити|Finish)$/ }).click();
  await expect(h1(page)).toHaveText(/^(Кабінет пацієнта|Patient cabinet)$/);
}

/** The outbox row behind a receipt code, as the kiosk stored it (no payload, no patient). */
export function outboxRowByCode(
  host: KioskHost,
  referenceCode: string | undefined,
): { id: string; state: string; idempotency_key: string; ehealth_id: string | null } | undefined {
  if (!referenceCode) return undefined;
  const db = new Database(join(host.dataDir, 'kiosk.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT id, state, idempotency_key, ehealth_id FROM outbox_operations WHERE reference_code = ?',
      )
      .get(referenceCode) as
      { id: string; state: string; idempotency_key: string; ehealth_id: string | null } | undefined;
  } finally {
    db.close();
  }
}

/** How many times the sandbox applied a change sent under this idempotency key. */
export async function appliedOnSandbox(
  host: KioskHost,
  key: string,
): Promise<{ applied: number; replays: number }> {
  const res = await fetch(
    `${await sandboxUrl(host)}/sandbox/operations?idempotency_key=${encodeURIComponent(key)}`,
  );
  const body = (await res.json()) as { data: { applied: number; replays: number } };
  return body.data;
}

/** The printed receipts the browser host saved (PDF files in <data dir>/receipts). */
export function savedReceipts(host: KioskHost): string[] {
  try {
    return readdirSync(join(host.dataDir, 'receipts'));
  } catch {
    return [];
  }
}

/** The reference code shown on the receipt screen. */
export async function shownReferenceCode(page: Page): Promise<string> {
  const code = (await page.locator('.cabinet__reference').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code;
}
