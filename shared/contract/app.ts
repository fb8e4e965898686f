import { z } from 'zod';
import { defineChannel } from './define';

export const Environment = z.enum(['training', 'demo', 'preprod', 'prod']);
export type Environment = z.infer<typeof Environment>;

export const Connectivity = z.enum(['online', 'degraded', 'offline']);
export type Connectivity = z.infer<typeof Connectivity>;

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
