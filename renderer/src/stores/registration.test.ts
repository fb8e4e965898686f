import { beforeEach, describe, expect, it } from 'vitest';
import type { PersonDraft } from '#shared/contract/person';
import type { KeyFile, RegistrationPrefill, SignInResult } from '#shared/contract/signin';
import { err, ok } from '#shared/result';
import { validPerson } from '#shared/rules/person/test-person.test-support';
import { installFakeKiosk, type FakeKiosk } from '../../test/fake-kiosk';
import { useDocumentsStore } from './documents';
import { useReceiptsStore } from './receipts';
import { checkRegistration, draftFromPrefill, useRegistrationStore } from './registration';
import { resetAllStores } from './reset';
import { failed } from './loadable';
import { useSignInStore } from './signin';
import { useUiStore } from './ui';

const KEY: KeyFile = {
  id: 'k1',
  fileName: 'key.jks',
  folder: 'unknown-drfo',
  medium: null,
  removable: false,
  kind: 'jks',
};

const PREFILL: RegistrationPrefill = {
  lastName: 'Дем’яненко',
  firstName: 'Андрій',
  secondName: 'Іванович',
  taxId: '3126509817',
  birthDate: '1997-05-06',
};

const ADULT: SignInResult = {
  access: 'full',
  accessReason: 'adult',
  ageYears: 29,
  greeting: { vocative: 'Андрію Івановичу', nominative: 'Андрій Іванович' },
};

/** The valid person of the rules' tests, as the form holds it (names from the key). */
function typedPerson(): PersonDraft {
  const { tax_id: _t, no_tax_id: _n, secret: _s, ...person } = validPerson();
  return { ...person, last_name: PREFILL.lastName } as PersonDraft;
}

let fake: FakeKiosk;
beforeEach(() => {
  fake = installFakeKiosk();
  fake.respond('registrationPrefill', () => ok(PREFILL));
  useSignInStore.setState({ chosenKey: KEY, signingIn: failed({ code: 'PERSON_NOT_FOUND', message: 'x' }) });
  useUiStore.getState().goTo('signInError');
});

const store = () => useRegistrationStore.getState();

/** Through the explanation and the form with a valid person, to the phone step. */
async function toPhoneStep(): Promise<void> {
  await store().begin();
  store().setConsent(true);
  store().toForm();
  store().updateDraft((d) => Object.assign(d, typedPerson()));
  store().setSecret('Барвінок');
  store().checkForm();
}

/** … and a code sent and typed, to the signing screen. */
async function toSignStep(): Promise<void> {
  await toPhoneStep();
  fake.respond('registrationRequestCode', () => ok({ codeSent: true }));
  await store().requestCode();
  store().setCode('4321');
  store().toReview();
  store().toSign();
}

