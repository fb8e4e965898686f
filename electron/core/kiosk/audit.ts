import { createHash } from 'node:crypto';
import type { Environment } from '#shared/contract/app';
import type { AuditChainMarker, SecretBox } from '../crypto';
import { queries, sql, type Db, type Queries } from '../db';

/**
 * Who did something: the kiosk itself, the patient of the current session, a registrar, the ops CLI,
 * or a parent or guardian acting for someone (`confidant:<role>`, the role and never a name).
 */
export type AuditActor = 'kiosk' | 'patient' | `registrar:${string}` | `confidant:${string}` | 'operator-cli';

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

/**
 * The entry that keys a chain an earlier version left unkeyed: its detail names how many plain
 * SHA-256 entries precede it and the last one's hash, and its own MAC covers that hash — so the
 * older entries cannot be rewritten afterwards without breaking it.
 */
export const AUDIT_ANCHOR_ACTION = 'audit.chain.keyed';

/** The key of the chain: the at-rest key's SecretBox (anything that computes its purpose-bound MACs). */
export type AuditChainKey = Pick<SecretBox, 'mac'>;

const MAC_PURPOSE = 'audit-chain';

type Fields = Pick<AuditEntry, 'prevHash' | 'at' | 'actor' | 'action' | 'subject' | 'detail' | 'environment'>;

/** Entries written before the chain was keyed: plain SHA-256 (anyone could recompute them). */
const legacyHash = (e: Fields): string =>
  createHash('sha256')
    .update(JSON.stringify([e.prevHash, e.at, e.actor, e.action, e.subject, e.detail]))
    .digest('hex');

/** What a keyed entry's MAC covers: the chain link, its fields and its environment. */
const keyedText = (e: Fields): string =>
  JSON.stringify([e.prevHash, e.at, e.actor, e.action, e.subject, e.detail, e.environment ?? null]);

export type AuditVerification =
  | { ok: true; entries: number; keyedFrom: number | null }
  | { ok: false; brokenAt: number; entries: number; reason: string; entry: AuditEntry };

const ROW_COLUMNS = sql`seq, at, actor, action, subject, detail, prev_hash AS prevHash, hash, environment`;

/**
 * Append-only, hash-chained audit log. Never put personal data here: subjects are opaque ids
 * (operation ids, pseudonymous session ids), details are codes and counts.
 *
 * A kiosk's log is one chain, but each entry names the environment it was made in (`environment`,
 * null for kiosk-wide entries such as the ops CLI's): the kiosk in one environment lists only that
 * environment's entries and the kiosk-wide ones, so training never mixes with a real environment.
 *
 * Each entry's hash is an HMAC-SHA256 (under a key derived from the kiosk's at-rest key, see
 * SecretBox.mac) of the previous hash and its own fields: whoever rewrites the database file
 * without that key cannot make a chain that verifies. A chain an earlier version wrote with plain
 * SHA-256 is keyed by a re-anchoring entry (AUDIT_ANCHOR_ACTION) the first time this version
 * writes to it; from then on only keyed entries are accepted (their MAC also covers the
 * environment). That happens once in a kiosk's life: `marker` (kept with the at-rest key) records
 * that the chain is keyed, and a kiosk that keyed its chain never re-anchors — an unkeyed chain
 * found later is a rewritten one, and stays detectable.
 */
export class AuditLog {
  private attribution: () => `registrar:${string}` | null = () => null;
  private acting: () => `confidant:${string}` | null = () => null;

  private readonly q: Queries;

  constructor(
    db: Db,
    private readonly key: AuditChainKey,
    private readonly now: () => Date = () => new Date(),
    private readonly environment: Environment | null = null,
    private readonly marker: AuditChainMarker = inMemoryMarker(),
  ) {
    this.q = queries(db);
  }

  /** Notes (with the key) that the chain is keyed; a failure to note it never fails the entry itself. */
  private noteKeyed(): void {
    if (this.marker.keyed) return;
    try {
      this.marker.markKeyed();
    } catch {
      // the next append or start tries again; until then a rewrite could still be re-anchored
    }
  }

  private keyedHash(e: Fields): string {
    return this.key.mac(keyedText(e), MAC_PURPOSE);
  }

  /**
   * While an assisted session runs, what the services record as the patient's action is the
   * registrar's: the attribution names them. One place, so no service has to know about it.
   */
  setAttribution(attribution: () => `registrar:${string}` | null): void {
    this.attribution = attribution;
  }

  /**
   * While the signed-in person acts for someone (a parent for a child), what the services record as
   * the patient's action is theirs, in their role. A registrar assisting still comes first.
   */
  setActing(acting: () => `confidant:${string}` | null): void {
    this.acting = acting;
  }

  /**
   * Keys a chain left unkeyed by an earlier version (a no-op for an empty or keyed chain).
   * The kiosk calls it at start; `append` does the same before its first entry.
   */
  ensureKeyed(): boolean {
    const anchored = this.q.tx(() => {
      const last = this.last();
      if (!last || this.isKeyed(last)) return false;
      // keyed before: an unkeyed chain now is a rewritten one — never vouch for it
      if (this.marker.keyed) return null;
      this.anchor(last);
      return true;
    }, 'immediate');
    if (anchored !== null) this.noteKeyed();
    return anchored === true;
  }

