/**
 * One in-memory session partition per patient session (`kiosk-<uuid>`, never `persist:`), so cookies,
 * storage and caches of one visitor are never seen by the next. Each partition gets the session-level
 * rules (app:// protocol, permissions, downloads, network) before any page loads in it.
 */
import { randomUUID } from 'node:crypto';
import { session, type Session } from 'electron';
import type { Logger } from '../core/log';
import { serveAppProtocol } from './app-protocol';
import { denyDownloads } from './downloads';
import { blockRendererNetwork } from './network';
import { KIOSK_SCHEME } from './origin';
import { denyAllPermissions, type CameraAccess } from './permissions';

export const PARTITION_PREFIX = 'kiosk-';

export const newPartitionName = (uuid: string = randomUUID()): string => `${PARTITION_PREFIX}${uuid}`;

export interface PartitionOptions {
  rendererDir: string;
  devTools: boolean;
  log: Logger;
  /** The document camera's gate (permissions.ts); absent: the camera is always refused. */
  camera?: CameraAccess;
}

export interface PatientPartition {
  name: string;
  session: Session;
}

export function createPatientPartition(
  opts: PartitionOptions,
  name: string = newPartitionName(),
): PatientPartition {
  if (!name.startsWith(PARTITION_PREFIX) || name.startsWith('persist:')) {
    throw new Error('patient partitions must be in-memory kiosk-<uuid> partitions');
  }
  const ses = session.fromPartition(name, { cache: false });
  denyAllPermissions(ses, opts.log, opts.camera);
  denyDownloads(ses, opts.log);
  blockRendererNetwork(ses, opts.log, { devTools: opts.devTools });
  ses.setSpellCheckerEnabled(false);
  serveAppProtocol(ses, { rootDir: opts.rendererDir, log: opts.log });
  return { name, session: ses };
}

/**
 * Electron cannot delete a partition object, so everything it holds is cleared and it stops serving
 * the UI. Every step runs even if another fails; failures are returned, not thrown.
 */
export async function destroyPatientPartition(p: PatientPartition): Promise<unknown[]> {
  const failures: unknown[] = [];
  const steps: (() => Promise<void> | void)[] = [
    () => p.session.clearStorageData(),
    () => p.session.clearCache(),
    () => p.session.clearAuthCache(),
    () => p.session.clearCodeCaches({}),
    () => p.session.protocol.unhandle(KIOSK_SCHEME),
  ];
  for (const step of steps) {
    try {
      await step();
    } catch (e) {
      failures.push(e);
    }
  }
  return failures;
}
