import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DOCUMENT_LIMITS } from '#shared/documents';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { useDocumentsStore } from './documents';
import { resetAllStores } from './reset';
import { useUiStore } from './ui';

const store = () => useDocumentsStore.getState();

beforeEach(() => resetAllStores());

function started(types = ['PASSPORT']) {
  const fake = installFakeKiosk();
  const cancelled = vi.fn();
  useUiStore.getState().goTo('personEdit');
  store().begin({ types, next: 'personReview', cancel: cancelled });
  return { fake, cancelled };
}

const view = (uploaded: string[], all = ['PASSPORT']) => ({
  documents: all.map((type) => ({ type, uploaded: uploaded.includes(type) })),
  complete: all.every((t) => uploaded.includes(t)),
});

describe('documents store', () => {
  it('captures, sends in bridge-sized parts, uploads, completes and goes on', async () => {
    const { fake } = started();
    expect(useUiStore.getState().screen).toBe('documentCapture');
    expect(store().current).toBe('PASSPORT');
    const bytes = new Uint8Array(DOCUMENT_LIMITS.partBytes * 2 + 10).fill(7);
    store().captured(bytes, 1280, 960);
    expect(store().phase).toBe('preview');
    fake.respond('documentsImagePart', ({ part }) => ok({ received: part + 1 }));
    fake.respond('documentsUpload', () => ok(view(['PASSPORT'])));
    fake.respond('documentsComplete', () => ok(view(['PASSPORT'])));
    await store().send();
    const parts = fake.callsTo('documentsImagePart') as { part: number; parts: number; data: string }[];
    expect(parts.map((p) => [p.part, p.parts])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(parts.every((p) => p.data.length <= Math.ceil(DOCUMENT_LIMITS.partBytes / 3) * 4)).toBe(true);
    expect(fake.callsTo('documentsUpload')).toEqual([{ type: 'PASSPORT' }]);
    expect(fake.callsTo('documentsComplete')).toHaveLength(1);
    expect(useUiStore.getState().screen).toBe('personReview');
    // the picture sent is overwritten in the page's memory
    expect(store().page).toBeNull();
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it('a failed upload keeps the picture: "send again" uploads without new parts', async () => {
    const { fake } = started();
    store().captured(new Uint8Array(1000).fill(1), 1280, 960);
    fake.respond('documentsImagePart', () => ok({ received: 1 }));
    fake.respond('documentsUpload', () => err('DOCUMENT_UPLOAD_FAILED', 'HTTP 503', { retryable: true }));
    await store().send();
    expect(store()).toMatchObject({
      phase: 'preview',
      sendFailed: true,
      error: { code: 'DOCUMENT_UPLOAD_FAILED' },
    });
    expect(store().page).not.toBeNull();
    fake.respond('documentsUpload', () => ok(view(['PASSPORT'])));
    fake.respond('documentsComplete', () => ok(view(['PASSPORT'])));
    await store().sendAgain();
    expect(fake.callsTo('documentsImagePart')).toHaveLength(1);
    expect(fake.callsTo('documentsUpload')).toHaveLength(2);
    expect(useUiStore.getState().screen).toBe('personReview');
  });

  it('a picture main refuses needs a new one; the next document follows the first', async () => {
    const { fake } = started(['PASSPORT', 'BIRTH_CERTIFICATE']);
    store().captured(new Uint8Array(1000).fill(1), 1280, 960);
    fake.respond('documentsImagePart', () => ok({ received: 1 }));
    fake.respond('documentsUpload', () =>
      err('DOCUMENT_INVALID', 'not one page', { problem: 'several-images' }),
    );
    await store().send();
    expect(store()).toMatchObject({ phase: 'capture', page: null, error: { code: 'DOCUMENT_INVALID' } });
    store().captured(new Uint8Array(1000).fill(1), 1280, 960);
    const all = ['PASSPORT', 'BIRTH_CERTIFICATE'];
    fake.respond('documentsUpload', () => ok(view(['PASSPORT'], all)));
    await store().send();
    expect(store()).toMatchObject({ phase: 'capture', current: 'BIRTH_CERTIFICATE', uploaded: ['PASSPORT'] });
    expect(fake.callsTo('documentsComplete')).toHaveLength(0);
    expect(useUiStore.getState().screen).toBe('documentCapture');
  });

  it('eHealth still missing a document after completion: back to capturing it', async () => {
    const { fake } = started();
    fake.respond('documentsComplete', () => ok(view([])));
    await store().complete();
    expect(store()).toMatchObject({ phase: 'capture', current: 'PASSPORT' });
    expect(useUiStore.getState().screen).toBe('documentCapture');
  });

  it('cancel and a wipe drop the picture', () => {
    const { cancelled } = started();
    const bytes = new Uint8Array(100).fill(9);
    store().captured(bytes, 1280, 960);
    store().cancel();
    expect(cancelled).toHaveBeenCalledOnce();
    expect(bytes.every((b) => b === 0)).toBe(true);
    started();
    const again = new Uint8Array(100).fill(9);
    store().captured(again, 1280, 960);
    resetAllStores();
    expect(store().page).toBeNull();
    expect(again.every((b) => b === 0)).toBe(true);
  });

  it('opens and closes the camera through main', async () => {
    const { fake } = started();
    fake.respond('documentsCameraOpen', () => ok({ open: true }));
    fake.respond('documentsCameraClose', () => ok({ open: false }));
    expect(await store().openCamera()).toEqual(ok({ open: true }));
    store().closeCamera();
    expect(fake.callsTo('documentsCameraOpen')).toHaveLength(1);
    expect(fake.callsTo('documentsCameraClose')).toHaveLength(1);
  });

  it('lists the memory stick’s pictures, says when there are none, and reads a chosen one in parts', async () => {
    const { fake } = started();
    fake.respond('documentsMediumList', () => err('MEDIUM_NO_IMAGES', 'none'));
    await store().openMedium();
    expect(store()).toMatchObject({ medium: null, reading: false, error: { code: 'MEDIUM_NO_IMAGES' } });

    const images = [{ id: 'img-1', name: 'passport.jpg', bytes: 2_000_000 }];
    fake.respond('documentsMediumList', () => ok({ images }));
    await store().openMedium();
    expect(store()).toMatchObject({ medium: images, error: null });

    fake.respond('documentsMediumRead', ({ part }) =>
      ok({ part, parts: 2, mime: 'image/jpeg', data: btoa(part === 0 ? 'ab' : 'cd') }),
    );
    const decoded = { width: 4, height: 3, close: vi.fn() };
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => decoded),
    );
    try {
      expect(await store().readMedium('img-1')).toBe(decoded);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fake.callsTo('documentsMediumRead')).toEqual([
      { id: 'img-1', part: 0 },
      { id: 'img-1', part: 1 },
    ]);
    expect(store()).toMatchObject({ medium: null, reading: false });

    store().closeMedium();
    fake.respond('documentsMediumRead', () => err('DOCUMENT_INVALID', 'removed'));
    expect(await store().readMedium('img-1')).toBeNull();
    expect(store().error?.code).toBe('DOCUMENT_INVALID');
  });
});
