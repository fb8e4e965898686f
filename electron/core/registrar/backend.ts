import type { Environment } from '#shared/contract/app';
import { err, ok, type Result } from '#shared/result';
import type { EhealthConfigInput } from '../ehealth/config';
import type { PisApi } from '../ehealth/pis-api';
import type { SecretSettings, SecretName } from './secrets';
import { SECRET_NAMES } from './secrets';
import type { KioskSettings } from './settings';

/**
 * The scopes a patient session asks for at sign-in on a real environment: reading and changing the
 * person, their declarations and declaration requests, person requests, authentication methods and
 * the e-cabinet apps (the training sandbox announces its own).
 */
export const PATIENT_SCOPE = [
  'person:sign_in',
  'authentication_method:write',
  'person_request:read',
  'person_request:write',
  'declaration:read_pis',
  'declaration:terminate_pis',
  'declaration_request:write_pis',
  'declaration_request:read_pis',
  'declaration_request:details_pis',
  'declaration_request:sign_pis',
  'declaration_request:reject_pis',
  'app:read',
  'app:delete',
].join(' ');

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
