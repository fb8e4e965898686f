import type { ScreenId } from '../../stores/ui';

export const REGISTRAR_SCREENS = [
  'registrarPin',
  'registrarPanel',
  'registrarOutbox',
  'registrarDirectory',
  'registrarSettings',
  'registrarAudit',
] as const satisfies readonly ScreenId[];

export const isRegistrarScreen = (screen: ScreenId): boolean =>
  (REGISTRAR_SCREENS as readonly ScreenId[]).includes(screen);
