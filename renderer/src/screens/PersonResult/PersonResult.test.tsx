import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useOutboxLink } from '../../kiosk/outbox-link';
import { usePersonStore } from '../../stores/person';
import { operationView, personView } from '../PersonData/person-fixture.test-support';
import { PersonResult } from './PersonResult';

const settle = () => act(async () => {});

/** The screen inside the frame's outbox link (App.tsx), which follows the outbox for every screen. */
function Framed() {
  useOutboxLink();
  return <PersonResult />;
}

describe('PersonResult', () => {
  it('says a signed change is kept while eHealth is away, and turns to done when the outbox delivers it', async () => {
    const fake = installFakeKiosk();
    const waiting = operationView({ state: 'waiting-network' });
    fake.respond('outboxGet', () => ok(waiting));
    fake.respond('personGet', () => ok(personView()));
    usePersonStore.setState({ operation: waiting });
    render(<Framed />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Зміну підписано');
    expect(screen.getByText(/Нічого не втрачено/)).toBeInTheDocument();
    expect(screen.getByText('K7Q4-2M9X')).toBeInTheDocument();
    act(() => fake.emit('outboxChanged', operationView({ state: 'done' })));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Дані змінено');
    expect(screen.getByText('eHealth прийняла зміну ваших даних.')).toBeInTheDocument();
  });

  it('a refused change says why', async () => {
    const fake = installFakeKiosk();
    const refused = operationView({
      state: 'rejected',
      error: { code: 'EHEALTH_REJECTED', message: 'x', ehealth: null },
    });
    fake.respond('outboxGet', () => ok(refused));
    usePersonStore.setState({ operation: refused });
    render(<PersonResult />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Зміну не прийнято');
    expect(screen.getByText(/Система eHealth відхилила запит/)).toBeInTheDocument();
  });

  it('prints a receipt for the operation through the receipts service', async () => {
    const fake = installFakeKiosk();
    fake.respond('outboxGet', () => ok(operationView()));
    fake.respond('receiptPrint', () => ok({ via: 'pdf' }));
    usePersonStore.setState({ operation: operationView() });
    render(<PersonResult />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Надрукувати квитанцію' }));
    await settle();
    expect(fake.callsTo('receiptPrint')).toEqual([{ source: { operationId: 'op-1' }, language: 'uk' }]);
    expect(screen.getByText(/Квитанцію збережено як файл/)).toBeInTheDocument();
  });
});
