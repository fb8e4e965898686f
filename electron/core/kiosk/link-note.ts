import { z } from 'zod';
import { Connectivity } from '#shared/contract/app';
import { queries, sql, type Db } from '../db';

/** Where the running kiosk notes its link to eHealth, so operators can read it from outside. */
export const RUNTIME_CONNECTIVITY_KEY = 'runtime.connectivity';

const LinkNote = z.object({ state: Connectivity, at: z.string() });
export type LinkNote = z.infer<typeof LinkNote>;

/** The running kiosk notes its link to eHealth (`kiosk status` reads it from another process). */
export function noteLink(db: Db, state: Connectivity, now: Date = new Date()): void {
  queries(db).run(
    sql`INSERT INTO settings (key, value, encrypted, updated_at)
        VALUES (${RUNTIME_CONNECTIVITY_KEY}, ${JSON.stringify({ state, at: now.toISOString() })}, 0, ${now.toISOString()})
        ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
}

/** What the kiosk last noted, or null (never noted, or unreadable). */
export function readLinkNote(db: Db): LinkNote | null {
  const value = queries(db).value<string>(
    sql`SELECT value FROM settings WHERE key = ${RUNTIME_CONNECTIVITY_KEY}`,
  );
  if (value === undefined) return null;
  try {
    const parsed = LinkNote.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
