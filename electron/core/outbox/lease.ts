import { queries, sql, type Db, type Queries } from '../db';

export const isProcessAlive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The worker lease as stored: who holds it and its last heartbeat. */
export interface LeaseRow {
  owner: string;
  pid: number;
  heartbeat_at: string;
}

/** The current lease, or undefined when no worker holds one (the ops CLI reads it from outside). */
export function readLease(db: Db): LeaseRow | undefined {
  return queries(db).one<LeaseRow>(
    sql`SELECT owner, pid, heartbeat_at FROM outbox_worker_lease WHERE id = 1`,
  );
}

/**
 * One delivery worker per database. The holder refreshes a heartbeat; a lease whose holder
 * process is gone (killed, crashed) or whose heartbeat is stale can be taken over at once, so a
 * restarted kiosk resumes delivery immediately instead of waiting for a timeout.
 */
export class WorkerLease {
  private readonly q: Queries;

  constructor(
    private readonly db: Db,
    private readonly owner: string,
    private readonly now: () => Date,
    private readonly staleMs = 30_000,
    private readonly alive: (pid: number) => boolean = isProcessAlive,
  ) {
    this.q = queries(db);
  }

  acquire(): boolean {
    return this.q.tx(() => {
      const row = readLease(this.db);
      const now = this.now();
      if (
        row &&
        row.owner !== this.owner &&
        this.alive(row.pid) &&
        now.getTime() - Date.parse(row.heartbeat_at) < this.staleMs
      ) {
        return false;
      }
      this.q.run(
        sql`INSERT INTO outbox_worker_lease (id, owner, pid, heartbeat_at) VALUES (1, ${this.owner}, ${process.pid}, ${now.toISOString()})
             ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, heartbeat_at = excluded.heartbeat_at`,
      );
      return true;
    }, 'immediate');
  }

  /** Refreshes the heartbeat; false when another worker has taken the lease over. */
  heartbeat(): boolean {
    return (
      this.q.run(
        sql`UPDATE outbox_worker_lease SET heartbeat_at = ${this.now().toISOString()} WHERE id = 1 AND owner = ${this.owner}`,
      ).changes === 1
    );
  }

  release(): void {
    this.q.run(sql`DELETE FROM outbox_worker_lease WHERE id = 1 AND owner = ${this.owner}`);
  }
}
