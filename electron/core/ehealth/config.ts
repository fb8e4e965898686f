import { z } from 'zod';

/** Where and as whom the kiosk talks to eHealth (or the sandbox). Secrets never leave main. */
export const EhealthConfig = z.object({
  /** API host, e.g. https://api.ehealth.gov.ua, or the sandbox's base URL. */
  baseUrl: z.url().transform((u) => u.replace(/\/+$/, '')),
  /** The `api-key` header (the PIS client's key). */
  apiKey: z.string().min(1),
  /** Client credentials of the trusted PIS client (sign-in, refresh). Not needed for bulk replication. */
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  /** The scope requested at sign-in (space-separated). */
  scope: z.string().optional(),
  /** Per-request timeout. */
  timeoutMs: z.number().int().positive().max(600_000).default(20_000),
  /**
   * eHealth's term for a declaration or person request (its global parameter
   * `declaration_request_expiration`, 1 day as published): a request not signed and delivered
   * within it expires at eHealth. eHealth returns no expiry with the request, so the kiosk counts
   * this term from when it received eHealth's answer creating the request (never before eHealth
   * created it): a signed act waits for delivery until then, not a moment less.
   */
  requestTermHours: z
    .number()
    .positive()
    .max(24 * 366)
    .default(24),
});
export type EhealthConfig = z.output<typeof EhealthConfig>;
export type EhealthConfigInput = z.input<typeof EhealthConfig>;

/** When eHealth lets a request created at `createdAt` (kiosk clock) expire: the act's delivery deadline. */
export const requestDeadline = (config: Pick<EhealthConfig, 'requestTermHours'>, createdAt: Date): Date =>
  new Date(createdAt.getTime() + config.requestTermHours * 3_600_000);
