import { randomUUID } from 'node:crypto';
import type { SessionEndReason } from '#shared/contract/session';
import type { EventBus } from '../events';

/** One visitor's session as the kiosk tracks it (the signed-in patient is `PatientSession` in patient-session.ts). */
export interface SessionRecord {
  /** Opaque, random; also the pseudonymous subject in the audit log. */
  id: string;
  startedAt: Date;
  lastActivityAt: Date;
}

type Cleanup = (session: SessionRecord, reason: SessionEndReason) => void | Promise<void>;

/**
 * The one patient session a kiosk has at a time. Services register cleanups (kill the signer, drop
 * tokens, forget cached person data); the host registers its own (destroy the browser partition).
 * Ending is idempotent and every cleanup runs even if another fails.
 */
export class SessionManager {
  private current: SessionRecord | null = null;
  private readonly cleanups: Cleanup[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
    return session;
  }

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

  /** Ends the session (if any). Always emits `sessionEnded` so every renderer wipes itself. */
  async end(reason: SessionEndReason): Promise<boolean> {
    const session = this.current;
    this.current = null;
    if (session) {
      for (const c of [...this.cleanups]) {
        try {
          await c(session, reason);
        } catch {
          // a failing cleanup must not keep the patient's session alive; the others still run
        }
      }
    }
    this.events.emit('sessionEnded', { reason });
    return session !== null;
  }
}
