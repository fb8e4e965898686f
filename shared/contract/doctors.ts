import { z } from 'zod';
import { defineChannel } from './define';

/** The specialities a declaration can be signed with (eHealth SPECIALITY_TYPE). */
export const DeclarationSpeciality = z.enum(['FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN']);
export type DeclarationSpeciality = z.infer<typeof DeclarationSpeciality>;

export const DoctorSearchQuery = z
  .object({
    /** Free text on the doctor's name: any order, prefixes, Ukrainian letter variants. */
    text: z.string().max(120).optional(),
    speciality: DeclarationSpeciality.optional(),
    /** The patient's age in full years: limits the specialities (therapist ≥ 18, pediatrician < 18). */
    age: z.number().int().min(0).max(130).optional(),
    oblast: z.string().max(80).optional(),
    settlement: z.string().max(120).optional(),
    divisionId: z.string().max(64).optional(),
    legalEntityId: z.string().max(64).optional(),
    /** Also list doctors with no free places (shown, but a declaration would be refused). */
    includeFull: z.boolean().default(false),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .strict();
export type DoctorSearchQuery = z.input<typeof DoctorSearchQuery>;

export const DoctorCard = z.object({
  employeeId: z.string(),
  partyId: z.string(),
  fullName: z.string(),
  speciality: DeclarationSpeciality,
  divisionId: z.string(),
  divisionName: z.string().nullable(),
  legalEntityId: z.string(),
  legalEntityName: z.string().nullable(),
  oblast: z.string().nullable(),
  settlement: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** From the kiosk's clinic, when its coordinates are configured. */
  distanceKm: z.number().nullable(),
  /** Works in the clinic where this kiosk stands. */
  inThisClinic: z.boolean(),
  declarationsLimit: z.number().int().nullable(),
  declarationsCount: z.number().int().nullable(),
  /** limit − count; null when eHealth published no limit for this doctor. */
  freePlaces: z.number().int().nullable(),
});
export type DoctorCard = z.infer<typeof DoctorCard>;

export const DoctorSearchResult = z.object({
  items: z.array(DoctorCard),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** When the directory was last replicated (searches work offline on it). */
  directoryUpdatedAt: z.string().nullable(),
});
export type DoctorSearchResult = z.infer<typeof DoctorSearchResult>;

const WorkingHours = z.record(z.string(), z.array(z.tuple([z.string(), z.string()])));

export const DoctorDetails = DoctorCard.extend({
  position: z.string().nullable(),
  specialities: z.array(
    z.object({ speciality: z.string(), level: z.string().nullable(), officio: z.boolean() }),
  ),
  education: z.array(
    z.object({
      institution: z.string().nullable(),
      speciality: z.string().nullable(),
      year: z.string().nullable(),
    }),
  ),
  aboutMyself: z.string().nullable(),
  workingExperience: z.number().nullable(),
  divisionPhones: z.array(z.string()),
  divisionEmail: z.string().nullable(),
  workingHours: WorkingHours,
});
export type DoctorDetails = z.infer<typeof DoctorDetails>;

export const DirectoryStatus = z.object({
  lastSyncAt: z.string().nullable(),
  lastFullSyncAt: z.string().nullable(),
  /** `meta.date` of the last bulk dump (the moment limits and counts are valid for). */
  serverDate: z.string().nullable(),
  doctors: z.number().int().min(0),
  syncing: z.boolean(),
});
export type DirectoryStatus = z.infer<typeof DirectoryStatus>;

export const DirectoryProgress = z.object({
  mode: z.enum(['full', 'incremental']),
  phase: z.enum(['download', 'stage', 'apply', 'done', 'failed']),
  entity: z.string().nullable(),
  /** Steps done and total (one download per bulk entity, plus the final apply). */
  step: z.number().int().min(0),
  steps: z.number().int().min(1),
  rows: z.number().int().min(0),
});
export type DirectoryProgress = z.infer<typeof DirectoryProgress>;

export const doctorsChannels = {
  doctorsSearch: defineChannel(DoctorSearchQuery, DoctorSearchResult),
  doctorsGet: defineChannel(z.object({ employeeId: z.string().min(1).max(64) }).strict(), DoctorDetails),
  directoryStatus: defineChannel(z.object({}).strict(), DirectoryStatus),
  /** Starts a sync now (incremental if a directory exists); progress comes as `directoryProgress`. */
  directorySync: defineChannel(z.object({}).strict(), z.object({ started: z.boolean() })),
};

export const doctorsEvents = {
  directoryProgress: DirectoryProgress,
};
