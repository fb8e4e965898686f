import { describe, expect, it } from 'vitest';
import { TEST_APP_INFO } from '../../test/fake-kiosk';
import { BUILT_IN_DEFAULTS, selectIdleConfig, selectTrainingMode, useAppStore } from './app';
import { resetAllStores } from './reset';

describe('app store', () => {
  it('uses the built-in defaults (Ukrainian, 90 s + 20 s) until main answers', () => {
    expect(useAppStore.getState().defaults).toEqual(BUILT_IN_DEFAULTS);
    expect(selectIdleConfig(useAppStore.getState())).toEqual({ timeoutMs: 90_000, warningMs: 20_000 });
    expect(selectTrainingMode(useAppStore.getState())).toBe(false);
  });

  it('takes the defaults from appInfo', () => {
    useAppStore.getState().setInfo({
      ...TEST_APP_INFO,
      defaults: { ...TEST_APP_INFO.defaults, idleTimeoutSeconds: 120, idleWarningSeconds: 30 },
    });
    expect(selectIdleConfig(useAppStore.getState())).toEqual({ timeoutMs: 120_000, warningMs: 30_000 });
    expect(selectTrainingMode(useAppStore.getState())).toBe(true);
  });

  it('keeps a notice until dismissed, and forgets everything on reset', () => {
    useAppStore.getState().setNotice({ code: 'INTERNAL', message: 'x' });
    expect(useAppStore.getState().notice?.code).toBe('INTERNAL');
    useAppStore.getState().dismissNotice();
    expect(useAppStore.getState().notice).toBeNull();
    useAppStore.getState().setInfo(TEST_APP_INFO);
    resetAllStores();
    expect(useAppStore.getState().info).toBeNull();
  });
});