  append(
    requestedActor: AuditActor,
    action: string,
    subject?: string | null,
    detail?: Record<string, unknown> | null,
  ): AuditEntry {
    const actor: AuditActor =
      requestedActor === 'patient' ? (this.attribution() ?? this.acting() ?? requestedActor) : requestedActor;
    // IMMEDIATE: the ops CLI appends from another process; reading the last hash and writing the
    // next entry must not interleave with it (a deferred read would fork the chain or fail late)
    const entry = this.q.tx(() => {
      let last = this.last();
      if (last && !this.isKeyed(last) && !this.marker.keyed) last = this.anchor(last);
      return this.insert(
        last?.hash ?? GENESIS_HASH,
        actor,
        action,
        subject ?? null,
        detail,
        this.environment,
      );
    }, 'immediate');
    this.noteKeyed();
    return entry;
  }

  private last(): AuditEntry | undefined {
    return this.q.one<AuditEntry>(sql`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1`);
  }

  private isKeyed(e: AuditEntry): boolean {
    return this.keyedHash(e) === e.hash;
  }

  private anchor(last: AuditEntry): AuditEntry {
    const legacyEntries = this.q.value<number>(sql`SELECT count(*) AS n FROM audit_log`) ?? 0;
    // kiosk-wide: the whole chain is vouched for, whichever environment wrote its entries
    return this.insert(
      last.hash,
      'kiosk',
      AUDIT_ANCHOR_ACTION,
      null,
      { legacyEntries, legacyHead: last.hash },
      null,
    );
  }

  private insert(
    prevHash: string,
    actor: string,
    action: string,
    subject: string | null,
    detail: Record<string, unknown> | null | undefined,
    environment: Environment | null,
  ): AuditEntry {
    const at = this.now().toISOString();
    const detailText = detail == null ? null : JSON.stringify(detail);
    const hash = this.keyedHash({ prevHash, at, actor, action, subject, detail: detailText, environment });
    const info = this.q.run(
      sql`INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash, environment)
         VALUES (${at}, ${actor}, ${action}, ${subject}, ${detailText}, ${prevHash}, ${hash}, ${environment})`,
    );
    return {
      seq: Number(info.lastInsertRowid),
      at,
      actor,
      action,
      subject,
      detail: detailText,
      prevHash,
      hash,
      environment,
    };
  }

  /** The most recent entries of this log's environment and the kiosk-wide ones (all, without an environment). */
  list(limit = 100, beforeSeq?: number): AuditEntry[] {
    const env = this.environment;
    const before = beforeSeq ?? null;
    return this.q.all<AuditEntry>(
      sql`SELECT ${ROW_COLUMNS} FROM audit_log
         WHERE (${before} IS NULL OR seq < ${before}) AND (${env} IS NULL OR environment IS NULL OR environment = ${env})
         ORDER BY seq DESC LIMIT ${limit}`,
    );
  }

  /**
   * Recomputes the whole chain. Plain SHA-256 entries are accepted only before the first keyed
   * entry (which, after unkeyed ones, must be the re-anchoring entry); from there on every entry
   * must carry this kiosk's MAC. A chain with entries but no keyed one is broken at its first
   * entry: it was written by an older version and never opened since, or rewritten.
   */
  verify(): AuditVerification {
    let prev = GENESIS_HASH;
    let n = 0;
    let keyedFrom: number | null = null;
    let first: AuditEntry | null = null;
    const broken = (entry: AuditEntry, reason: string): AuditVerification => ({
      ok: false,
      brokenAt: entry.seq,
      entries: n,
      reason,
      entry,
    });
    for (const row of this.q.each<AuditEntry>(sql`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY seq`)) {
      n++;
      first ??= row;
      if (row.prevHash !== prev) return broken(row, 'it does not follow the entry before it');
      const keyed = this.isKeyed(row);
      if (keyedFrom !== null) {
        if (!keyed) return broken(row, 'its MAC does not match: rewritten, or not written by this kiosk');
      } else if (keyed) {
        if (first !== row && row.action !== AUDIT_ANCHOR_ACTION)
          return broken(
            first,
            `entries ${first.seq}–${row.seq - 1} are not keyed and no re-anchoring entry vouches for them`,
          );
        keyedFrom = row.seq;
      } else if (legacyHash(row) !== row.hash) {
        return broken(row, 'its hash does not match its content');
      }
      prev = row.hash;
    }
    if (first && keyedFrom === null)
      return broken(
        first,
        'the chain is not keyed: written by an older version and not opened by the kiosk since, or rewritten',
      );
    return { ok: true, entries: n, keyedFrom };
  }
}

/** For a log whose key is not kept anywhere (tests, in-memory databases). */
function inMemoryMarker(): AuditChainMarker {
  let keyed = false;
  return {
    get keyed() {
      return keyed;
    },
    markKeyed: () => {
      keyed = true;
    },
  };
}
