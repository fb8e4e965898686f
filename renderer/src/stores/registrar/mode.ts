import type { RegistrarState } from '#shared/contract/registrar';
import { callKiosk } from '../bridge';
import { failed } from '../loadable';
import { runAction } from './activity';
import type { RegistrarSlice } from './slice';

/**
 * Registrar mode as main has it (who is signed in, the assisted session, whether a PIN is set), the
 * PIN sign-in and sign-out, and quitting the kiosk program. Never a PIN: the PIN screen keeps what is
 * typed and hands it over once.
 */
export interface ModeSlice {
  status: RegistrarState | null;
  refreshStatus(): Promise<RegistrarState | null>;
  setStatus(status: RegistrarState): void;
  setFirstPin(registrarId: string, pin: string, enrollmentCode: string): Promise<boolean>;
  signIn(registrarId: string, pin: string): Promise<boolean>;
  signOut(): Promise<void>;
  /** Closes the kiosk program (where the host allows it). */
  quitKiosk(): Promise<boolean>;
}

export const initialMode: Pick<ModeSlice, 'status'> = { status: null };

export const modeSlice: RegistrarSlice<ModeSlice> = (set, get) => ({
  ...initialMode,

  refreshStatus: async () => {
    const r = await callKiosk((b) => b.api.registrarStatus({}));
    if (!r.ok) {
      set({ activity: failed(r.error, get().activity) });
      return null;
    }
    set({ status: r.value });
    return r.value;
  },
  setStatus: (status) => set({ status }),

  setFirstPin: (registrarId, pin, enrollmentCode) =>
    runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarSetFirstPin({ registrarId, pin, enrollmentCode })),
      (status) => set({ status }),
    ),
  signIn: (registrarId, pin) =>
    runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarSignIn({ registrarId, pin })),
      (status) => set({ status }),
    ),
  signOut: async () => {
    await runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarSignOut({})),
      (status) => get().forget(status),
    );
  },

  quitKiosk: () =>
    runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarQuit({})),
      () => undefined,
    ),
});
