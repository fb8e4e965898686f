/**
 * The one owner of a patient session's life. Everything that decides when a session ends asks this
 * class to end it; everything that must go with it (the signer process, the eHealth tokens, cached
 * person data, the browser partition) registers a cleanup here. The rules, in one place:
 *
 * - A session opens at sign-in (PatientSession.begin) together with its audit entry.
 * - Activity keeps it: every call from the renderer (the router calls `touch`) — the renderer also
 *   reports the visitor's touches and keys now and then (`sessionActivity`), so a patient thinking
 *   over a form for twelve minutes is never cut off.
 * - It ends on "Finish", on the renderer's idle wipe (its warning and countdown stay the renderer's),
 *   on key removal, on a registrar's decision, when the signer process crashes, when the page crashes
 *   or hangs (the hosts), and — the one backstop for a silent renderer — when no call has come for
 *   longer than the renderer's own idle timeout and warning allow (`backstopMs`).
 * - The signer process lives exactly as long as the session: it has no idle timer of its own and is
 *   ended by the session's cleanup; its crash ends the session as an error (audited as such).
 * - Every end is audited here (`session.end` with the reason and, for ends main decided, the cause);
 *   an end always happens, even when a full disk keeps its audit entry from being written.
 */
import { randomUUID } from 'node:crypto';
import type { SessionEndReason } from '#shared/contract/session';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { realTimers, type AuditLog, type Timers } from '../kiosk';
import { storage } from '../db';

/**
 * The end hook as the patient's services see it (person, documents): everything cached for a patient
 * is dropped there. SessionManager is one.
 */
export interface SessionEnds {
  onEnd(cleanup: (session: { id: string }) => void | Promise<void>): () => void;
}

/** One visitor's session as the kiosk tracks it (the signed-in patient is `PatientSession` in patient-session.ts). */
export interface SessionRecord {
  /** Opaque, random; also the pseudonymous subject in the audit log. */
  id: string;
  startedAt: Date;
  lastActivityAt: Date;
}

/** Why main (not the visitor) ended a session; recorded with the end's audit entry. */
export type SessionEndCause =
  | 'renderer-silent'
  | 'signer-crashed'
  | 'signer-timeout'
  | 'render-process-gone'
  | 'renderer-unresponsive'
  | 'page-reloaded'
  | 'bridge-closed';

type Cleanup = (session: SessionRecord, reason: SessionEndReason) => void | Promise<void>;

export interface SessionManagerOptions {
  /** Where every end is recorded. */
  audit?: AuditLog;
  log?: Logger;
  timers?: Timers;
  /**
   * How long a session may go without a single call from the renderer before main ends it (read
   * when the session opens and each time the backstop looks). Absent: no backstop.
   */
  backstopMs?: () => number;
}

export class SessionManager {
  private current: SessionRecord | null = null;
  private readonly cleanups: Cleanup[] = [];
  private readonly timers: Timers;
  private backstop: unknown = null;

  constructor(
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
    private readonly opts: SessionManagerOptions = {},
  ) {
    this.timers = opts.timers ?? realTimers;
  }

  get active(): SessionRecord | null {
    return this.current;
  }

  /**
   * Opens the session. `record` (e.g. its audit entry) runs first with the new record: if it
   * throws, no session is opened and the error goes to the caller — all or nothing.
   */
  start(record?: (session: SessionRecord) => void): SessionRecord {
    const at = this.now();
    const session: SessionRecord = { id: randomUUID(), startedAt: at, lastActivityAt: at };
    record?.(session);
    this.current = session;
    this.watch(session);
    return session;
  }

  /** Activity in the session (any renderer call): the backstop counts from now. */
  touch(): void {
    if (this.current) this.current.lastActivityAt = this.now();
  }

  onEnd(cleanup: Cleanup): () => void {
    this.cleanups.push(cleanup);
    return () => {
      const i = this.cleanups.indexOf(cleanup);
      if (i >= 0) this.cleanups.splice(i, 1);
    };
  }

  /**
   * Ends the session (if any): every cleanup runs even if another fails, the end is audited, and
   * `sessionEnded` is always emitted so every renderer wipes itself.
   */
  async end(reason: SessionEndReason, cause?: SessionEndCause): Promise<boolean> {
    const session = this.current;
    this.current = null;
    this.unwatch();
    if (session) {
      for (const c of [...this.cleanups]) {
        try {
          await c(session, reason);
        } catch {
          // a failing cleanup must not keep the patient's session alive; the others still run
        }
      }
      this.record(session, reason, cause);
    }
    this.events.emit('sessionEnded', { reason });
    return session !== null;
  }

  /**
   * The page showing the kiosk is gone (crashed, hung, reloaded, its bridge closed): the visitor can
   * no longer see or finish what they were doing, so their session ends as an error. Audited even
   * when no session was open. Returns whether a session was ended (its end brings a fresh page).
   */
  async pageLost(cause: SessionEndCause, detail: string | null = null): Promise<boolean> {
    this.opts.log?.warn({ cause, detail }, 'the kiosk page was lost');
    const audit = this.opts.audit;
    if (audit) {
      const noted = storage('record the lost page', () =>
        audit.append('kiosk', 'kiosk.page-lost', this.current?.id ?? null, {
          cause,
          ...(detail ? { detail: detail.slice(0, 40) } : {}),
        }),
      );
      if (!noted.ok) this.opts.log?.warn({ code: noted.error.code }, 'lost page not audited');
    }
    return this.end('error', cause);
  }

  private record(session: SessionRecord, reason: SessionEndReason, cause: SessionEndCause | undefined): void {
    const audit = this.opts.audit;
    if (!audit) return;
    const noted = storage('record the end of the session', () =>
      audit.append('kiosk', 'session.end', session.id, { reason, ...(cause ? { cause } : {}) }),
    );
    if (!noted.ok) this.opts.log?.warn({ code: noted.error.code }, 'end of a session not audited');
  }

  /** The backstop: looks when the allowed silence would be over, and again until it is. */
  private watch(session: SessionRecord): void {
    this.unwatch();
    const allowed = this.opts.backstopMs;
    if (!allowed) return;
    const look = (): void => {
      this.backstop = null;
      if (this.current !== session) return;
      const silentMs = this.now().getTime() - session.lastActivityAt.getTime();
      const leftMs = allowed() - silentMs;
      if (leftMs > 0) {
        this.backstop = this.timers.setTimeout(look, leftMs);
        return;
      }
      this.opts.log?.warn({ silentSeconds: Math.round(silentMs / 1000) }, 'no call from the renderer');
      void this.end('idle', 'renderer-silent');
    };
    this.backstop = this.timers.setTimeout(look, allowed());
  }

  private unwatch(): void {
    if (this.backstop !== null) this.timers.clearTimeout(this.backstop);
    this.backstop = null;
  }
}
