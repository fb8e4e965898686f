import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useDeclarationsStore } from '../../stores/declarations';
import { useUiStore } from '../../stores/ui';
import { DOCTOR, DRAFT, OVERVIEW } from '../Declarations/samples.test-support';
import { DeclarationWizard } from './DeclarationWizard';

describe('DeclarationWizard', () => {
  it('warns that the current declaration ends, shows eHealth’s printout, and signs on request', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsOverview', () => ok(OVERVIEW));
    kiosk.respond('declarationRequestStart', () => ok(DRAFT));
    kiosk.respond('declarationRequestConfirm', () =>
      ok({
        operationId: 'op-1',
        referenceCode: 'K7M4-PX9C',
        state: 'queued',
        at: '2026-03-01T10:00:00Z',
        declarationNumber: DRAFT.declarationNumber,
        declarationId: null,
      }),
    );
    useDeclarationsStore.getState().startWizard(DOCTOR);
    render(<DeclarationWizard />);
    expect(screen.getByText('Крок 1 з 3')).toBeInTheDocument();
    expect(screen.getByText('Ви обрали: Петренко Марія Іванівна, Сімейний лікар.')).toBeInTheDocument();
    expect(
      await screen.findByText(/Ваша чинна декларація з лікарем Вишневська Єлизавета Дмитрівна припиниться/),
    ).toBeInTheDocument();
    expect(kiosk.callsTo('declarationRequestStart')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));
    const printout = await screen.findByRole('document', { name: 'Прочитайте декларацію' });
    expect(printout).toHaveTextContent('Декларація про вибір лікаря № 0001-9999-AEHK');
    expect(screen.getByText('Крок 2 з 3')).toBeInTheDocument();
    expect(screen.getByText('0001-9999-AEHK')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Підписати декларацію' }));
    await waitFor(() => expect(useUiStore.getState().screen).toBe('receipt'));
  });

  it('eHealth’s refusal is said plainly', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsOverview', () => ok({ ...OVERVIEW, current: null }));
    kiosk.respond('declarationRequestStart', () => err('DOCTOR_FULL', 'full'));
    useDeclarationsStore.getState().startWizard(DOCTOR);
    render(<DeclarationWizard />);
    expect(await screen.findByText('Зараз у вас немає чинної декларації.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('У цього лікаря вже немає вільних місць');
    expect(screen.getByRole('heading', { name: 'Декларацію не підписано' })).toBeInTheDocument();
  });
});
