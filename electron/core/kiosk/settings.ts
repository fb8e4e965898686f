import { z } from 'zod';
import { Environment } from '#shared/contract/app';
import type { Db } from '../db/database';
import { OperatorHosts } from '../ehealth/hosts';

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

export class SettingsStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(): KioskSettings {
    const rows = this.db.prepare('SELECT key, value FROM settings WHERE encrypted = 0').all() as {
      key: string;
      value: string;
    }[];
    const stored: Record<string, unknown> = {};
    for (const r of rows) {
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
    const upsert = this.db.prepare(
      `INSERT INTO settings (key, value, encrypted, updated_at) VALUES (?, ?, 0, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      for (const key of Object.keys(patch) as (keyof KioskSettings)[])
        upsert.run(key, JSON.stringify(next[key]), at);
    })();
    return next;
  }
}
