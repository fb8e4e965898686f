import type { Environment } from '#shared/contract/app';
import { SecretBoxError, type SecretBox } from '../crypto';
import type { Db } from '../db';
import { SettingsTable } from './settings';

/** The eHealth credentials of a real environment. The training sandbox brings its own. */
export const SECRET_NAMES = ['clientId', 'clientSecret', 'apiKey'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export type RealEnvironment = Exclude<Environment, 'training'>;
export const REAL_ENVIRONMENTS: readonly RealEnvironment[] = ['demo', 'preprod', 'prod'];

/** What the registrar may see of a secret: whether it is set and, at most, its last two characters. */
export interface SecretState {
  set: boolean;
  /** e.g. "••••7f"; null when unset or too short to show anything safely. */
  masked: string | null;
  /** Set, but it cannot be opened with this kiosk's key (copied database, replaced key). */
  unreadable: boolean;
}

const keyOf = (env: RealEnvironment, name: SecretName) => `secret:${env}:${name}`;

const mask = (value: string): string | null => (value.length >= 12 ? `••••${value.slice(-2)}` : null);

/**
 * eHealth credentials, sealed with the kiosk's at-rest key (AES-256-GCM bound to the row's key) in
 * the settings table (`encrypted = 1`). They are read only by main to build the eHealth client;
 * the registrar panel gets `SecretState`, never the value.
 */
export class SecretSettings {
  private readonly table: SettingsTable;

  constructor(
    db: Db,
    private readonly box: SecretBox,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.table = new SettingsTable(db);
  }

  /** Stores (or, with null, removes) one credential. */
  set(env: RealEnvironment, name: SecretName, value: string | null): void {
    const key = keyOf(env, name);
    if (value === null) {
      this.table.remove(key);
      return;
    }
    const sealed = this.box.seal(value, `settings:${key}`).toString('base64');
    this.table.putSealed(key, sealed, this.now().toISOString());
  }

  /** The value in clear, for main only; null when unset or unreadable. */
  get(env: RealEnvironment, name: SecretName): string | null {
    const r = this.read(env, name);
    return r.kind === 'value' ? r.value : null;
  }

  state(env: RealEnvironment): Record<SecretName, SecretState> {
    const out = {} as Record<SecretName, SecretState>;
    for (const name of SECRET_NAMES) {
      const r = this.read(env, name);
      out[name] =
        r.kind === 'value'
          ? { set: true, masked: mask(r.value), unreadable: false }
          : { set: r.kind === 'unreadable', masked: null, unreadable: r.kind === 'unreadable' };
    }
    return out;
  }

  private read(
    env: RealEnvironment,
    name: SecretName,
  ): { kind: 'value'; value: string } | { kind: 'unset' } | { kind: 'unreadable' } {
    const key = keyOf(env, name);
    const row = this.table.get(key);
    if (!row) return { kind: 'unset' };
    if (row.encrypted !== 1) return { kind: 'unreadable' }; // never trust a secret stored in clear
    try {
      return {
        kind: 'value',
        value: this.box.open(Buffer.from(row.value, 'base64'), `settings:${key}`).toString('utf8'),
      };
    } catch (e) {
      if (e instanceof SecretBoxError) return { kind: 'unreadable' };
      throw e;
    }
  }
}
