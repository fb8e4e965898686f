import { z } from 'zod';
import type { Db } from '../db/database';
import { distanceKm } from './eligibility';

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
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(CLINIC_SETTING_KEY) as
    { value: string } | undefined;
  if (!row) return null;
  try {
    const parsed = ClinicLocationSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Rank (1 = in this clinic) and distance of every doctor for the given clinic; call inside a transaction. */
export function applyClinicOrder(db: Db, clinic: ClinicLocation | null): void {
  const rows = db
    .prepare('SELECT rowid AS id, division_id, legal_entity_id, latitude, longitude FROM dir_doctors')
    .all() as {
    id: number;
    division_id: string;
    legal_entity_id: string;
    latitude: number | null;
    longitude: number | null;
  }[];
  const update = db.prepare('UPDATE dir_doctors SET clinic_rank = ?, clinic_distance_km = ? WHERE rowid = ?');
  const hasPoint = typeof clinic?.latitude === 'number' && typeof clinic.longitude === 'number';
  for (const r of rows) {
    const rank =
      clinic &&
      (clinic.legalEntityId === r.legal_entity_id || (clinic.divisionIds ?? []).includes(r.division_id))
        ? 1
        : 0;
    const distance =
      hasPoint && r.latitude !== null && r.longitude !== null
        ? distanceKm(r.latitude, r.longitude, clinic?.latitude as number, clinic?.longitude as number)
        : UNKNOWN_DISTANCE;
    update.run(rank, distance, r.id);
  }
}
