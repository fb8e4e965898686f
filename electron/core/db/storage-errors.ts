import { err, ok, type Result } from '#shared/result';

const sqliteCode = (e: unknown): string | null =>
  e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string'
    ? ((e as { code: string }).code as string)
    : null;

/**
 * Runs a storage step and turns SQLite failures into clear error values: a full disk (or the
 * database's page limit) is DISK_FULL — the patient is told before they sign anything — and any
 * other storage failure is STORAGE_FAILED.
 */
export function storage<T>(what: string, fn: () => T): Result<T> {
  try {
    return ok(fn());
  } catch (e) {
    const code = sqliteCode(e);
    if (code === 'SQLITE_FULL' || /database or disk is full/i.test(String((e as Error)?.message))) {
      return err('DISK_FULL', `not enough storage to ${what}`);
    }
    if (code?.startsWith('SQLITE_')) return err('STORAGE_FAILED', `storage failed to ${what} (${code})`);
    throw e;
  }
}
