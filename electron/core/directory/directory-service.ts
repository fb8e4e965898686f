import { dirname } from 'node:path';
import type { Environment } from '#shared/contract/app';
import type {
  DirectoryProgress,
  DirectoryStatus,
  DoctorDetails,
  DoctorSearchQuery,
  DoctorSearchResult,
} from '#shared/contract/doctors';
import { err, ok, type Result } from '#shared/result';
import type { Db } from '../db';
import type { CallOutcome, PisApi, HttpTransport } from '../ehealth';
import type { Logger } from '../log';
import { realTimers, SettingsStore, SettingsTable, type Timers } from '../kiosk';
import { CLINIC_SETTING_KEY, ClinicLocationSchema, readClinic, type ClinicLocation } from './clinic';
import { DirectorySearch } from './search';
import { DirectoryStore } from './store';
import type { SyncOptions, SyncSummary } from './sync';
import { runSyncInWorker } from './sync-runner';

export interface DirectoryServiceOptions {
  /** The kiosk database: the clinic setting. */
  db: Db;
  /** The directory files; default: the store of the kiosk database's data directory (closed with the service). */
  store?: DirectoryStore;
  /** The environment of the default store; default: the one in the kiosk's settings. */
  environment?: Environment;
  /** Null when no eHealth backend is configured: search still works on the last sync. */
  api: Pick<PisApi, 'client'> | null;
  /** The transport the kiosk was given (tests): the sync worker's requests go through it. */
  transport?: HttpTransport;
  now?: () => Date;
  onProgress?: (p: DirectoryProgress) => void;
  /** Download outcomes, for the connectivity monitor. */
  onOutcome?: (o: CallOutcome) => void;
  log?: Logger;
  timers?: Timers;
  /** How often the incremental sync runs (default 6 h). */
  intervalMs?: number;
  /** How soon a failed scheduled sync is tried again (default 15 min). */
  retryMs?: number;
  /** Skips scheduled syncs while eHealth is unreachable (they run when it returns). */
  isOnline?: () => boolean;
  /** Pause between download retries (default 2 s; tests pass 0). */
  retryDelayMs?: number;
}

/**
 * The doctor directory: search (offline, on the last sync), doctor cards, and replication from
 * eHealth on a schedule and on demand — one sync at a time, in a worker thread: a sync builds the
 * next generation of the directory beside the one in use, and searches switch to it in one short
 * step when it is complete. Syncs therefore run whenever they are due, patients or not.
 */
export class DirectoryService {
  private readonly now: () => Date;
  private readonly timers: Timers;
  /** The directory files this service reads and syncs (shared with the kiosk's other services). */
  readonly store: DirectoryStore;
  private readonly ownStore: boolean;
  private readonly searcher: DirectorySearch;
  private timer: unknown = null;
  private scheduled = false;

  constructor(private readonly opts: DirectoryServiceOptions) {
    this.now = opts.now ?? (() => new Date());
    this.timers = opts.timers ?? realTimers;
    this.ownStore = !opts.store;
    this.store =
      opts.store ??
      new DirectoryStore({
        dataDir: opts.db.name === ':memory:' ? ':memory:' : dirname(opts.db.name),
        environment: opts.environment ?? new SettingsStore(opts.db).get().environment,
        clinic: () => readClinic(opts.db),
      });
    this.searcher = new DirectorySearch(this.store);
  }

  search(q: DoctorSearchQuery): Result<DoctorSearchResult> {
    return this.searcher.search(q);
  }

  doctor(employeeId: string): Result<DoctorDetails> {
    return this.searcher.details(employeeId);
  }

  clinic(): ClinicLocation | null {
    return readClinic(this.opts.db);
  }

