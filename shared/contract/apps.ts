import { z } from 'zod';
import { ActionOutcome, PendingAction } from './declarations';
import { defineChannel } from './define';

/**
 * The eHealth scopes an e-cabinet may hold that the kiosk explains in plain words (renderer i18n
 * `scope.<name>`). Anything else is shown as "another permission" with its technical name.
 */
export const KNOWN_SCOPES = [
  'person:sign_in',
  'person:read',
  'person:write',
  'authentication_method:write',
  'person_request:read',
  'person_request:write',
  'declaration:read',
  'declaration:read_pis',
  'declaration:terminate',
  'declaration:terminate_pis',
  'declaration_request:read',
  'declaration_request:read_pis',
  'declaration_request:details_pis',
  'declaration_request:write',
  'declaration_request:write_pis',
  'declaration_request:sign_pis',
  'declaration_request:reject_pis',
  'app:read',
  'app:delete',
] as const;
export type KnownScope = (typeof KNOWN_SCOPES)[number];

export const isKnownScope = (s: string): s is KnownScope => (KNOWN_SCOPES as readonly string[]).includes(s);

/** An e-cabinet (client application) with access to the patient's data. */
export const AppAccess = z.object({
  id: z.string(),
  name: z.string(),
  /** Scopes as eHealth lists them (the renderer explains each). */
  scopes: z.array(z.string()),
  /** When the access was granted. */
  since: z.string().nullable(),
  /** Granted on someone's behalf (a confidant acted for the patient). */
  grantedByConfidant: z.boolean(),
  /** This kiosk itself: its access lasts only while the patient is here; not revoked from here. */
  thisKiosk: z.boolean(),
  /** A revocation queued at this kiosk and not delivered yet. */
  pendingRevoke: PendingAction.nullable(),
});
export type AppAccess = z.infer<typeof AppAccess>;

export const AppsList = z.object({
  apps: z.array(AppAccess),
  /** eHealth could not be reached: this is the list as read earlier in this visit. */
  stale: z.boolean(),
});
export type AppsList = z.infer<typeof AppsList>;

export const appsChannels = {
  appsList: defineChannel(z.object({}).strict(), AppsList),
  /** Takes the access away; queued through the outbox (works offline). */
  appsRevoke: defineChannel(z.object({ appId: z.string().min(1).max(64) }).strict(), ActionOutcome),
};
