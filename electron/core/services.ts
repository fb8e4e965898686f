import type { Connectivity } from '../../shared/contract/app';
import type { Db } from './db/database';
import { openKioskDatabase } from './db/kiosk-db';
import { EventBus } from './events';
import type { Logger } from './log';
import { AuditLog } from './registrar/audit';
import { SettingsStore } from './registrar/settings';
import { SessionManager } from './session/session-manager';

/** Everything from outside that the services need. Hosts (Electron, browser host, CLI, tests) supply it. */
export interface KioskPorts {
  /** Directory for the kiosk database, key file, logs; ':memory:' for throw-away tests. */
  dataDir: string;
  log: Logger;
  version: string;
  now?: () => Date;
}

export interface KioskServices {
  version: string;
  log: Logger;
  db: Db;
  events: EventBus;
  audit: AuditLog;
  settings: SettingsStore;
  session: SessionManager;
  connectivity: () => Connectivity;
  close(): Promise<void>;
}

/** Host-agnostic composition root of the main-side services. */
export function createServices(ports: KioskPorts): KioskServices {
  const now = ports.now ?? (() => new Date());
  const db = openKioskDatabase(ports.dataDir);
  const events = new EventBus();
  const session = new SessionManager(events, now);
  const services: KioskServices = {
    version: ports.version,
    log: ports.log,
    db,
    events,
    audit: new AuditLog(db, now),
    settings: new SettingsStore(db, now),
    session,
    connectivity: () => 'online',
    async close() {
      await session.end('finish');
      db.close();
    },
  };
  return services;
}
