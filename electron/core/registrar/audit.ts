import { createHash } from 'node:crypto';
import type { Environment } from '#shared/contract/app';
import type { Db } from '../db/database';

/** Who did something: the kiosk itself, the patient of the current session, or a registrar. */
export type AuditActor = 'kiosk' | 'patient' | `registrar:${string}` | 'operator-cli';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: string | null;
  prevHash: string;
  hash: string;
  /** The eHealth environment the kiosk was in (null: kiosk-wide, e.g. the ops CLI, or older entries). */
  environment?: Environment | null;
}

export const GENESIS_HASH = '0'.repeat(64);

const entryHash = (
  prevHash: string,
  at: string,
  actor: string,
  action: string,
  subject: string | null,
  detail: string | null,
) =>
  createHash('sha256')
    .update(JSON.stringify([prevHash, at, actor, action, subject, detail]))
    .digest('hex');

/**
 * Append-only, hash-chained audit log. Never put personal data here: subjects are opaque ids
 * (operation ids, pseudonymous session ids), details are codes and counts.
 *
 * A kiosk's log is one chain, but each entry names the environment it was made in (`environment`,
 * null for kiosk-wide entries such as the ops CLI's): the kiosk in one environment lists only that
 * environment's entries and the kiosk-wide ones, so training never mixes with a real environment.
 */
export class AuditLog {
  private attribution: () => `registrar:${string}` | null = () => null;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly environment: Environment | null = null,
  ) {}

  /**
   * While an assisted session runs, what the services record as the patient's action is the
   * registrar's: the attribution names them. One place, so no service has to know about it.
   */
  setAttribution(attribution: () => `registrar:${string}` | null): void {
    this.attribution = attribution;
  }

  append(
    requestedActor: AuditActor,
    action: string,
    subject?: string | null,
    detail?: Record<string, unknown> | null,
  ): AuditEntry {
    const actor: AuditActor =
      requestedActor === 'patient' ? (this.attribution() ?? requestedActor) : requestedActor;
    // IMMEDIATE: the ops CLI appends from another process; reading the last hash and writing the
    // next entry must not interleave with it (a deferred read would fork the chain or fail late)
    return this.db
      .transaction(() => {
        const last = this.db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
          { hash: string } | undefined;
        const prevHash = last?.hash ?? GENESIS_HASH;
        const at = this.now().toISOString();
        const detailText = detail == null ? null : JSON.stringify(detail);
        const subj = subject ?? null;
        const hash = entryHash(prevHash, at, actor, action, subj, detailText);
        const info = this.db
          .prepare(
            `INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash, environment)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(at, actor, action, subj, detailText, prevHash, hash, this.environment);
        return {
          seq: Number(info.lastInsertRowid),
          at,
          actor,
          action,
          subject: subj,
          detail: detailText,
          prevHash,
          hash,
          environment: this.environment,
        };
      })
      .immediate();
  }

  /** The most recent entries of this log's environment and the kiosk-wide ones (all, without an environment). */
  list(limit = 100, beforeSeq?: number): AuditEntry[] {
    const env = this.environment;
    const rows = this.db
      .prepare(
        `SELECT seq, at, actor, action, subject, detail, prev_hash AS prevHash, hash, environment FROM audit_log
         WHERE (? IS NULL OR seq < ?) AND (? IS NULL OR environment IS NULL OR environment = ?)
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(beforeSeq ?? null, beforeSeq ?? null, env, env, limit) as AuditEntry[];
    return rows;
  }

  /** Recomputes the whole chain. Returns the first broken sequence number, or null when intact. */
  verify(): { ok: true; entries: number } | { ok: false; brokenAt: number; entries: number } {
    let prev = GENESIS_HASH;
    let n = 0;
    for (const row of this.db
      .prepare(
        'SELECT seq, at, actor, action, subject, detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq',
      )
      .iterate() as IterableIterator<AuditEntry>) {
      n++;
      if (
        row.prevHash !== prev ||
        entryHash(prev, row.at, row.actor, row.action, row.subject, row.detail) !== row.hash
      ) {
        return { ok: false, brokenAt: row.seq, entries: n };
      }
      prev = row.hash;
    }
    return { ok: true, entries: n };
  }
}
