/**
 * The ONLY module that touches `window.kiosk` (the Electron preload) or the WebSocket bridge of the
 * browser host. Everything else in the renderer calls `kiosk().api.<channel>(request)` and
 * `kiosk().events.<event>(listener)`, and gets Result values — never exceptions.
 */
import type { KioskBridge } from '#shared/contract';

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

let bridge: KioskBridge | null = null;
let factory: (() => KioskBridge) | null = null;

/** The browser-host bridge registers itself here (see ./ws-bridge.ts); Electron needs nothing. */
export const setBridgeFactory = (f: () => KioskBridge): void => {
  factory = f;
};

export function kiosk(): KioskBridge {
  if (bridge) return bridge;
  if (typeof window !== 'undefined' && window.kiosk) bridge = window.kiosk;
  else if (factory) bridge = factory();
  else
    throw new Error('no kiosk bridge: neither the Electron preload nor the browser-host bridge is available');
  return bridge;
}

/** Tests only: replace the bridge (renderer unit tests run without a main side). */
export const setKioskForTests = (b: KioskBridge | null): void => {
  bridge = b;
};