describe('registration store', () => {
  it('begins with the explanation and the key’s details; no form without consent', async () => {
    await store().begin();
    expect(useUiStore.getState().screen).toBe('registrationIntro');
    expect(store().prefill).toEqual({ status: 'ready', data: PREFILL, error: null });
    store().toForm();
    expect(useUiStore.getState().screen).toBe('registrationIntro');
    expect(store().consentAsked).toBe(true);
    store().setConsent(true);
    expect(store().consentAsked).toBe(false);
    store().toForm();
    expect(useUiStore.getState().screen).toBe('registrationForm');
    expect(store().draft).toMatchObject({
      last_name: PREFILL.lastName,
      first_name: 'Андрій',
      second_name: 'Іванович',
      birth_date: '1997-05-06',
    });
  });

  it('a key the kiosk cannot read details from: the error, and no form', async () => {
    fake.respond('registrationPrefill', () => err('FLOW_EXPIRED', 'gone'));
    await store().begin();
    expect(store().prefill.error?.code).toBe('FLOW_EXPIRED');
    store().setConsent(true);
    store().toForm();
    expect(useUiStore.getState().screen).toBe('registrationIntro');
  });

  it('checks the form with eHealth’s rules: each mistake at its field, the part of the first one opens', async () => {
    await store().begin();
    store().setConsent(true);
    store().toForm();
    store().setSection('emergency');
    store().checkForm();
    expect(useUiStore.getState().screen).toBe('registrationForm');
    const paths = store().violations.map((v) => `${v.path}:${v.rule}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'birth_settlement:required',
        'gender:required',
        'documents.0.number:required',
        'addresses.0.settlement_id:address.settlement',
        'emergency_contact.last_name:required',
        'emergency_contact.phones.0.number:required',
        'secret:secret.length',
      ]),
    );
    expect(store().section).toBe('main');
    // fixing a field re-checks at once (the message goes as soon as it is right)
    store().updateDraft((d) => void (d.birth_settlement = 'Житомир'));
    expect(store().violations.some((v) => v.path === 'birth_settlement')).toBe(false);
    store().setSecret('Барвінок');
    expect(store().violations.some((v) => v.path === 'secret')).toBe(false);
  });

  it('the key’s tax id is the one checked; under 14 a parent registers the child', () => {
    const draft = { ...typedPerson(), birth_date: '2015-01-01' };
    draft.documents = [{ type: 'BIRTH_CERTIFICATE', number: 'І-ЛВ123456' }];
    delete draft.unzr;
    const v = checkRegistration(PREFILL, draft, 'Барвінок', '2026-06-15');
    expect(v).toContainEqual({ path: 'birth_date', rule: 'registration.under14' });
    expect(
      checkRegistration({ ...PREFILL, taxId: '3126509818' }, typedPerson(), 'Барвінок', '2026-06-15'),
    ).toEqual([{ path: 'tax_id', rule: 'taxId.checksum' }]);
    expect(checkRegistration(PREFILL, typedPerson(), 'Барвінок', '2026-06-15')).toEqual([]);
  });

  it('a valid form goes to the phone step with the form’s mobile offered', async () => {
    await toPhoneStep();
    expect(store().violations).toEqual([]);
    expect(useUiStore.getState().screen).toBe('registrationPhone');
    expect(store().phone).toBe('+380501234502');
  });

  it('the phone: a wrong number is refused here; a good one gets a code; the code must be 4 digits', async () => {
    await toPhoneStep();
    store().setPhone('+38050123');
    await store().requestCode();
    expect(fake.callsTo('registrationRequestCode')).toEqual([]);
    expect(store().phoneStep.error?.details?.violations).toEqual([
      { path: 'authentication_methods.0.phone_number', rule: 'phone.format' },
    ]);
    fake.respond('registrationRequestCode', () => ok({ codeSent: true }));
    store().setPhone('+380951234508');
    await store().requestCode();
    expect(fake.callsTo('registrationRequestCode')).toEqual([{ phone: '+380951234508' }]);
    expect(store()).toMatchObject({ codeSent: true, sentTo: '+380951234508' });
    expect(store().phoneStep.error).toBeNull();
    store().setCode('12a');
    store().toReview();
    expect(useUiStore.getState().screen).toBe('registrationPhone');
    expect(store().phoneStep.error?.details?.violations).toEqual([{ path: 'otp', rule: 'required' }]);
    store().setCode('1234');
    store().toReview();
    expect(useUiStore.getState().screen).toBe('registrationReview');
  });

  it('signed and delivered: the new person is signed in at home and nothing typed is kept', async () => {
    await toSignStep();
    fake.respond('registrationSubmit', () => ok({ status: 'signed-in', signIn: ADULT }));
    fake.respond('documentsRefresh', () => ok({ documents: [], complete: true }));
    const r = await store().submit('ostap-3333');
    expect(r.ok).toBe(true);
    const [sent] = fake.callsTo('registrationSubmit') as {
      person: Record<string, unknown>;
      keyId: string;
      password: string;
      phone: string;
      code: string;
    }[];
    expect(sent).toMatchObject({ keyId: 'k1', password: 'ostap-3333', phone: '+380501234502', code: '4321' });
    expect(sent?.person).toMatchObject({ secret: 'Барвінок', last_name: PREFILL.lastName });
    expect(useUiStore.getState().screen).toBe('home');
    expect(useSignInStore.getState().patient).toEqual(ADULT);
    const kept = JSON.stringify(store());
    for (const typed of ['Барвінок', 'Бойко', '+380501234502', '4321', 'ostap-3333', 'Андрій'])
      expect(kept).not.toContain(typed);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsTo('documentsRefresh')).toHaveLength(1);
    expect(useUiStore.getState().screen).toBe('home');
  });

  it('eHealth asks for documents of the new person: they are captured, then home', async () => {
    await toSignStep();
    fake.respond('registrationSubmit', () => ok({ status: 'signed-in', signIn: ADULT }));
    fake.respond('documentsRefresh', () =>
      ok({ documents: [{ type: 'PASSPORT', uploaded: false }], complete: false }),
    );
    await store().submit('pw');
    await new Promise((r) => setTimeout(r, 0));
    expect(useUiStore.getState().screen).toBe('documentCapture');
    expect(useDocumentsStore.getState().flow).toMatchObject({ types: ['PASSPORT'], next: 'home' });
  });

  it('a teen who may only view is signed in view-only; no documents are asked for', async () => {
    await toSignStep();
    const teen: SignInResult = {
      ...ADULT,
      access: 'view-only',
      accessReason: 'teen-capacity-not-verified',
      ageYears: 15,
    };
    fake.respond('registrationSubmit', () => ok({ status: 'signed-in', signIn: teen }));
    await store().submit('pw');
    await new Promise((r) => setTimeout(r, 0));
    expect(useUiStore.getState().screen).toBe('home');
    expect(useSignInStore.getState().patient?.access).toBe('view-only');
    expect(fake.callsTo('documentsRefresh')).toEqual([]);
  });

  it('signed while eHealth is unreachable: the receipt with its code and deadline, nothing typed kept', async () => {
    await toSignStep();
    const receipt = {
      operationId: 'op-1',
      referenceCode: 'AB12-CD34',
      deadline: '2026-12-06T10:15:00.000Z',
      windowMinutes: 15,
    };
    fake.respond('registrationSubmit', () => ok({ status: 'queued', receipt }));
    await store().submit('pw');
    expect(useUiStore.getState().screen).toBe('registrationQueued');
    expect(store().queued).toEqual(receipt);
    expect(store().draft).toBeNull();
    expect(useSignInStore.getState().patient).toBeNull();
    expect(useReceiptsStore.getState().target).toMatchObject({
      source: { operationId: 'op-1' },
      kind: 'registration.sign-up',
      state: 'queued',
      referenceCode: 'AB12-CD34',
    });
  });

  it.each([
    ['SMS_CODE_WRONG', 'registrationPhone'],
    ['SMS_CODE_EXPIRED', 'registrationPhone'],
    ['KEY_WRONG_PASSWORD', 'registrationSign'],
    ['EHEALTH_UNAVAILABLE', 'registrationSign'],
  ] as const)('%s: the patient is taken to %s with the error', async (code, screen) => {
    await toSignStep();
    fake.respond('registrationSubmit', () => err(code, 'refused', { attemptsLeft: 2 }));
    await store().submit('pw');
    expect(useUiStore.getState().screen).toBe(screen);
    const shown = screen === 'registrationPhone' ? store().phoneStep.error : store().submission.error;
    expect(shown?.code).toBe(code);
    expect(useSignInStore.getState().patient).toBeNull();
  });

  it('the code’s time is over: back to the phone to ask for a new code', async () => {
    await toSignStep();
    fake.respond('registrationSubmit', () => err('FLOW_EXPIRED', 'ask for a new code'));
    await store().submit('pw');
    expect(useUiStore.getState().screen).toBe('registrationPhone');
    expect(store()).toMatchObject({ codeSent: null, sentTo: null, code: '', phone: '+380501234502' });
    expect(store().phoneStep.error?.code).toBe('FLOW_EXPIRED');
  });

  it('a person eHealth counts as under 14: the same page as at sign-in', async () => {
    await toSignStep();
    fake.respond('registrationSubmit', () => err('AGE_UNDER_14', 'child'));
    await store().submit('pw');
    expect(useUiStore.getState().screen).toBe('under14');
    expect(useSignInStore.getState().signingIn.error?.code).toBe('AGE_UNDER_14');
  });

  it('a refused identity brings the form back with the reason at the key’s names', async () => {
    await toSignStep();
    fake.respond('registrationSubmit', () =>
      err('VALIDATION', 'refused', {
        violations: [{ path: 'last_name', rule: 'registration.lastName' }],
        source: 'ehealth',
      }),
    );
    store().setSection('contacts');
    await store().submit('pw');
    expect(useUiStore.getState().screen).toBe('registrationForm');
    expect(store()).toMatchObject({
      section: 'main',
      showErrors: true,
      violationSource: 'ehealth',
      violations: [{ path: 'last_name', rule: 'registration.lastName' }],
    });
  });

  it('an answer after the visitor left (Finish) brings nobody back', async () => {
    await toSignStep();
    fake.respond('registrationSubmit', () => ok({ status: 'signed-in', signIn: ADULT }));
    // main is still working when the visitor taps Finish (the store resets at once)
    const submitted = store().submit('pw');
    resetAllStores();
    await submitted;
    expect(useUiStore.getState().screen).toBe('welcome');
    expect(useSignInStore.getState().patient).toBeNull();
    expect(store().draft).toBeNull();
  });

  it('cancel forgets everything and goes back to the key list', async () => {
    await toPhoneStep();
    store().cancel();
    expect(useUiStore.getState().screen).toBe('insertKey');
    expect(store().draft).toBeNull();
    expect(useSignInStore.getState().signingIn.error).toBeNull();
  });

  it('the starting draft: one empty document and a residence address; an emergency phone to fill', () => {
    const d = draftFromPrefill({ ...PREFILL, secondName: '', birthDate: null });
    expect(d).not.toHaveProperty('second_name');
    expect(d.birth_date).toBe('');
    expect(d.documents).toHaveLength(1);
    expect(d.addresses[0]?.type).toBe('RESIDENCE');
    expect(d.emergency_contact.phones).toHaveLength(1);
  });
});
