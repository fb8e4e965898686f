import { z } from 'zod';
import { Connectivity } from '#shared/contract/app';
import type { Db } from '../db';
import { SettingsTable } from './settings';

/** Where the running kiosk notes its link to eHealth, so operators can read it from outside. */
export const RUNTIME_CONNECTIVITY_KEY = 'runtime.connectivity';

const LinkNote = z.object({ state: Connectivity, at: z.string() });
export type LinkNote = z.infer<typeof LinkNote>;

/** The running kiosk notes its link to eHealth (`kiosk status` reads it from another process). */
export function noteLink(db: Db, state: Connectivity, now: Date = new Date()): void {
  new SettingsTable(db).put(
    RUNTIME_CONNECTIVITY_KEY,
    JSON.stringify({ state, at: now.toISOString() }),
    now.toISOString(),
  );
}

/** What the kiosk last noted, or null (never noted, or unreadable). */
export function readLinkNote(db: Db): LinkNote | null {
  return new SettingsTable(db).readJson(RUNTIME_CONNECTIVITY_KEY, LinkNote);
}
