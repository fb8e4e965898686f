import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useDocumentsStore } from '../../stores/documents';
import { useUiStore } from '../../stores/ui';
import { DocumentCapture } from './DocumentCapture';

const settle = () => act(async () => {});

function withCamera(getUserMedia: () => Promise<MediaStream>) {
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
}

afterEach(() => {
  Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
});

function start() {
  const fake = installFakeKiosk();
  fake.respond('documentsCameraOpen', () => ok({ open: true }));
  fake.respond('documentsCameraClose', () => ok({ open: false }));
  useUiStore.getState().goTo('personEdit');
  useDocumentsStore.getState().begin({ types: ['PASSPORT'], next: 'personReview', cancel: () => undefined });
  return fake;
}

describe('DocumentCapture', () => {
  it('asks main to open the camera, uses it, and closes it again when the screen goes', async () => {
    const fake = start();
    const stop = vi.fn();
    withCamera(() => Promise.resolve({ getTracks: () => [{ stop }] } as unknown as MediaStream));
    const view = render(<DocumentCapture />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Фото документа');
    expect(screen.getByText('Документ 1 з 1: паспорт')).toBeInTheDocument();
    expect(fake.callsTo('documentsCameraOpen')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Зробити фото' })).toBeEnabled();
    view.unmount();
    expect(stop).toHaveBeenCalled();
    expect(fake.callsTo('documentsCameraClose').length).toBeGreaterThan(0);
  });

  it('a refused camera says what to do and can be tried again', async () => {
    const fake = start();
    const refused = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    const getUserMedia = vi.fn(() => Promise.reject(refused));
    withCamera(getUserMedia);
    render(<DocumentCapture />);
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('Кіоск зараз не має доступу до камери');
    expect(screen.getByRole('button', { name: 'Зробити фото' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Спробувати ще раз' }));
    await settle();
    expect(getUserMedia).toHaveBeenCalledTimes(2);
    expect(fake.callsTo('documentsCameraOpen')).toHaveLength(2);
  });

  it('no camera at all: the message names the other ways', async () => {
    start();
    render(<DocumentCapture />);
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('Камера для документів не працює');
  });

  it('shows the picture for review with retake and send', async () => {
    start();
    withCamera(() => Promise.resolve({ getTracks: () => [] } as unknown as MediaStream));
    render(<DocumentCapture />);
    await settle();
    act(() => useDocumentsStore.getState().captured(new Uint8Array(10), 1280, 960));
    expect(screen.getByRole('img', { name: 'Зроблене фото документа' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Надіслати' })).toBeEnabled();
    fireEvent.click(screen.getByRole('button', { name: 'Переробити фото' }));
    await settle();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Зробити фото' })).toBeInTheDocument();
  });

  it('lists the memory stick’s pictures by name, reads the chosen one from main, and says when there are none', async () => {
    const fake = start();
    withCamera(() => Promise.resolve({ getTracks: () => [] } as unknown as MediaStream));
    fake.respond('documentsMediumList', () => err('MEDIUM_NO_IMAGES', 'none'));
    render(<DocumentCapture />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Взяти фото з флешки' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('На вставленій флешці немає зображень');

    fake.respond('documentsMediumList', () =>
      ok({ images: [{ id: 'img-1', name: 'passport.jpg', bytes: 2_400_000 }] }),
    );
    fake.respond('documentsMediumRead', () =>
      err('DOCUMENT_INVALID', 'not a picture', { problem: 'not-jpeg' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Взяти фото з флешки' }));
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'passport.jpg (2.4 МБ)' }));
    await settle();
    expect(fake.callsTo('documentsMediumRead')).toEqual([{ id: 'img-1', part: 0 }]);
    expect(screen.getByRole('alert')).toHaveTextContent('потрібна одна чітка сторінка');
    fireEvent.click(screen.getByRole('button', { name: 'Повернутися до камери' }));
    await settle();
    expect(screen.getByRole('button', { name: 'Зробити фото' })).toBeInTheDocument();
  });
});