  /** Sets (or clears) the kiosk's clinic (a setting) and reorders the directory in use for it. */
  setClinic(location: ClinicLocation | null): Result<void> {
    const parsed = location === null ? null : ClinicLocationSchema.safeParse(location);
    if (parsed && !parsed.success) return err('BAD_REQUEST', 'clinic location is not valid');
    const settings = new SettingsTable(this.opts.db);
    if (parsed === null) settings.remove(CLINIC_SETTING_KEY);
    else settings.put(CLINIC_SETTING_KEY, JSON.stringify(parsed.data), this.now().toISOString());
    this.store.reorder();
    return ok(undefined);
  }

  status(): DirectoryStatus {
    const view = this.store.view();
    const syncs = view?.syncs ?? [];
    const server = syncs.reduce<string | null>(
      (m, x) => (x.server_date !== null && (m === null || x.server_date > m) ? x.server_date : m),
      null,
    );
    return {
      lastSyncAt: view?.updatedAt ?? null,
      lastFullSyncAt: syncs.find((x) => x.entity === '*full')?.synced_at ?? null,
      serverDate: server,
      doctors: view?.index.n ?? 0,
      syncing: this.syncing,
    };
  }

  get syncing(): boolean {
    return this.store.running !== null;
  }

  /** Runs a sync now, or joins the one already running. */
  sync(opts: SyncOptions = {}): Promise<Result<SyncSummary>> {
    const api = this.opts.api;
    if (!api)
      return Promise.resolve(err('NOT_AVAILABLE', 'no eHealth backend is configured for directory sync'));
    const store = this.store;
    store.running ??= this.run(api, opts).finally(() => {
      store.running = null;
    });
    return store.running as Promise<Result<SyncSummary>>;
  }

  private async run(api: Pick<PisApi, 'client'>, opts: SyncOptions): Promise<Result<SyncSummary>> {
    const { baseUrl, apiKey, timeoutMs } = api.client.config;
    try {
      const r = await runSyncInWorker(
        {
          folder: this.store.folder,
          environment: this.store.environment,
          base: this.store.view()?.generation ?? null,
          config: { baseUrl, apiKey, timeoutMs },
          options: {
            ...opts,
            ...(this.opts.retryDelayMs !== undefined && opts.retryDelayMs === undefined
              ? { retryDelayMs: this.opts.retryDelayMs }
              : {}),
          },
          proxied: this.opts.transport !== undefined,
          clinic: readClinic(this.opts.db),
        },
        {
          now: this.now,
          signal: this.store.stopSignal,
          ...(this.opts.transport ? { transport: this.opts.transport } : {}),
          ...(this.opts.onProgress ? { onProgress: this.opts.onProgress } : {}),
          ...(this.opts.onOutcome ? { onOutcome: this.opts.onOutcome } : {}),
        },
      );
      if (!r.ok) return r;
      const { generation, ...summary } = r.value;
      if (!this.store.adopt(generation))
        return err('SYNC_FAILED', 'the synced directory could not be opened; the previous one stays in use');
      return ok(summary);
    } catch (e) {
      return err('SYNC_FAILED', `directory sync failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Closes the directory files (and stops their sync) when this service opened them itself. */
  async close(): Promise<void> {
    if (this.ownStore) await this.store.close();
  }

  /** Syncs now if the directory is empty or stale, then every `intervalMs`. */
  startSchedule(): void {
    if (this.scheduled || !this.opts.api) return;
    this.scheduled = true;
    const last = this.status().lastSyncAt;
    const interval = this.opts.intervalMs ?? 6 * 3_600_000;
    const due = last === null ? 0 : Math.max(0, Date.parse(last) + interval - this.now().getTime());
    this.arm(due);
  }

  stopSchedule(): void {
    this.scheduled = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    if (!this.scheduled) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.scheduledRun();
    }, ms);
  }

  private async scheduledRun(): Promise<void> {
    const retry = this.opts.retryMs ?? 15 * 60_000;
    if (this.opts.isOnline && !this.opts.isOnline()) return this.arm(retry);
    const r = await this.sync();
    if (!r.ok) this.opts.log?.warn({ code: r.error.code }, 'scheduled directory sync failed');
    this.arm(r.ok ? (this.opts.intervalMs ?? 6 * 3_600_000) : retry);
  }
}
