import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import type { FakeKiosk } from '../../../test/fake-kiosk';
import { useUiStore } from '../../stores/ui';
import { Under14 } from './Under14';

let fake: FakeKiosk;
beforeEach(() => {
  fake = installFakeKiosk();
});

describe('Under14', () => {
  it('explains what to do and prints the slip for the registrar in the visitor’s language', async () => {
    fake.respond('receiptPrint', () => ok({ via: 'printer' }));
    useUiStore.getState().setLanguage('en');
    render(<Under14 />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'The cabinet is for ages 14 and over',
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print the referral slip' }));
    });
    expect(fake.callsTo('receiptPrint')).toEqual([{ source: { slip: 'under-14' }, language: 'en' }]);
    expect(screen.getByRole('status')).toHaveTextContent('The slip has been printed');
  });

  it('a saved (not printed) slip and a failed print are both said', async () => {
    fake.respond('receiptPrint', () => ok({ via: 'pdf' }));
    render(<Under14 />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Надрукувати направлення' }));
    });
    expect(screen.getByRole('status')).toHaveTextContent('Направлення збережено');
    fake.respond('receiptPrint', () => err('PRINT_FAILED', 'no paper'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Надрукувати направлення' }));
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Не вдалося надрукувати');
  });
});
