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
  /**
   * The visitor is doing something on screen (touches, keys), reported now and then: like every
   * call it keeps main's backstop for a silent renderer from ending the session. `active`: whether
   * main holds a patient session.
   */
  sessionActivity: defineChannel(z.object({}).strict(), z.object({ active: z.boolean() })),
};

export const sessionEvents = {
  sessionEnded: z.object({ reason: SessionEndReason }),
};
