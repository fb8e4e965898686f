import { z } from 'zod';
import type { Db } from '../db';
import { SettingsTable } from '../kiosk';

/** Where the kiosk stands: its clinic's coordinates and ids ("doctors in this clinic" come first). */
export const ClinicLocationSchema = z
  .object({
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    legalEntityId: z.string().min(1).max(64).optional(),
    divisionIds: z.array(z.string().min(1).max(64)).max(50).optional(),
  })
  .strict();
export type ClinicLocation = z.infer<typeof ClinicLocationSchema>;

export const CLINIC_SETTING_KEY = 'directory.clinic';

/** Stored as a distance when unknown, so that unknown distances sort last. */
export const UNKNOWN_DISTANCE = 1e9;

export function readClinic(db: Db): ClinicLocation | null {
  return new SettingsTable(db).readJson(CLINIC_SETTING_KEY, ClinicLocationSchema);
}
