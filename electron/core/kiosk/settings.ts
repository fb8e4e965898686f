import { z } from 'zod';
import { Environment } from '#shared/contract/app';
import { queries, sql, type Db, type Queries } from '../db';
import { OperatorHosts } from '../ehealth';

/** Kiosk-wide settings (registrar-controlled). Secrets are stored through SecretBox, never here in clear. */
export const KioskSettings = z.object({
  environment: Environment,
  /**
   * Hosts an operator set on the machine (`kiosk ehealth set-host`) for real environments; every other
   * environment uses eHealth's own host (ehealth/hosts.ts). Never changed from the touch screen.
   */
  operatorHosts: OperatorHosts,
  /** The printer receipts go to; '' = the system's default printer. */
  printerName: z
    .string()
    .max(128)
    .regex(/^[^\p{Cc}]*$/u),
  language: z.enum(['uk', 'en']),
  largeText: z.boolean(),
  highContrast: z.boolean(),
  idleTimeoutSeconds: z.number().int().min(30).max(600),
  idleWarningSeconds: z.number().int().min(20).max(120),
});
export type KioskSettings = z.infer<typeof KioskSettings>;

export const DEFAULT_SETTINGS: KioskSettings = {
  environment: 'training',
  operatorHosts: {},
  printerName: '',
  language: 'uk',
  largeText: false,
  highContrast: false,
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 20,
};

/** A row of the settings table. */
export interface SettingRow {
  key: string;
  /** JSON in clear, or (encrypted = 1) a value sealed by its user, base64. */
  value: string;
  encrypted: 0 | 1;
  updated_at: string;
}

/**
 * The owner of the settings table: one row per key, every statement on it here. Its users keep
 * their own keys and formats — the kiosk settings below, sealed eHealth credentials (secrets.ts),
 * the link note (link-note.ts), the directory's clinic, the trust list's description.
 */
export class SettingsTable {
  private readonly q: Queries;

  constructor(db: Db) {
    this.q = queries(db);
  }

  get(key: string): Pick<SettingRow, 'value' | 'encrypted'> | undefined {
    return this.q.one<Pick<SettingRow, 'value' | 'encrypted'>>(
      sql`SELECT value, encrypted FROM settings WHERE key = ${key}`,
    );
  }

  /** A setting stored as JSON in clear, parsed by `schema`; null when missing, unreadable or unfit. */
  readJson<T>(key: string, schema: z.ZodType<T>): T | null {
    const value = this.q.value<string>(sql`SELECT value FROM settings WHERE key = ${key}`);
    if (value === undefined) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Every setting stored in clear. */
  plain(): Pick<SettingRow, 'key' | 'value'>[] {
    return this.q.all<Pick<SettingRow, 'key' | 'value'>>(
      sql`SELECT key, value FROM settings WHERE encrypted = 0`,
    );
  }

  /** Stores a value in clear (an existing row keeps its kind). */
  put(key: string, value: string, at: string): void {
    this.q.run(
      sql`INSERT INTO settings (key, value, encrypted, updated_at) VALUES (${key}, ${value}, 0, ${at})
          ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
  }

  /** Stores a value its user sealed (base64); the row is marked encrypted. */
  putSealed(key: string, sealed: string, at: string): void {
    this.q.run(
      sql`INSERT INTO settings (key, value, encrypted, updated_at) VALUES (${key}, ${sealed}, 1, ${at})
          ON CONFLICT(key) DO UPDATE SET value = excluded.value, encrypted = 1, updated_at = excluded.updated_at`,
    );
  }

  remove(key: string): void {
    this.q.run(sql`DELETE FROM settings WHERE key = ${key}`);
  }

  /** `fn` in one transaction (a setting written together with its audit entry). */
  tx<T>(fn: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
    return this.q.tx(fn, mode);
  }
}

export class SettingsStore {
  private readonly table: SettingsTable;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.table = new SettingsTable(db);
  }

  get(): KioskSettings {
    const stored: Record<string, unknown> = {};
    for (const r of this.table.plain()) {
      if (r.key in DEFAULT_SETTINGS) {
        try {
          stored[r.key] = JSON.parse(r.value);
        } catch {
          // a corrupt value falls back to its default below
        }
      }
    }
    const merged = { ...DEFAULT_SETTINGS, ...stored };
    const parsed = KioskSettings.safeParse(merged);
    if (parsed.success) return parsed.data;
    // keep every valid stored value, default the rest
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const [k, v] of Object.entries(stored)) {
      const field = KioskSettings.shape[k as keyof KioskSettings];
      if (field.safeParse(v).success) out[k] = v;
    }
    return out as KioskSettings;
  }

  update(patch: Partial<KioskSettings>): KioskSettings {
    const next = KioskSettings.parse({ ...this.get(), ...patch });
    const at = this.now().toISOString();
    this.table.tx(() => {
      for (const key of Object.keys(patch) as (keyof KioskSettings)[])
        this.table.put(key, JSON.stringify(next[key]), at);
    });
    return next;
  }
}
