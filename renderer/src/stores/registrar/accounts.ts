import { callKiosk } from '../bridge';
import { runAction } from './activity';
import type { RegistrarSlice } from './slice';

/** Staff: another registrar's account, and a new PIN for the one signed in. */
export interface AccountsSlice {
  addRegistrar(registrarId: string, pin: string): Promise<boolean>;
  changePin(currentPin: string, pin: string): Promise<boolean>;
}

export const accountsSlice: RegistrarSlice<AccountsSlice> = (set, get) => ({
  addRegistrar: (registrarId, pin) =>
    runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarAddAccount({ registrarId, pin })),
      () => 'registrarAdded',
    ),
  changePin: (currentPin, pin) =>
    runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarChangePin({ currentPin, pin })),
      () => 'pinChanged',
    ),
});
