/**
 * The durable outbox: every mutating eHealth call is stored here, sealed, with the local change it
 * belongs to, before it is sent; the delivery worker sends it when it can. Owns the tables
 * outbox_operations, outbox_credentials (outbox-store.ts) and outbox_worker_lease (lease.ts).
 */
export { isProcessAlive, readLease, type LeaseRow } from './lease';
export {
  Outbox,
  type EnqueueInput,
  type HoldInput,
  type OutboxOptions,
  type Settled,
  type TransitionPatch,
} from './outbox';
export { countByState } from './outbox-store';
export { operationError, outcomeOf, publicFailure, waitForOperation, type WaitOptions } from './outcome';
export { toView, type OperationRow, type StoredError } from './rows';
export { DeliveryWorker, type ConnectivitySource, type WorkerOptions } from './worker';
