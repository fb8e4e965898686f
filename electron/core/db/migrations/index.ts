import type { Migration } from '../database';
import { m0001Initial } from './0001-initial';
import { m0002KeyLockouts } from './0002-key-lockouts';
import { m0003Outbox } from './0003-outbox';
import { m0004Directory } from './0004-directory';
import { m0005DirectoryOrder } from './0005-directory-order';
import { m0006Registrar } from './0006-registrar';
import { m0007Enrollment } from './0007-enrollment';
import { m0008EnvironmentData } from './0008-environment-data';
import { m0009DirectoryFiles } from './0009-directory-files';
import { m0010OutboxRevocation } from './0010-outbox-revocation';

/**
 * The kiosk database schema, in order. Add a migration: a new file NNNN-name.ts exporting a
 * Migration with the next version, listed here, and a test NNNN-name.test.ts beside it.
 * Never edit a migration that has shipped.
 */
export const kioskMigrations: readonly Migration[] = [
  m0001Initial,
  m0002KeyLockouts,
  m0003Outbox,
  m0004Directory,
  m0005DirectoryOrder,
  m0006Registrar,
  m0007Enrollment,
  m0008EnvironmentData,
  m0009DirectoryFiles,
  m0010OutboxRevocation,
];
