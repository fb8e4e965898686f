import type { PersonDraft } from '#shared/contract/person';
import type { KeyFile, RegistrationPrefill } from '#shared/contract/signin';
import { ok } from '#shared/result';
import type { FakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrationStore } from '../../stores/registration';
import { useSignInStore } from '../../stores/signin';

/** The key of a refused sign-in and what main reads from its certificate, for the registration screens' tests. */
export const KEY: KeyFile = {
  id: 'k1',
  fileName: 'key.jks',
  folder: 'unknown-drfo',
  medium: null,
  removable: false,
  kind: 'jks',
};

export const PREFILL: RegistrationPrefill = {
  lastName: 'Пилипенко',
  firstName: 'Остап',
  secondName: 'Юрійович',
  taxId: '3126509817',
  birthDate: '1997-05-06',
};

/** A person that passes every rule, as the form would hold it. */
export const TYPED: PersonDraft = {
  last_name: 'Пилипенко',
  first_name: 'Остап',
  second_name: 'Юрійович',
  birth_date: '1997-05-06',
  birth_country: 'Україна',
  birth_settlement: 'Житомир',
  gender: 'MALE',
  documents: [{ type: 'PASSPORT', number: 'ВК123456', issued_at: '2017-05-10' }],
  addresses: [
    {
      type: 'RESIDENCE',
      country: 'UA',
      area: 'Житомирська',
      settlement: 'Житомир',
      settlement_type: 'CITY',
      settlement_id: '0f0e2b1c-3d4e-4f50-8a6b-7c8d9e0f1a2b',
      building: '15',
    },
  ],
  phones: [{ type: 'MOBILE', number: '+380951234508' }],
  emergency_contact: {
    first_name: 'Ганна',
    last_name: 'Пилипенко',
    phones: [{ type: 'MOBILE', number: '+380951234599' }],
  },
};

/** The store as it is after the form was checked (the phone step), with main answering the prefill. */
export async function atPhoneStep(fake: FakeKiosk): Promise<void> {
  fake.respond('registrationPrefill', () => ok(PREFILL));
  useSignInStore.setState({ chosenKey: KEY });
  const s = useRegistrationStore.getState();
  await s.begin();
  s.setConsent(true);
  s.toForm();
  s.updateDraft((d) => Object.assign(d, structuredClone(TYPED)));
  s.setSecret('Ромашка');
  s.checkForm();
}
