import type { Db } from '../db/database';

export const isProcessAlive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One delivery worker per database. The holder refreshes a heartbeat; a lease whose holder
 * process is gone (killed, crashed) or whose heartbeat is stale can be taken over at once, so a
 * restarted kiosk resumes delivery immediately instead of waiting for a timeout.
 */
export class WorkerLease {
  constructor(
    private readonly db: Db,
    private readonly owner: string,
    private readonly now: () => Date,
    private readonly staleMs = 30_000,
    private readonly alive: (pid: number) => boolean = isProcessAlive,
  ) {}

  acquire(): boolean {
    return this.db
      .transaction(() => {
        const row = this.db
          .prepare('SELECT owner, pid, heartbeat_at FROM outbox_worker_lease WHERE id = 1')
          .get() as { owner: string; pid: number; heartbeat_at: string } | undefined;
        const now = this.now();
        if (
          row &&
          row.owner !== this.owner &&
          this.alive(row.pid) &&
          now.getTime() - Date.parse(row.heartbeat_at) < this.staleMs
        ) {
          return false;
        }
        this.db
          .prepare(
            `INSERT INTO outbox_worker_lease (id, owner, pid, heartbeat_at) VALUES (1, ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, heartbeat_at = excluded.heartbeat_at`,
          )
          .run(this.owner, process.pid, now.toISOString());
        return true;
      })
      .immediate();
  }

  /** Refreshes the heartbeat; false when another worker has taken the lease over. */
  heartbeat(): boolean {
    return (
      this.db
        .prepare('UPDATE outbox_worker_lease SET heartbeat_at = ? WHERE id = 1 AND owner = ?')
        .run(this.now().toISOString(), this.owner).changes === 1
    );
  }

  release(): void {
    this.db.prepare('DELETE FROM outbox_worker_lease WHERE id = 1 AND owner = ?').run(this.owner);
  }
}
