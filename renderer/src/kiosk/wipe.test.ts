import { describe, expect, it } from 'vitest';
import { err } from '#shared/result';
import { installFakeKiosk, TEST_APP_INFO } from '../../test/fake-kiosk';
import { useAppStore } from '../stores/app';
import { useSessionStore } from '../stores/session';
import { useUiStore } from '../stores/ui';
import { isEndingLocally, wipe } from './wipe';

const ENGLISH_KIOSK = {
  ...TEST_APP_INFO,
  defaults: { ...TEST_APP_INFO.defaults, language: 'en' as const, largeText: true },
};

const loadAppInfo = () => useAppStore.getState().loadInfo();

function visitTheKiosk(): void {
  const ui = useUiStore.getState();
  ui.setLanguage('en');
  ui.setLargeText(true);
  ui.setHighContrast(true);
  ui.goTo('keyboardPractice');
  useSessionStore.getState().idleEvent({ type: 'arm', now: 0 }, { timeoutMs: 90_000, warningMs: 20_000 });
}

describe('wipe', () => {
  it('resets every store, returns to welcome with the defaults and ends the session in main', async () => {
    const fake = installFakeKiosk();
    await loadAppInfo();
    visitTheKiosk();
    await wipe('idle', { notifyMain: true });
    expect(useUiStore.getState().screen).toBe('welcome');
    expect(useUiStore.getState()).toMatchObject({
      language: 'uk',
      largeText: false,
      highContrast: false,
    });
    expect(useSessionStore.getState().idle.phase).toBe('disarmed');
    expect(fake.callsTo('sessionEnd')).toEqual([{ reason: 'idle' }]);
  });

  it('restores the kiosk’s own defaults, not the built-in ones', async () => {
    installFakeKiosk(ENGLISH_KIOSK);
    await loadAppInfo();
    useUiStore.getState().setLanguage('uk');
    useUiStore.getState().goTo('insertKey');
    await wipe('finish', { notifyMain: true });
    expect(useUiStore.getState()).toMatchObject({
      language: 'en',
      largeText: true,
      highContrast: false,
    });
    expect(useAppStore.getState().info).toEqual(ENGLISH_KIOSK);
  });

  it('does not call main back when main announced the end itself', async () => {
    const fake = installFakeKiosk();
    visitTheKiosk();
    await wipe('key-removed', { notifyMain: false });
    expect(fake.callsTo('sessionEnd')).toEqual([]);
    expect(useUiStore.getState().screen).toBe('welcome');
  });

  it('shows main’s failure to end the session instead of hiding it', async () => {
    const fake = installFakeKiosk();
    fake.respond('sessionEnd', () => err('INTERNAL', 'partition could not be destroyed'));
    visitTheKiosk();
    await wipe('finish', { notifyMain: true });
    expect(useUiStore.getState().screen).toBe('welcome');
    expect(useAppStore.getState().notice?.code).toBe('INTERNAL');
  });

  it('still wipes the screen when there is no bridge at all', async () => {
    visitTheKiosk();
    await wipe('idle', { notifyMain: true });
    expect(useUiStore.getState().screen).toBe('welcome');
    expect(useAppStore.getState().notice?.code).toBe('NOT_AVAILABLE');
  });

  it('picks up defaults the registrar changed meanwhile', async () => {
    const fake = installFakeKiosk();
    await loadAppInfo();
    visitTheKiosk();
    fake.respond('appInfo', () => ({ ok: true, value: ENGLISH_KIOSK }));
    await wipe('finish', { notifyMain: true });
    expect(useUiStore.getState().language).toBe('en');
  });
});

describe('loadAppInfo', () => {
  it('applies new defaults while the kiosk is pristine', async () => {
    installFakeKiosk(ENGLISH_KIOSK);
    await loadAppInfo();
    expect(useUiStore.getState().language).toBe('en');
    expect(useUiStore.getState().largeText).toBe(true);
  });

  it('never overrides what a visitor chose', async () => {
    installFakeKiosk(ENGLISH_KIOSK);
    useUiStore.getState().setHighContrast(true);
    await loadAppInfo();
    expect(useUiStore.getState()).toMatchObject({ language: 'uk', largeText: false, highContrast: true });
    expect(useAppStore.getState().defaults.language).toBe('en');
  });

  it('turns a failing or throwing bridge into a notice', async () => {
    const fake = installFakeKiosk();
    fake.respond('appInfo', () => {
      throw new Error('socket closed');
    });
    await loadAppInfo();
    expect(useAppStore.getState().notice).toMatchObject({ code: 'INTERNAL' });
    expect(useAppStore.getState().notice?.message).toContain('socket closed');
  });

  it("marks its own end as local while main answers, so main's echo is not a second wipe", async () => {
    const fake = installFakeKiosk();
    let seenDuringCall: boolean | null = null;
    fake.respond('sessionEnd', () => {
      seenDuringCall = isEndingLocally();
      return { ok: true, value: { ended: true } };
    });
    visitTheKiosk();
    await wipe('finish', { notifyMain: true });
    expect(seenDuringCall).toBe(true);
    expect(isEndingLocally()).toBe(false);
  });

  it('clears the local mark even when main fails', async () => {
    const fake = installFakeKiosk();
    fake.respond('sessionEnd', () => err('INTERNAL', 'boom'));
    await wipe('finish', { notifyMain: true });
    expect(isEndingLocally()).toBe(false);
    expect(useAppStore.getState().notice?.code).toBe('INTERNAL');
  });
});
