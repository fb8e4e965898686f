/**
 * The kiosk's SQLite: opening a database (WAL, FULL sync, owner-only files, migrations), the kiosk
 * database and its migrations, the query layer every table owner writes its SQL with, and the
 * mapping of storage failures to error values. Tables belong to the modules that own them (see
 * docs/ARCHITECTURE.md); this module owns none.
 */
export {
  checkMigrations,
  migrate,
  openDatabase,
  SchemaTooNewError,
  sqliteFiles,
  type Db,
  type Migration,
  type OpenOptions,
} from './database';
export { KIOSK_DB_FILE, openKioskDatabase } from './kiosk-db';
export {
  queries,
  sql,
  sqlJoin,
  sqlList,
  sqlName,
  sqlWhere,
  type Queries,
  type RunResult,
  type Sql,
  type SqlValue,
  type Statement,
} from './sql';
export { storage } from './storage-errors';
