import { z } from 'zod';
import { defineChannel } from './define';

/**
 * The child as eHealth asks a parent to identify them for a confidant sign-in: surname, given name
 * (and patronymic), date of birth, and the birth certificate's number or the tax id (РНОКПП).
 */
export const ChildIdentity = z
  .object({
    lastName: z.string().trim().min(1).max(255),
    firstName: z.string().trim().min(1).max(255),
    secondName: z.string().trim().max(255).default(''),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    document: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('birth-certificate'), number: z.string().trim().min(2).max(30) }).strict(),
      z.object({ kind: z.literal('tax-id'), number: z.string().regex(/^[0-9]{10}$/) }).strict(),
    ]),
  })
  .strict();
export type ChildIdentity = z.infer<typeof ChildIdentity>;

export const ActorRole = z.enum(['parent', 'guardian', 'representative']);

/** Someone the signed-in person acts for in this session (shown in the banner; never an eHealth id). */
export const ActedFor = z.object({
  /** An opaque handle for this session only. */
  handle: z.string().min(1).max(64),
  /** Given name and surname, as the banner shows them. */
  name: z.string().max(300),
  ageYears: z.number().int().min(0).max(150),
  access: z.enum(['full', 'view-only']),
  reason: z.enum(['child-under-14', 'teen-signs-own', 'relation-not-verified']),
  role: ActorRole,
});
export type ActedFor = z.infer<typeof ActedFor>;

export const ActingState = z.object({
  /** Whether the signed-in person may act for someone at all (an adult, or 14–17 with capacity). */
  mayActForOthers: z.boolean(),
  /** Everyone they act for in this session, in the order they were opened. */
  children: z.array(ActedFor).max(20),
  /** The handle of the one the cabinet is about now; null: the signed-in person's own cabinet. */
  active: z.string().max(64).nullable(),
});
export type ActingState = z.infer<typeof ActingState>;

export const actingChannels = {
  /** Who the session may be about and who it is about now. */
  actingState: defineChannel(z.object({}).strict(), ActingState),
  /**
   * Signs, with the signed-in person's key, the child's identity for eHealth's confidant sign-in and
   * opens the child's cabinet. Errors: NO_RELATION, CHILD_NOT_FOUND, ACTING_NOT_ALLOWED, VIEW_ONLY,
   * CERT_REVOKED, EHEALTH_UNAVAILABLE, NO_SESSION…
   */
  actingStart: defineChannel(ChildIdentity, ActingState),
  /** One tap: back to the signed-in person's own cabinet (null) or to a child already opened. */
  actingSwitch: defineChannel(
    z.object({ handle: z.string().min(1).max(64).nullable() }).strict(),
    ActingState,
  ),
};
