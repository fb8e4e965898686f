import type { z } from 'zod';
import type { RealEnvironment, SecretName } from '#shared/contract/registrar';

export type RealEnv = z.infer<typeof RealEnvironment>;
export type Secret = z.infer<typeof SecretName>;

/** The one setting being typed right now. */
export type EditTarget =
  | { kind: 'credential'; env: RealEnv; name: Secret }
  | { kind: 'divisionId' }
  | { kind: 'latitude' }
  | { kind: 'longitude' }
  | { kind: 'printerName' }
  | { kind: 'addRegistrar' }
  | { kind: 'changePin' };
