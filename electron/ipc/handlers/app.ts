import { ok } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

export const appHandlers = (s: KioskServices): Pick<Handlers, 'appInfo'> => ({
  appInfo: () => {
    const settings = s.settings.get();
    return ok({
      version: s.version,
      environment: settings.environment,
      trainingMode: settings.environment === 'training',
      connectivity: s.connectivity(),
      defaults: {
        language: settings.language,
        largeText: settings.largeText,
        highContrast: settings.highContrast,
        idleTimeoutSeconds: settings.idleTimeoutSeconds,
        idleWarningSeconds: settings.idleWarningSeconds,
      },
    });
  },
});
