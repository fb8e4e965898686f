import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RegistrarOperation, RegistrarState } from '#shared/contract/registrar';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrarStore } from '../../stores/registrar';
import { RegistrarOutbox } from './RegistrarOutbox';

const PANEL: RegistrarState = {
  pinSet: true,
  enrolled: true,
  lockedForSeconds: null,
  mode: 'panel',
  registrarId: 'R-01',
  birthDateConfirmed: false,
  patientSignedIn: false,
};

const operation = (over: Partial<RegistrarOperation>): RegistrarOperation => ({
  id: 'op-1',
  referenceCode: 'K7Q4-2M9X',
  kind: 'app.revoke',
  state: 'done',
  held: false,
  attempts: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:05.000Z',
  discarded: false,
  errorCode: null,
  patient: null,
  deadline: null,
  nearDeadline: false,
  canRetry: false,
  canDiscard: false,
  ...over,
});

function show(operations: RegistrarOperation[]) {
  const kiosk = installFakeKiosk();
  kiosk.respond('registrarStatus', () => ok(PANEL));
  kiosk.respond('registrarOutboxList', () => ok({ operations }));
  useRegistrarStore.setState({ status: PANEL });
  render(<RegistrarOutbox />);
}

describe('RegistrarOutbox', () => {
  it('says what each operation does in words, never the kiosk’s internal kind; a refusal in words first', async () => {
    show([
      operation({ id: 'a', kind: 'app.revoke' }),
      operation({ id: 'b', referenceCode: 'AB12-CD34', kind: 'declaration-request.sign' }),
      operation({
        id: 'c',
        referenceCode: 'ZZ99-YY88',
        kind: 'declaration.terminate',
        state: 'rejected',
        errorCode: 'DECLARATION_NOT_ACTIVE',
      }),
      operation({ id: 'd', referenceCode: 'QQ11-WW22', kind: 'something.new' }),
    ]);
    const table = await screen.findByRole('table');
    expect(table).toHaveTextContent('Пацієнт скасовує доступ електронного кабінету.');
    expect(table).toHaveTextContent('Пацієнт підписує нову декларацію з лікарем.');
    expect(table).toHaveTextContent('Пацієнт припиняє свою декларацію з лікарем.');
    expect(table).toHaveTextContent('Інша дія пацієнта в eHealth.');
    expect(table).toHaveTextContent('Ця декларація вже не діє');
    for (const code of ['app.revoke', 'declaration-request.sign', 'something.new'])
      expect(table).not.toHaveTextContent(code);
    // a refusal's code comes only after its words, in brackets, for support
    expect(table).toHaveTextContent(
      'Ця декларація вже не діє, тож її не потрібно припиняти. (DECLARATION_NOT_ACTIVE)',
    );
  });

  it('has no patient column when the kiosk has forgotten every patient (finished operations)', async () => {
    show([operation({ id: 'a' }), operation({ id: 'b', referenceCode: 'AB12-CD34' })]);
    const table = await screen.findByRole('table');
    expect(within(table).queryByRole('columnheader', { name: /Пацієнт/ })).toBeNull();
    expect(table).not.toHaveTextContent('—');
  });

  it('shows the short pseudonym while an operation is unfinished, and explains it', async () => {
    show([
      operation({ id: 'a', state: 'waiting-network', patient: 'П-3F9A' }),
      operation({ id: 'b', referenceCode: 'AB12-CD34' }),
    ]);
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Пацієнт (псевдонім)' })).toBeInTheDocument();
    expect(table).toHaveTextContent('П-3F9A');
    expect(screen.getByText(/Після надсилання кіоск його забуває/)).toBeInTheDocument();
  });

  it('says why a signed act was not delivered: a revoked certificate, a certificate not checked yet', async () => {
    show([
      operation({ state: 'rejected', errorCode: 'CERT_REVOKED', patient: 'П-A1B2' }),
      operation({
        id: 'op-2',
        referenceCode: 'B2C3-D4E5',
        state: 'waiting-network',
        errorCode: 'CERT_STATUS_UNKNOWN',
      }),
      operation({ id: 'op-3', referenceCode: 'C3D4-E5F6', state: 'rejected', errorCode: 'EHEALTH_REJECTED' }),
    ]);
    expect(await screen.findByText(/сертифікат підписувача відкликано — не надіслано/)).toHaveTextContent(
      'CERT_REVOKED',
    );
    expect(screen.getByText(/чинність сертифіката підписувача ще не перевірено/)).toBeInTheDocument();
    expect(screen.getByText(/Система eHealth відхилила запит/)).toHaveTextContent('EHEALTH_REJECTED');
  });
});
