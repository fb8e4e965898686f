import { z } from 'zod';
import { defineChannel } from './define';

/**
 * Life of an outbox operation:
 * captured → waiting-network → sending → done | rejected | needs-patient | expired.
 * `captured`: stored durably, not sent yet (possibly held until the patient signs);
 * `waiting-network`: due again after the link returns or a backoff ends;
 * `needs-patient`: eHealth no longer accepts the patient's tokens — they must sign in again.
 */
export const OperationState = z.enum([
  'captured',
  'waiting-network',
  'sending',
  'done',
  'rejected',
  'needs-patient',
  'expired',
]);
export type OperationState = z.infer<typeof OperationState>;

export const OperationKind = z.enum([
  'app.revoke',
  'declaration.terminate',
  'declaration-request.create',
  'declaration-request.sign',
  'declaration-request.reject',
  'person-request.create',
  'person-request.complete',
  'person-request.reject',
  'auth-method-request.create',
  'auth-method-request.approve',
  'auth-method.deactivate',
  'auth-method.set-alias',
  'registration.sign-up',
]);
export type OperationKind = z.infer<typeof OperationKind>;

/** What eHealth said when it refused an operation (kept for the registrar). */
export const EhealthErrorView = z.object({
  status: z.number().int().nullable(),
  type: z.string().nullable(),
  message: z.string().nullable(),
  entries: z.array(z.string()),
});

/** An operation as the renderer may see it: no payload, no tokens, no personal data. */
export const OperationView = z.object({
  id: z.string(),
  referenceCode: z.string(),
  kind: OperationKind.or(z.string()),
  state: OperationState,
  /** Waiting for the patient's signature before it may be sent. */
  held: z.boolean(),
  flowId: z.string().nullable(),
  attempts: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  ehealthId: z.string().nullable(),
  discarded: z.boolean(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      ehealth: EhealthErrorView.nullable(),
    })
    .nullable(),
});
export type OperationView = z.infer<typeof OperationView>;

export const KeyProtection = z.enum(['os', 'key-file', 'ephemeral']);

export const OutboxStatus = z.object({
  counts: z.record(OperationState, z.number().int().min(0)),
  /** How the at-rest key is protected; anything but 'os' is shown as a warning to the registrar. */
  keyProtection: KeyProtection,
  keyWarning: z.boolean(),
  lastDeliveredAt: z.string().nullable(),
});
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const outboxChannels = {
  /** Most recent operations first. */
  outboxList: defineChannel(
    z
      .object({
        states: z.array(OperationState).max(7).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({ operations: z.array(OperationView) }),
  ),
  /** One operation by id or by the reference code printed on the patient's receipt. */
  outboxGet: defineChannel(
    z
      .object({ id: z.string().min(1).max(64) })
      .strict()
      .or(z.object({ referenceCode: z.string().min(4).max(16) }).strict()),
    OperationView,
  ),
  outboxStatus: defineChannel(z.object({}).strict(), OutboxStatus),
};

export const outboxEvents = {
  /** Pushed on every change of state (and when an operation is captured). */
  outboxChanged: OperationView,
};
