import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { App } from '../App';
import { installFakeKiosk } from '../../test/fake-kiosk';
import type { FakeKiosk } from '../../test/fake-kiosk';
import { resetAllStores } from '../stores/reset';
import { failed } from '../stores/loadable';
import { useSignInStore } from '../stores/signin';
import { useUiStore } from '../stores/ui';
import { installFakeSynthesis } from './fake-synthesis.test-support';
import type { FakeSynthesis } from './fake-synthesis.test-support';
import { DEFAULT_VOLUME, useSpeechStore } from './speech-store';

let kiosk: FakeKiosk;
let synth: FakeSynthesis;
beforeEach(() => {
  kiosk = installFakeKiosk();
  synth = installFakeSynthesis();
});
afterEach(() => synth.uninstall());

const settle = () => act(async () => {});
const toggle = () => screen.getByRole('switch', { name: 'Озвучення' });

async function renderKiosk() {
  render(<App />);
  await settle();
}

describe('speech mode', () => {
  it('is off until switched on; then says the screen in the visitor’s language', async () => {
    await renderKiosk();
    expect(synth.spoken).toEqual([]);
    fireEvent.click(toggle());
    expect(toggle()).toHaveAttribute('aria-checked', 'true');
    expect(synth.texts()[0]).toMatch(/^Кабінет пацієнта\. Тут ви можете/);
    expect(synth.spoken[0]).toMatchObject({ lang: 'uk-UA', volume: DEFAULT_VOLUME });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(synth.spoken.at(-1)).toMatchObject({ lang: 'en-GB' });
    expect(synth.texts().at(-1)).toMatch(/^Patient cabinet\./);
  });

  it('says the focused control and new errors; louder and repeat work', async () => {
    kiosk.respond('signinKeys', () => ok({ keys: [] }));
    await renderKiosk();
    fireEvent.click(toggle());
    fireEvent.click(screen.getByRole('button', { name: 'Почати' }));
    await settle();
    expect(synth.texts().at(-1)).toMatch(/^Наступний крок — ваш ключ\./);
    screen.getByRole('button', { name: 'Назад' }).focus();
    expect(synth.texts().at(-1)).toBe('Назад');
    fireEvent.click(screen.getByRole('button', { name: 'Гучніше' }));
    fireEvent.click(screen.getByRole('button', { name: 'Повторити' }));
    expect(synth.spoken.at(-1)).toMatchObject({ volume: 1 });
    expect(synth.texts().at(-1)).toMatch(/^Наступний крок — ваш ключ\./);
    act(() => useSignInStore.setState({ keys: failed({ code: 'NOT_AVAILABLE', message: 'x' }) }));
    await settle();
    expect(synth.texts().at(-1)).toMatch(/^Помилка: Ця можливість зараз недоступна/);
  });

  it('never says the password, its keys, or the patient’s name', async () => {
    kiosk.respond('signinKeys', () => ok({ keys: [] }));
    await renderKiosk();
    fireEvent.click(toggle());
    useSignInStore.getState().chooseKey({
      id: 'k',
      fileName: 'Key-6.dat',
      folder: null,
      medium: 'FLASH',
      removable: true,
      kind: 'key6-pbes2',
    });
    act(() => useUiStore.getState().goTo('keyPassword'));
    await settle();
    const field = screen.getByLabelText('Пароль ключа');
    field.focus();
    fireEvent.input(field, { target: { value: 'olena-4242' } });
    // Latin keys first (the password keyboard starts there), then Ukrainian ones
    const pressLetters = (letters: RegExp) => {
      for (const key of screen.getAllByRole('button', { name: letters }).slice(0, 5)) {
        key.focus();
        fireEvent.click(key);
      }
    };
    pressLetters(/^[a-z]$/);
    fireEvent.click(screen.getByRole('button', { name: 'Перейти на українські літери' }));
    pressLetters(/^[а-яґєії]$/);
    fireEvent.click(screen.getByRole('button', { name: 'Показати' }));
    field.focus();
    act(() => {
      useSignInStore.setState({
        patient: {
          access: 'full',
          accessReason: 'adult',
          ageYears: 42,
          greeting: { vocative: 'Олено Петрівно', nominative: 'Олена Петрівна' },
        },
      });
      useUiStore.getState().goTo('home');
    });
    await settle();
    expect(synth.texts().at(-1)).toBe('Вітаємо! Оберіть, що бажаєте зробити:');
    const all = synth.texts().join('\n');
    expect(all).toContain('Пароль ключа');
    for (const secret of ['olena-4242', 'Олено', 'Петрівно', 'Олена']) expect(all).not.toContain(secret);
    // no single letters from the on-screen keyboard either
    expect(synth.texts().filter((t) => /^[a-zа-яґєії]$/i.test(t))).toEqual([]);
  });

  it('a wipe switches it off, resets the volume and stops the voice', async () => {
    await renderKiosk();
    fireEvent.click(toggle());
    fireEvent.click(screen.getByRole('button', { name: 'Гучніше' }));
    expect(useSpeechStore.getState().volume).toBe(1);
    const cancels = synth.cancels;
    act(() => resetAllStores());
    expect(useSpeechStore.getState()).toMatchObject({ enabled: false, volume: DEFAULT_VOLUME });
    expect(synth.cancels).toBeGreaterThan(cancels);
    expect(screen.queryByRole('region', { name: 'Керування озвученням' })).toBeNull();
  });

  it('without a voice for the language the switch says so and stays off', async () => {
    synth.setVoices(['en-US']);
    await renderKiosk();
    expect(toggle()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText(/немає голосу для української мови/)).toBeInTheDocument();
    fireEvent.click(toggle());
    expect(useSpeechStore.getState().enabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('switch', { name: 'Read aloud' })).not.toHaveAttribute('aria-disabled');
    act(() => synth.setVoices([]));
    expect(screen.getByText(/no English voice installed/)).toBeInTheDocument();
    expect(synth.spoken).toEqual([]);
  });
});
