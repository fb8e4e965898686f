import type { KioskBridge, KioskEvents } from '#shared/contract';
import type { Result } from '#shared/result';
import { err, ok } from '#shared/result';
import { kiosk } from '../api';

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The stores' one way to main (screens and components reach main through a store; the boundary
 * lint holds them to it). Calls main through the api module and always yields a Result: a missing bridge (no preload, no
 * browser host) becomes NOT_AVAILABLE and a bridge that throws becomes INTERNAL, so the screen can
 * say so instead of crashing.
 */
export async function callKiosk<T>(call: (bridge: KioskBridge) => Promise<Result<T>>): Promise<Result<T>> {
  let bridge: KioskBridge;
  try {
    bridge = kiosk();
  } catch (e) {
    return err('NOT_AVAILABLE', `kiosk bridge unavailable: ${describe(e)}`);
  }
  try {
    return await call(bridge);
  } catch (e) {
    return err('INTERNAL', `kiosk bridge call failed: ${describe(e)}`);
  }
}

/** Subscribes to a push event; the value is the unsubscribe function. */
export function listenKiosk(subscribe: (events: KioskEvents) => () => void): Result<() => void> {
  try {
    return ok(subscribe(kiosk().events));
  } catch (e) {
    return err('NOT_AVAILABLE', `kiosk events unavailable: ${describe(e)}`);
  }
}
