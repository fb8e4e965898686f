import type { RegistrarSettings, RegistrarSettingsPatch } from '#shared/contract/registrar';
import { callKiosk } from '../bridge';
import { runAction, type DoneKey } from './activity';
import type { RegistrarSlice } from './slice';

/** The kiosk's settings: each change is saved in main at once and applies at once. */
export interface SettingsSlice {
  settings: RegistrarSettings | null;
  loadSettings(): Promise<void>;
  updateSettings(patch: RegistrarSettingsPatch, done?: DoneKey): Promise<boolean>;
}

export const initialSettings: Pick<SettingsSlice, 'settings'> = { settings: null };

export const settingsSlice: RegistrarSlice<SettingsSlice> = (set, get) => ({
  ...initialSettings,
  loadSettings: async () => {
    await runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarSettings({})),
      (settings) => set({ settings }),
    );
  },
  updateSettings: (patch, done = 'saved') =>
    runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarUpdateSettings(patch)),
      (settings) => {
        set({ settings });
        return done;
      },
    ),
});
