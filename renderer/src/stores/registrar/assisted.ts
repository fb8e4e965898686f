import { callKiosk } from '../bridge';
import { runAction } from './activity';
import type { RegistrarSlice } from './slice';

/**
 * A registrar assisting a visitor: opening the assisted session, confirming the visitor's birth
 * date against eHealth's record, and handing the kiosk back (after which nothing of the panel stays).
 */
export interface AssistedSlice {
  startAssisted(): Promise<boolean>;
  confirmBirthDate(birthDate: string): Promise<boolean>;
  handBack(): Promise<void>;
}

export const assistedSlice: RegistrarSlice<AssistedSlice> = (set, get) => ({
  startAssisted: () =>
    runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarAssistStart({})),
      (status) => set({ status }),
    ),
  confirmBirthDate: (birthDate) =>
    runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarConfirmBirthDate({ birthDate })),
      (status) => set({ status }),
    ),
  handBack: async () => {
    await runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarHandBack({})),
      (status) => get().forget(status),
    );
  },
});
