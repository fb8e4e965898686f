import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OperationView } from '#shared/contract/outbox';
import { ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../../test/fake-kiosk';
import { operationChanged } from '../../kiosk/outbox-link';
import { useRegistrationStore } from '../../stores/registration';
import { useUiStore } from '../../stores/ui';
import { atPhoneStep } from '../RegistrationIntro/registration-fixture.test-support';
import { RegistrationQueued } from './RegistrationQueued';

const RECEIPT = {
  operationId: 'op-1',
  referenceCode: 'AB12-CD34',
  deadline: new Date(Date.UTC(2026, 11, 6, 9, 45)).toISOString(),
  windowMinutes: 15,
};

let fake: FakeKiosk;
beforeEach(async () => {
  fake = installFakeKiosk();
  await atPhoneStep(fake);
  fake.respond('registrationRequestCode', () => ok({ codeSent: true }));
  await useRegistrationStore.getState().requestCode();
  useRegistrationStore.getState().setCode('1234');
  useRegistrationStore.getState().toReview();
  useRegistrationStore.getState().toSign();
  fake.respond('registrationSubmit', () => ok({ status: 'queued', receipt: RECEIPT }));
  fake.respond('receiptPreview', () =>
    ok({ title: 'Квитанція', html: '<p>Реєстрація в eHealth AB12-CD34</p>' }),
  );
  fake.respond('receiptPrint', () => ok({ via: 'pdf' }));
  await useRegistrationStore.getState().submit('pw');
});

const at = (iso: string) => new Date(iso).toLocaleTimeString('uk-UA', { hour: '2-digit', minute: '2-digit' });

describe('RegistrationQueued', () => {
  it('the receipt: kept by the kiosk until the deadline, its code, printable', async () => {
    render(<RegistrationQueued />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Реєстрацію підписано');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(
      `сам надішле її, щойно звʼязок відновиться, — до ${at(RECEIPT.deadline)}`,
    );
    expect(screen.getByText('AB12-CD34')).toHaveClass('cabinet__reference');
    await screen.findByRole('document', { name: 'Квитанція, яку буде надруковано' });
    expect(fake.callsTo('receiptPreview')).toEqual([{ source: { operationId: 'op-1' }, language: 'uk' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Надрукувати' }));
    await screen.findByText('Збережено як файл (у цьому кіоску немає принтера).');
    expect(screen.queryByRole('button', { name: 'Увійти своїм ключем' })).toBeNull();
  });

  it('delivered while the patient is still here: told so, and signing in is offered', async () => {
    render(<RegistrationQueued />);
    operationChanged({ id: 'op-1', state: 'done' } as OperationView);
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent('Реєстрацію доставлено'));
    fireEvent.click(screen.getByRole('button', { name: 'Увійти своїм ключем' }));
    expect(useUiStore.getState().screen).toBe('insertKey');
  });
});
