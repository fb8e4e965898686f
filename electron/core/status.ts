import { z } from 'zod';
import { Connectivity, type Environment } from '#shared/contract/app';
import { OperationState } from '#shared/contract/outbox';
import type { Db } from './db';
import { DirectoryService } from './directory';
import { type CallOutcome, type LinkReport, baseUrlFor } from './ehealth';
import { countByState, isProcessAlive, readLease } from './outbox';
import { readLinkNote, SettingsStore, SettingsTable } from './kiosk';
import { TrustListInfo, TRUST_SETTING_KEY } from './registrar';

/** `kiosk status --json`, exactly: the fields the issue names, nothing else at the top level. */
export const KioskStatus = z
  .object({
    version: z.string(),
    environment: z.enum(['training', 'demo', 'preprod', 'prod']),
    connectivity: Connectivity,
    outbox: z.record(OperationState, z.number().int().min(0)),
    directory: z.object({ lastSync: z.string().nullable(), doctors: z.number().int().min(0) }).strict(),
    trustList: z.object({ date: z.string().nullable() }).strict(),
  })
  .strict();
export type KioskStatus = z.infer<typeof KioskStatus>;

/** A worker lease heartbeat younger than this means the kiosk is running. */
const RUNNING_WITHIN_MS = 60_000;

/** Whether a kiosk process holds the outbox worker lease with a fresh heartbeat. */
export function kioskRunning(db: Db, now: Date, alive: (pid: number) => boolean = isProcessAlive): boolean {
  const lease = readLease(db);
  if (!lease) return false;
  return now.getTime() - Date.parse(lease.heartbeat_at) < RUNNING_WITHIN_MS && alive(lease.pid);
}

export interface StatusOptions {
  version: string;
  now?: Date;
  /** Asks the environment's API host for any answer (the ops CLI passes a short HTTP GET). */
  probe: (url: string) => Promise<CallOutcome | LinkReport>;
  alive?: (pid: number) => boolean;
}

const fromOutcome = (answer: CallOutcome | LinkReport): Connectivity => {
  const o = typeof answer === 'string' ? answer : answer.outcome;
  return o === 'ok' ? 'online' : o === 'network-error' ? 'offline' : 'degraded';
};

/**
 * The kiosk's state as the ops CLI reports it. Connectivity: what the running kiosk last noted;
 * with no kiosk running, a probe of the configured eHealth host (a real environment), or offline
 * for training (its sandbox lives inside the kiosk process).
 */
export async function readKioskStatus(db: Db, opts: StatusOptions): Promise<KioskStatus> {
  const now = opts.now ?? new Date();
  const settings = new SettingsStore(db).get();
  const environment: Environment = settings.environment;
  const counts = countByState(db, environment);
  const outbox = Object.fromEntries(
    OperationState.options.map((s) => [s, counts[s] ?? 0]),
  ) as KioskStatus['outbox'];
  const reader = new DirectoryService({ db, api: null });
  const directory = reader.status();
  reader.close();
  const trust = new SettingsTable(db).readJson(TRUST_SETTING_KEY, TrustListInfo);

  let connectivity: Connectivity = 'offline';
  const recorded = readLinkNote(db);
  if (recorded && kioskRunning(db, now, opts.alive)) connectivity = recorded.state;
  else if (environment !== 'training')
    connectivity = fromOutcome(await opts.probe(baseUrlFor(environment, settings.operatorHosts)));

  return {
    version: opts.version,
    environment,
    connectivity,
    outbox,
    directory: { lastSync: directory.lastSyncAt, doctors: directory.doctors },
    trustList: { date: trust?.date ?? null },
  };
}
