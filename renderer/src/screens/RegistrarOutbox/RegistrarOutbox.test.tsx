import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegistrarOperation } from '#shared/contract/registrar';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { RegistrarOutbox } from './RegistrarOutbox';

const op = (over: Partial<RegistrarOperation>): RegistrarOperation => ({
  id: 'op-1',
  referenceCode: 'K7QX-2M4P',
  kind: 'declaration-request.sign',
  state: 'rejected',
  held: false,
  discarded: false,
  attempts: 0,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:05:00.000Z',
  errorCode: null,
  patient: 'a1b2c3',
  canRetry: false,
  canDiscard: false,
  deadline: null,
  nearDeadline: false,
  ...over,
});

describe('registrar outbox', () => {
  beforeEach(() => useUiStore.setState({ language: 'uk' }));

  it('says why a signed act was not delivered: a revoked certificate, a certificate not checked yet', async () => {
    const fake = installFakeKiosk();
    fake.respond('registrarOutboxList', () =>
      ok({
        operations: [
          op({ errorCode: 'CERT_REVOKED' }),
          op({
            id: 'op-2',
            referenceCode: 'B2C3-D4E5',
            state: 'waiting-network',
            errorCode: 'CERT_STATUS_UNKNOWN',
          }),
          op({ id: 'op-3', referenceCode: 'C3D4-E5F6', errorCode: 'EHEALTH_REJECTED' }),
        ],
      }),
    );
    useRegistrarStore.setState({
      status: {
        pinSet: true,
        enrolled: true,
        lockedForSeconds: null,
        mode: 'panel',
        registrarId: 'R-01',
        birthDateConfirmed: false,
        patientSignedIn: false,
      },
    });
    render(<RegistrarOutbox />);
    expect(
      await screen.findByText(/CERT_REVOKED: сертифікат підписувача відкликано — не надіслано/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/CERT_STATUS_UNKNOWN: чинність сертифіката підписувача ще не перевірено/),
    ).toBeInTheDocument();
    expect(screen.getByText(/· EHEALTH_REJECTED/)).toBeInTheDocument();
  });
});
