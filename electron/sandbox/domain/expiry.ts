import type { SandboxState } from '../state';
import { cancelDocumentsOf } from './documents';
import { addDays, isoDateTime } from '../time';

/**
 * The expiry scheduler of eHealth, run lazily before requests are read or acted on: NEW/APPROVED
 * requests older than the term become EXPIRED; an expired declaration request loses its data.
 */
export function expireStaleRequests(state: SandboxState): void {
  const now = state.now();
  const cutoff = isoDateTime(addDays(now, -state.config.requestTtlDays));
  const stamp = isoDateTime(now);
  const { db } = state;
  const staleDeclarationRequests = db
    .prepare("SELECT id FROM declaration_requests WHERE status IN ('NEW', 'APPROVED') AND inserted_at <= ?")
    .all(cutoff) as { id: string }[];
  const stalePersonRequests = db
    .prepare("SELECT id, doc FROM person_requests WHERE status IN ('NEW', 'APPROVED') AND inserted_at <= ?")
    .all(cutoff) as {
    id: string;
    doc: string;
  }[];
  if (staleDeclarationRequests.length === 0 && stalePersonRequests.length === 0) return;
  db.transaction(() => {
    for (const r of staleDeclarationRequests) {
      db.prepare(
        "UPDATE declaration_requests SET status = 'EXPIRED', doc = NULL, updated_at = ? WHERE id = ?",
      ).run(stamp, r.id);
    }
    for (const r of stalePersonRequests) {
      const doc = { ...(JSON.parse(r.doc) as Record<string, unknown>), status: 'EXPIRED', updated_at: stamp };
      db.prepare("UPDATE person_requests SET status = 'EXPIRED', doc = ?, updated_at = ? WHERE id = ?").run(
        JSON.stringify(doc),
        stamp,
        r.id,
      );
    }
    cancelDocumentsOf(
      db,
      stalePersonRequests.map((r) => r.id),
    );
  })();
}
