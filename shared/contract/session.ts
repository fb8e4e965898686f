import { z } from 'zod';
import { defineChannel } from './define';

export const SessionEndReason = z.enum(['finish', 'idle', 'key-removed', 'registrar', 'error']);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

export const sessionChannels = {
  /** Ends the patient session in main: signer killed, tokens dropped, partition destroyed. Idempotent. */
  sessionEnd: defineChannel(
    z.object({ reason: SessionEndReason }).strict(),
    z.object({ ended: z.boolean() }),
  ),
};

export const sessionEvents = {
  sessionEnded: z.object({ reason: SessionEndReason }),
};
