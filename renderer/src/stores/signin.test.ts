import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyFile, SignInResult } from '#shared/contract/signin';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import type { FakeKiosk } from '../../test/fake-kiosk';
import { resetAllStores } from './reset';
import {
  selectKeyFiles,
  selectKeysAnswered,
  selectSigningIn,
  selectViewOnly,
  useSignInStore,
} from './signin';
import { useUiStore } from './ui';

const KEY: KeyFile = {
  id: 'k1',
  fileName: 'Key-6.dat',
  folder: null,
  medium: 'FLASH',
  removable: true,
  kind: 'key6-pbes2',
};

const ADULT: SignInResult = {
  access: 'full',
  accessReason: 'adult',
  ageYears: 42,
  greeting: { vocative: 'Олено Петрівно', nominative: 'Олена Петрівна' },
};

let fake: FakeKiosk;
beforeEach(() => {
  fake = installFakeKiosk();
  useSignInStore.getState().chooseKey(KEY);
});

describe('sign-in store', () => {
  it('signs in with the chosen key and goes home; the password is not kept', async () => {
    fake.respond('signinStart', () => ok(ADULT));
    const r = await useSignInStore.getState().signIn('secret-pass');
    expect(r.ok).toBe(true);
    expect(fake.callsTo('signinStart')).toEqual([{ keyId: 'k1', password: 'secret-pass' }]);
    expect(useUiStore.getState().screen).toBe('home');
    const state = useSignInStore.getState();
    expect(state.patient).not.toBeNull();
    expect(state.patient?.access).toBe('full');
    expect(selectSigningIn(state)).toBe(false);
    expect(JSON.stringify(state)).not.toContain('secret-pass');
  });

  it.each([
    ['KEY_WRONG_PASSWORD', 'keyPassword'],
    ['KEY_LOCKED', 'keyPassword'],
    ['AGE_UNDER_14', 'under14'],
    ['EHEALTH_UNAVAILABLE', 'signInError'],
    ['CERT_EXPIRED', 'signInError'],
    ['PERSON_NOT_FOUND', 'signInError'],
  ] as const)('%s leads to %s with the error kept for that screen', async (code, screen) => {
    fake.respond('signinStart', () => err(code, 'refused', { attemptsLeft: 3 }));
    await useSignInStore.getState().signIn('x');
    expect(useUiStore.getState().screen).toBe(screen);
    expect(useSignInStore.getState().signingIn.error?.code).toBe(code);
    expect(useSignInStore.getState().patient).toBeNull();
  });

  it('shows progress while main works and follows its steps', async () => {
    let seenScreen = '';
    fake.respond('signinStart', () => {
      seenScreen = useUiStore.getState().screen;
      fake.emit('signinProgress', { step: 'signing-in' });
      expect(useSignInStore.getState().step).toBe('signing-in');
      expect(selectSigningIn(useSignInStore.getState())).toBe(true);
      return ok(ADULT);
    });
    await useSignInStore.getState().signIn('x');
    expect(seenScreen).toBe('signingIn');
    expect(useSignInStore.getState().step).toBeNull();
  });

  it('a late answer after the visitor left (Finish, idle wipe) brings nobody back', async () => {
    fake.respond('signinStart', () => {
      resetAllStores(); // what a wipe does meanwhile
      return ok(ADULT);
    });
    await useSignInStore.getState().signIn('x');
    expect(useUiStore.getState().screen).toBe('welcome');
    expect(useSignInStore.getState().patient).toBeNull();
  });

  it('a chosen key whose medium was pulled stops being the choice', () => {
    useSignInStore.getState().setKeys([{ ...KEY, id: 'other' }]);
    expect(useSignInStore.getState().chosenKey).toBeNull();
  });

  it('view-only teens may not act; a wipe forgets the patient', async () => {
    fake.respond('signinStart', () =>
      ok({ ...ADULT, access: 'view-only', accessReason: 'teen-capacity-not-verified', ageYears: 15 }),
    );
    await useSignInStore.getState().signIn('x');
    expect(selectViewOnly(useSignInStore.getState())).toBe(true);
    expect(useSignInStore.getState().patient?.access).not.toBe('full');
    resetAllStores();
    expect(useSignInStore.getState().patient).toBeNull();
    expect(useSignInStore.getState().chosenKey).toBeNull();
  });

  it('the key list: unanswered until main answers, a failed look keeps the list shown with its error, a push clears it', async () => {
    resetAllStores();
    expect(selectKeysAnswered(useSignInStore.getState())).toBe(false);
    expect(selectKeyFiles(useSignInStore.getState())).toEqual([]);
    fake.respond('signinKeys', () => ok({ keys: [KEY] }));
    await useSignInStore.getState().loadKeys(true);
    expect(fake.callsTo('signinKeys')).toEqual([{ watch: true }]);
    expect(selectKeysAnswered(useSignInStore.getState())).toBe(true);
    expect(selectKeyFiles(useSignInStore.getState())).toEqual([KEY]);
    fake.respond('signinKeys', () => err('NOT_AVAILABLE', 'x'));
    await useSignInStore.getState().loadKeys(false);
    expect(useSignInStore.getState().keys.error?.code).toBe('NOT_AVAILABLE');
    expect(selectKeyFiles(useSignInStore.getState())).toEqual([KEY]);
    useSignInStore.getState().setKeys([]);
    expect(useSignInStore.getState().keys.error).toBeNull();
    expect(selectKeyFiles(useSignInStore.getState())).toEqual([]);
  });

  it('without a chosen key nothing is sent', async () => {
    resetAllStores();
    const r = await useSignInStore.getState().signIn('x');
    expect(r).toMatchObject({ ok: false, error: { code: 'KEY_NOT_FOUND' } });
    expect(fake.callsTo('signinStart')).toEqual([]);
  });

  it('a sign-in another way (registration) is held as after a sign-in; its refusal as a sign-in error', () => {
    useSignInStore.setState({ step: 'opening-key' });
    useSignInStore.getState().refuse({ code: 'AGE_UNDER_14', message: 'x' });
    expect(useSignInStore.getState().signingIn).toMatchObject({
      status: 'error',
      error: { code: 'AGE_UNDER_14' },
    });
    expect(useSignInStore.getState().step).toBeNull();
    useSignInStore.getState().enter(ADULT);
    expect(useSignInStore.getState()).toMatchObject({
      patient: ADULT,
      signingIn: { status: 'idle', error: null },
      step: null,
    });
    expect(fake.callsTo('signinStart')).toEqual([]);
  });
});
