import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { usePersonStore } from '../../stores/person';
import { useUiStore } from '../../stores/ui';
import { operationView } from '../PersonData/person-fixture.test-support';
import { PersonReview } from './PersonReview';

const settle = () => act(async () => {});
const PRINTOUT =
  '<html><head><title>t</title><script>window.ran = true</script></head><body><h1>Запит на зміну персональних даних</h1>' +
  '<table><tr><th>Електронна пошта</th><td>new@example.com</td></tr></table>' +
  '<a href="https://evil.example/">докладніше</a><img src="https://evil.example/t.png"></body></html>';

function withRequest() {
  useUiStore.getState().goTo('personReview');
  usePersonStore.setState({
    request: { requestId: 'req-1', printoutHtml: PRINTOUT, changed: ['email', 'phones.1'], documents: [] },
  });
}

describe('PersonReview', () => {
  it('shows what changes and eHealth’s printout, sanitised, as a readable region', () => {
    installFakeKiosk();
    withRequest();
    render(<PersonReview />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Перевірте й підпишіть');
    expect(screen.getByRole('list')).toHaveTextContent('Електронна пошта');
    expect(screen.getByRole('list')).toHaveTextContent('Телефони');
    const region = screen.getByRole('region', { name: 'Текст заяви від eHealth' });
    expect(region).toHaveTextContent('new@example.com');
    expect(region).toHaveTextContent('докладніше');
    expect(region.querySelector('a, img, script, [href], [src]')).toBeNull();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Запит на зміну персональних даних' }),
    ).toBeInTheDocument();
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
    expect(region).toHaveAttribute('tabindex', '0');
  });

  it('signs by request id and shows where the change went', async () => {
    const fake = installFakeKiosk();
    fake.respond('personRequestSign', () => ok({ operation: operationView() }));
    withRequest();
    render(<PersonReview />);
    fireEvent.click(screen.getByRole('button', { name: 'Підписати' }));
    await settle();
    expect(fake.callsTo('personRequestSign')).toEqual([{ requestId: 'req-1' }]);
    expect(useUiStore.getState().screen).toBe('personResult');
  });

  it('a failed signature is said in words and the patient can try again', async () => {
    const fake = installFakeKiosk();
    fake.respond('personRequestSign', () => err('SIGNER_FAILED', 'x'));
    withRequest();
    render(<PersonReview />);
    fireEvent.click(screen.getByRole('button', { name: 'Підписати' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('Не вдалося створити підпис');
    expect(screen.getByRole('button', { name: 'Підписати' })).toBeEnabled();
  });

  it('cancelling withdraws the request at eHealth and returns to the data', async () => {
    const fake = installFakeKiosk();
    fake.respond('personRequestCancel', () => ok({ cancelled: true }));
    fake.respond('personGet', () => err('NO_SESSION', 'x'));
    withRequest();
    render(<PersonReview />);
    fireEvent.click(screen.getByRole('button', { name: 'Скасувати зміну' }));
    await settle();
    expect(fake.callsTo('personRequestCancel')).toEqual([{ requestId: 'req-1' }]);
    expect(useUiStore.getState().screen).toBe('person');
  });
});
