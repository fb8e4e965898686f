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
});
export type EhealthConfig = z.output<typeof EhealthConfig>;
export type EhealthConfigInput = z.input<typeof EhealthConfig>;
