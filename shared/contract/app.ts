import { z } from 'zod';
import { defineChannel } from './define';

export const Environment = z.enum(['training', 'demo', 'preprod', 'prod']);
export type Environment = z.infer<typeof Environment>;

export const Connectivity = z.enum(['online', 'degraded', 'offline']);
export type Connectivity = z.infer<typeof Connectivity>;

/**
 * Why the link is not online: an answer that is not eHealth's (a captive portal's login page, a
 * proxy), a name that does not resolve, a TLS failure, no answer in time, nothing reachable, or
 * eHealth itself failing (5xx) or throttling (429).
 */
export const ConnectivityCause = z.enum([
  'captive-portal',
  'not-ehealth',
  'dns',
  'tls',
  'timeout',
  'unreachable',
  'server-error',
  'rate-limited',
]);
export type ConnectivityCause = z.infer<typeof ConnectivityCause>;

export const AppInfo = z.object({
  version: z.string(),
  environment: Environment,
  trainingMode: z.boolean(),
  connectivity: Connectivity,
  /** Kiosk-wide defaults set by the registrar; the renderer falls back to them after every wipe. */
  defaults: z.object({
    language: z.enum(['uk', 'en']),
    largeText: z.boolean(),
    highContrast: z.boolean(),
    idleTimeoutSeconds: z.number().int().min(30).max(600),
    idleWarningSeconds: z.number().int().min(20).max(120),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appChannels = {
  appInfo: defineChannel(z.object({}).strict(), AppInfo),
};
