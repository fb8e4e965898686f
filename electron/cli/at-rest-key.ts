/**
 * The kiosk's at-rest key for ops commands that need it (the audit chain's MAC, an audited change
 * to the outbox or the settings). Only commands that set a kiosk up (`create`) make a key where
 * none exists yet — a check never does; a key wrapped by an OS keychain this process cannot open is
 * an error the operator is told how to get around.
 */
import { KeyStoreError, loadSecretKey, type LoadedKey } from '../core/crypto';
import type { Db } from '../core/db';
import type { Environment } from '#shared/contract/app';
import { AuditLog } from '../core/kiosk';
import type { CliContext } from './types';

export type CliKey = { ok: true; key: LoadedKey } | { ok: false; message: string };

export async function loadCliKey(ctx: CliContext, o: { create?: boolean } = {}): Promise<CliKey> {
  try {
    const os = ctx.secretStorage ? await ctx.secretStorage() : null;
    return {
      ok: true,
      key: loadSecretKey({ dataDir: ctx.dataDir, osStorage: os, create: o.create === true }),
    };
  } catch (e) {
    if (!(e instanceof KeyStoreError)) throw e;
    return {
      ok: false,
      message:
        `${e.message}. Run the command as the kiosk user in the installed kiosk ` +
        '(kabinet-kiosk --ops …, in that user’s session so its keyring is reachable).',
    };
  }
}

/** The audit log as an ops command appends to it: keyed by the at-rest key, kiosk-wide unless told. */
export const cliAuditLog = (db: Db, key: LoadedKey, environment: Environment | null = null): AuditLog =>
  new AuditLog(db, key.box, undefined, environment, key.auditChain);
