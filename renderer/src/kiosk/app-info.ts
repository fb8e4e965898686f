import { useAppStore } from '../stores/app';
import { isPristine, useUiStore } from '../stores/ui';
import { callKiosk } from './call';

/**
 * Asks main for the kiosk's identity and defaults. New defaults are applied to the display only
 * while nobody is using the kiosk (pristine); a visitor's own choices are never overridden.
 */
export async function loadAppInfo(): Promise<void> {
  const result = await callKiosk((bridge) => bridge.api.appInfo({}));
  if (!result.ok) {
    useAppStore.getState().setNotice(result.error);
    return;
  }
  const wasPristine = isPristine(useUiStore.getState(), useAppStore.getState().defaults);
  useAppStore.getState().setInfo(result.value);
  if (wasPristine) useUiStore.getState().applyPreferences(result.value.defaults);
}
