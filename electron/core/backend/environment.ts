import type { Environment } from '#shared/contract/app';
import { err, ok, type Result } from '#shared/result';
import { PATIENT_SCOPE } from '#shared/scopes';
import { type EhealthConfigInput, baseUrlFor, pinnedTransport, fetchTransport } from '../ehealth';
import { SECRET_NAMES, type KioskSettings, type SecretName, type SecretSettings } from '../kiosk';
import { createBackend, type Backend, type BackendPorts } from './engine';

/**
 * The configuration of a real environment: its listed eHealth host (ehealth/hosts.ts) and its sealed
 * credentials. An incomplete configuration is a VALIDATION error naming the missing credentials
 * (never their values).
 */
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
    baseUrl: baseUrlFor(environment, settings.operatorHosts),
    apiKey: values.apiKey as string,
    clientId: values.clientId as string,
    clientSecret: values.clientSecret as string,
    scope: PATIENT_SCOPE,
  });
}

/**
 * Whether the kiosk could run in `environment` after a restart: a real one needs its credentials, and
 * training needs a host that can start the embedded sandbox. Nothing is started or changed here.
 */
export function checkEnvironment(
  environment: Environment,
  settings: KioskSettings,
  secrets: SecretSettings,
  trainingAvailable: boolean,
): Result<void> {
  if (environment === 'training')
    return trainingAvailable
      ? ok(undefined)
      : err('NOT_AVAILABLE', 'this kiosk build has no training sandbox');
  const config = realEnvironmentConfig(environment, settings, secrets);
  return config.ok ? ok(undefined) : config;
}

export interface BackendOptions {
  /** Everything the backend needs except the eHealth configuration, which is decided here. */
  engine: Omit<BackendPorts, 'ehealth'>;
  environment: Environment;
  settings: KioskSettings;
  secrets: SecretSettings;
  /** What the host configured for training (its sandbox), or a test's backend; else from the settings. */
  initial?: EhealthConfigInput | null;
}

/**
 * The kiosk's eHealth backend for the environment it runs in (engine.ts: client, outbox and delivery
 * worker, connectivity monitor, directory). It is built once per start: a change of environment or of
 * its credentials restarts the kiosk's services (hosts/kiosk-runtime.ts), so nothing that depends on
 * the environment outlives it. A real environment's client can only reach its listed eHealth host.
 */
export function createKioskBackend(o: BackendOptions): Backend {
  let config = o.initial ?? null;
  let transport = o.engine.transport;
  if (!config && o.environment !== 'training') {
    const r = realEnvironmentConfig(o.environment, o.settings, o.secrets);
    if (r.ok) {
      config = r.value;
      transport = pinnedTransport(r.value.baseUrl, transport ?? fetchTransport);
    } else o.engine.log.warn({ code: r.error.code }, 'no eHealth backend: the environment is not configured');
  }
  return createBackend({
    ...o.engine,
    ...(transport ? { transport } : {}),
    ...(config ? { ehealth: config } : {}),
  });
}
