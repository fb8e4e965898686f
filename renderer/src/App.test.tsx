import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeKiosk } from '../test/fake-kiosk';
import type { FakeKiosk } from '../test/fake-kiosk';
import { App } from './App';

let fake: FakeKiosk;

beforeEach(() => {
  vi.useFakeTimers();
  fake = installFakeKiosk();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the fake clock on and lets the resulting promises (wipe, appInfo) settle. */
const wait = async (ms: number) => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
};

async function renderKiosk() {
  render(<App />);
  await wait(0); // appInfo answered
}

const html = () => document.documentElement;
const idleDialog = () => screen.queryByRole('alertdialog');

describe('kiosk frame', () => {
  it('shows the welcome screen in Ukrainian, without Finish', async () => {
    await renderKiosk();
    expect(screen.getByRole('heading', { level: 1, name: 'Кабінет пацієнта' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Почати' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Завершити' })).toBeNull();
    expect(html()).toHaveAttribute('lang', 'uk');
    expect(screen.getByText('Навчальний режим: дані не справжні')).toBeInTheDocument();
  });

  it('switches language, text size and contrast on <html>', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Patient cabinet' })).toBeInTheDocument();
    expect(html()).toHaveAttribute('lang', 'en');
    expect(document.title).toBe('Patient cabinet');
    fireEvent.click(screen.getByRole('switch', { name: 'Large text' }));
    expect(html()).toHaveAttribute('data-text-size', 'large');
    fireEvent.click(screen.getByRole('switch', { name: 'High contrast' }));
    expect(html()).toHaveAttribute('data-contrast', 'high');
  });

  it('leaves a pristine welcome screen alone, however long it waits', async () => {
    await renderKiosk();
    await wait(600_000);
    expect(idleDialog()).toBeNull();
    expect(fake.callsTo('sessionEnd')).toEqual([]);
  });

  it('after 90 s idle warns with a 20 s countdown, focus on Continue, and the page behind inert', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await wait(89_000);
    expect(idleDialog()).toBeNull();
    await wait(1_000);
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog).toHaveTextContent('20 seconds left');
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
    expect(document.querySelector('.frame')).toHaveAttribute('inert');
    const live = dialog.querySelector('[aria-live="polite"]');
    expect(live).toHaveTextContent('20 seconds left');
    await wait(3_000);
    expect(dialog).toHaveTextContent('17 seconds left');
    expect(live).toHaveTextContent('20 seconds left');
    await wait(2_000);
    expect(live).toHaveTextContent('15 seconds left');
  });

  it('Continue keeps the visitor and restarts the count', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('switch', { name: 'Великий шрифт' }));
    await wait(95_000);
    fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));
    expect(idleDialog()).toBeNull();
    await wait(89_000);
    expect(idleDialog()).toBeNull();
    expect(html()).toHaveAttribute('data-text-size', 'large');
    expect(fake.callsTo('sessionEnd')).toEqual([]);
  });

  it('any touch or key restarts the count before the warning', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'Почати' }));
    await wait(80_000);
    fireEvent.pointerDown(document.body);
    await wait(80_000);
    fireEvent.keyDown(document.body, { key: 'a' });
    await wait(80_000);
    expect(idleDialog()).toBeNull();
    await wait(10_000);
    expect(idleDialog()).not.toBeNull();
  });

  it('tells main now and then that the visitor is active, so its backstop never ends a busy session', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'Почати' }));
    // three minutes of typing on the on-screen keyboard, no other call to main
    for (let s = 0; s < 180; s += 10) {
      fireEvent.pointerDown(document.body);
      await wait(10_000);
    }
    const reports = fake.callsTo('sessionActivity');
    expect(reports.length).toBeGreaterThanOrEqual(6);
    expect(reports.length).toBeLessThanOrEqual(7);
    // a visitor who stops touching is not reported as active
    await wait(60_000);
    expect(fake.callsTo('sessionActivity')).toHaveLength(reports.length);
  });

  it('at the end of the warning wipes: welcome, Ukrainian, normal size, main told "idle"', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Large text' }));
    fireEvent.click(screen.getByRole('switch', { name: 'High contrast' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await wait(90_000 + 19_000);
    expect(idleDialog()).not.toBeNull();
    expect(fake.callsTo('sessionEnd')).toEqual([]);
    await wait(1_000);
    expect(idleDialog()).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Кабінет пацієнта' })).toBeInTheDocument();
    expect(html()).toHaveAttribute('lang', 'uk');
    expect(html()).toHaveAttribute('data-text-size', 'normal');
    expect(html()).toHaveAttribute('data-contrast', 'normal');
    expect(fake.callsTo('sessionEnd')).toEqual([{ reason: 'idle' }]);
    // pristine again: the timer stops
    await wait(600_000);
    expect(fake.callsTo('sessionEnd')).toHaveLength(1);
  });

  it('Finish is always there past the welcome screen and wipes at once', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'Почати' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Наступний крок — ваш ключ' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Спробувати екранну клавіатуру' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Висока контрастність' }));
    fireEvent.click(screen.getByRole('button', { name: 'Завершити' }));
    await wait(0);
    expect(screen.getByRole('button', { name: 'Почати' })).toBeInTheDocument();
    expect(html()).toHaveAttribute('data-contrast', 'normal');
    expect(fake.callsTo('sessionEnd')).toEqual([{ reason: 'finish' }]);
  });

  it('wipes when main ends the session (e.g. the key was pulled out), without calling main back', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'Почати' }));
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await act(async () => {
      fake.emit('sessionEnded', { reason: 'key-removed' });
    });
    await wait(0);
    expect(screen.getByRole('button', { name: 'Почати' })).toBeInTheDocument();
    expect(fake.callsTo('sessionEnd')).toEqual([]);
  });

  it('says so in plain words when main cannot be reached', async () => {
    fake.respond('appInfo', () => ({ ok: false, error: { code: 'NOT_AVAILABLE', message: 'down' } }));
    await renderKiosk();
    expect(screen.getByRole('alert')).toHaveTextContent('Ця можливість зараз недоступна');
    fireEvent.click(screen.getByRole('button', { name: 'Зрозуміло' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
