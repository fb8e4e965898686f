import { join } from 'node:path';
import { openDatabase, type Db, type OpenOptions } from './database';
import { kioskMigrations } from './migrations';

export const KIOSK_DB_FILE = 'kiosk.db';

export const openKioskDatabase = (dataDir: string, opts?: OpenOptions): Db =>
  openDatabase(dataDir === ':memory:' ? ':memory:' : join(dataDir, KIOSK_DB_FILE), kioskMigrations, opts);
