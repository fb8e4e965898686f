import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { operationView, personView } from '../screens/PersonData/person-fixture.test-support';
import {
  checkDraft,
  sectionOf,
  selectPersonLoading,
  selectSigning,
  usePersonStore,
  violationsBySection,
} from './person';
import { resetAllStores } from './reset';
import { useUiStore } from './ui';

const store = () => usePersonStore.getState();

async function loaded() {
  const fake = installFakeKiosk();
  fake.respond('personGet', () => ok(personView()));
  await store().load();
  return fake;
}

describe('person store', () => {
  it('loads the person and starts a change from it', async () => {
    await loaded();
    expect(store().view.data?.person.last_name).toBe("Дем'яненко");
    store().startEdit();
    expect(useUiStore.getState().screen).toBe('personEdit');
    expect(store().draft).toEqual(store().view.data?.person);
    expect(store().draft).not.toBe(store().view.data?.person);
  });

  it('a view-only teen cannot start a change', async () => {
    const fake = installFakeKiosk();
    fake.respond('personGet', () => ok(personView({ access: 'view-only' })));
    await store().load();
    store().startEdit();
    expect(store().draft).toBeNull();
    expect(useUiStore.getState().screen).not.toBe('personEdit');
  });

  it('checks the rules before asking main; opens the part with the first mistake; re-checks as the patient types', async () => {
    const fake = await loaded();
    store().startEdit();
    store().updateDraft((d) => {
      d.documents[0]!.number = '1234';
      d.email = 'andrii@example';
    });
    expect(store().violations).toEqual([]); // no nagging before the first try
    store().setConsent(true);
    await store().submit();
    expect(fake.callsTo('personRequestCreate')).toHaveLength(0);
    expect(store().violations).toEqual([
      { path: 'documents.0.number', rule: 'document.number.idCard' },
      { path: 'email', rule: 'email.format' },
    ]);
    expect(store().section).toBe('documents');
    store().updateDraft((d) => void (d.documents[0]!.number = '123456789'));
    expect(store().violations).toEqual([{ path: 'email', rule: 'email.format' }]);
  });

  it('needs consent before sending', async () => {
    const fake = await loaded();
    store().startEdit();
    await store().submit();
    expect(store().violations).toEqual([]);
    expect(fake.callsTo('personRequestCreate')).toHaveLength(0);
  });

  it('sends a valid change and opens the review with eHealth’s printout', async () => {
    const fake = await loaded();
    fake.respond('personRequestCreate', () =>
      ok({ requestId: 'req-1', printoutHtml: '<p>Заява</p>', changed: ['email'], documents: [] }),
    );
    store().startEdit();
    store().updateDraft((d) => void (d.email = 'new@example.com'));
    store().setConsent(true);
    await store().submit();
    expect(fake.callsTo('personRequestCreate')).toEqual([
      { person: expect.objectContaining({ email: 'new@example.com' }), consent: true },
    ]);
    expect(store().request?.requestId).toBe('req-1');
    expect(useUiStore.getState().screen).toBe('personReview');
  });

  it('shows eHealth’s refusals at the fields it named', async () => {
    const fake = await loaded();
    fake.respond('personRequestCreate', () =>
      err('VALIDATION', 'refused', {
        violations: [{ path: 'addresses.0.settlement_id', rule: 'ehealth.refused' }],
        source: 'ehealth',
      }),
    );
    store().startEdit();
    store().setConsent(true);
    await store().submit();
    expect(store().violationSource).toBe('ehealth');
    expect(store().violations).toEqual([{ path: 'addresses.0.settlement_id', rule: 'ehealth.refused' }]);
    expect(store().section).toBe('addresses');
    expect(useUiStore.getState().screen).toBe('personEdit');
  });

  it('signs by request id, follows the queued completion, and reloads when it is done', async () => {
    const fake = await loaded();
    fake.respond('personRequestCreate', () =>
      ok({ requestId: 'req-1', printoutHtml: '<p>Заява</p>', changed: [], documents: [] }),
    );
    fake.respond('personRequestSign', () => ok({ operation: operationView() }));
    store().startEdit();
    store().setConsent(true);
    await store().submit();
    await store().sign();
    expect(fake.callsTo('personRequestSign')).toEqual([{ requestId: 'req-1' }]);
    expect(useUiStore.getState().screen).toBe('personResult');
    expect(store().operation?.state).toBe('waiting-network');
    const reads = fake.callsTo('personGet').length;
    store().operationChanged(operationView({ id: 'someone-else', state: 'done' }));
    expect(store().operation?.state).toBe('waiting-network');
    store().operationChanged(operationView({ state: 'done' }));
    expect(store().operation?.state).toBe('done');
    expect(fake.callsTo('personGet').length).toBe(reads + 1);
  });

  it('going back from the review withdraws eHealth’s request and keeps the change', async () => {
    const fake = await loaded();
    fake.respond('personRequestCreate', () =>
      ok({ requestId: 'req-1', printoutHtml: '<p/>', changed: [], documents: [] }),
    );
    fake.respond('personRequestCancel', () => ok({ cancelled: true }));
    store().startEdit();
    store().updateDraft((d) => void (d.birth_settlement = 'Стрий'));
    store().setConsent(true);
    await store().submit();
    await store().backToEdit();
    expect(fake.callsTo('personRequestCancel')).toEqual([{ requestId: 'req-1' }]);
    expect(store().draft?.birth_settlement).toBe('Стрий');
    expect(useUiStore.getState().screen).toBe('personEdit');
  });

  it('a wrong SMS code lowers the tries shown', async () => {
    const fake = await loaded();
    fake.respond('personPhoneStart', () =>
      ok({
        requestId: 'amr-1',
        phoneMasked: '+38067*****01',
        codeLength: 4,
        expiresAt: '2026-06-15T10:15:00.000Z',
        attemptsLeft: 3,
      }),
    );
    fake.respond('personPhoneConfirm', () => err('SMS_CODE_WRONG', 'wrong', { attemptsLeft: 2 }));
    await store().phoneStart('+380675550101', '', null);
    expect(store().phone.step).toBe('code');
    await store().phoneConfirm('1234');
    expect(store().phone.send.error?.code).toBe('SMS_CODE_WRONG');
    expect(store().phone.challenge?.attemptsLeft).toBe(2);
  });

  it('a reload is busy while main reads; a failed one keeps the person shown with the reason', async () => {
    const fake = await loaded();
    fake.respond('personGet', () => err('EHEALTH_UNAVAILABLE', 'down'));
    const pending = store().load();
    expect(selectPersonLoading(store())).toBe(true);
    await pending;
    expect(selectPersonLoading(store())).toBe(false);
    expect(store().view.error?.code).toBe('EHEALTH_UNAVAILABLE');
    expect(store().view.data?.person.last_name).toBe("Дем'яненко");
  });

  it('signing is busy while main signs and queues; a refusal is kept for the review', async () => {
    const fake = await loaded();
    store().startEdit();
    usePersonStore.setState({
      request: { requestId: 'req-1', printoutHtml: '<p/>', changed: ['email'], documents: [] },
    });
    fake.respond('personRequestSign', () => err('SIGNER_FAILED', 'no'));
    const pending = store().sign();
    expect(selectSigning(store())).toBe(true);
    await store().sign(); // a second tap while signing asks nothing more
    await pending;
    expect(fake.callsTo('personRequestSign')).toHaveLength(1);
    expect(selectSigning(store())).toBe(false);
    expect(store().signature.error?.code).toBe('SIGNER_FAILED');
    expect(store().request?.requestId).toBe('req-1');
  });

  it('forgets everything on a wipe', async () => {
    await loaded();
    store().startEdit();
    resetAllStores();
    expect(store().view.data).toBeNull();
    expect(store().draft).toBeNull();
  });
});

describe('person store helpers', () => {
  it('knows which part of the form a field is in', () => {
    expect(sectionOf('documents.1.number')).toBe('documents');
    expect(sectionOf('emergency_contact.phones.0.number')).toBe('emergency');
    expect(sectionOf('email')).toBe('contacts');
    expect(sectionOf('unzr')).toBe('main');
    expect(
      violationsBySection([
        { path: 'email', rule: 'email.format' },
        { path: 'phones', rule: 'phone.atLeastOne' },
      ]),
    ).toMatchObject({
      contacts: 2,
      main: 0,
    });
  });

  it('checks with the tax id main holds (the patient cannot change it)', () => {
    const view = personView({ taxId: '3126509816' });
    expect(checkDraft(view, view.person)).toEqual([{ path: 'tax_id', rule: 'taxId.checksum' }]);
  });
});
