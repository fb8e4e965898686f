import type { Environment } from '#shared/contract/app';
import { err, ok, type Result } from '#shared/result';
import { PATIENT_SCOPE } from '#shared/scopes';
import type { EhealthConfigInput } from '../ehealth/config';
import type { PisApi } from '../ehealth/pis-api';
import type { SecretSettings, SecretName } from './secrets';
import { SECRET_NAMES } from './secrets';
import type { KioskSettings } from './settings';

/** Starts (or returns the already running) training sandbox; supplied by the host. */
export type TrainingBackendPort = () => Promise<Result<EhealthConfigInput>>;

/**
 * Where and as whom the kiosk talks to eHealth in `environment`: the embedded sandbox for training,
 * otherwise the registrar's base URL and the sealed credentials. An incomplete configuration is a
 * VALIDATION error naming the missing credentials (never their values).
 */
export async function ehealthConfigFor(
  environment: Environment,
  settings: KioskSettings,
  secrets: SecretSettings,
  training: TrainingBackendPort | null,
): Promise<Result<EhealthConfigInput>> {
  if (environment === 'training') {
    if (!training) return err('NOT_AVAILABLE', 'this kiosk build has no training sandbox');
    return training();
  }
  return realEnvironmentConfig(environment, settings, secrets);
}

/** The configuration of a real environment from the settings and the sealed credentials. */
export function realEnvironmentConfig(
  environment: Exclude<Environment, 'training'>,
  settings: KioskSettings,
  secrets: SecretSettings,
): Result<EhealthConfigInput> {
  const values = Object.fromEntries(SECRET_NAMES.map((n) => [n, secrets.get(environment, n)])) as Record<
    SecretName,
    string | null
  >;
  const missing = SECRET_NAMES.filter((n) => !values[n]);
  if (missing.length)
    return err('VALIDATION', `the ${environment} environment needs its credentials: ${missing.join(', ')}`, {
      missing,
    });
  return ok({
    baseUrl: settings.baseUrls[environment],
    apiKey: values.apiKey as string,
    clientId: values.clientId as string,
    clientSecret: values.clientSecret as string,
    scope: PATIENT_SCOPE,
  });
}

/**
 * A PIS client that always calls the backend in use. Services keep the object they were given at
 * start; when the registrar switches the environment, their next call goes to the new backend.
 */
export function switchablePisApi(current: () => PisApi): PisApi {
  return new Proxy({} as PisApi, {
    get: (_target, prop) => Reflect.get(current(), prop) as unknown,
    has: (_target, prop) => Reflect.has(current(), prop),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(current(), prop);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}
