/**
 * The kiosk's eHealth backend for the environment it runs in: the client, the outbox and its
 * delivery worker, the connectivity monitor and the doctor directory, built together once per start
 * of the services; and the checks of whether an environment can run at all.
 */
export { ConnectivityMonitor, httpProbe, type ConnectivityOptions } from './connectivity';
export { createBackend, type Backend, type BackendPorts } from './engine';
export {
  checkEnvironment,
  createKioskBackend,
  realEnvironmentConfig,
  type BackendOptions,
} from './environment';
