import { create } from 'zustand';
import { DOCUMENT_LIMITS, partsFor } from '#shared/documents';
import type { DocumentsView, MediumImage } from '#shared/contract/documents';
import type { KioskError, Result } from '#shared/result';
import { decodePicture, readMediumPicture } from '../documents/from-medium';
import { base64Of } from '../documents/to-jpeg';
import { callKiosk } from './bridge';
import { registerReset } from './reset';
import { useUiStore, type ScreenId } from './ui';

/**
 * Documents eHealth asked for, captured one after another: the page's picture (camera or memory
 * stick) shown for review with a retake, sent to main in parts, uploaded by main, then completed.
 * The picture lives in this store's memory only; it is overwritten once sent and on every reset.
 * A failed upload keeps the picture in main (and here): "send again" needs no new picture.
 */
export type CapturePhase = 'capture' | 'preview' | 'sending' | 'completing' | 'done';

export interface CapturedPage {
  bytes: Uint8Array;
  /** An object URL of the JPEG for the preview (revoked when the page is dropped). */
  url: string;
  width: number;
  height: number;
}

export interface DocumentFlow {
  types: string[];
  /** Where the flow goes once eHealth has every document. */
  next: ScreenId;
  /** The patient gives up: the caller withdraws whatever waited for the documents. */
  cancel: () => void;
}

export interface DocumentsState {
  flow: DocumentFlow | null;
  /** The type being captured now. */
  current: string | null;
  uploaded: string[];
  phase: CapturePhase;
  page: CapturedPage | null;
  error: KioskError | null;
  /** The last upload failed: main still holds the picture. */
  sendFailed: boolean;
  /** The inserted memory stick's pictures while the patient chooses one (null: the camera is shown). */
  medium: MediumImage[] | null;
  /** The memory stick's list or a picture on it is being read. */
  reading: boolean;
}

export interface DocumentsActions {
  begin(flow: DocumentFlow): void;
  /** A picture was taken and converted: it is shown for review. */
  captured(bytes: Uint8Array, width: number, height: number): void;
  retake(): void;
  /** Sends the reviewed picture to main, which uploads it; then the next document or the completion. */
  send(): Promise<void>;
  /** Main kept the picture after a failed upload: upload it again. */
  sendAgain(): Promise<void>;
  complete(): Promise<void>;
  fail(error: KioskError): void;
  cancel(): void;
  /** Asks main to let the page use the camera (for the capture screen only). */
  openCamera(): Promise<Result<unknown>>;
  /** The camera is no longer needed; nothing waits for main's answer. */
  closeCamera(): void;
  /** Lists the memory stick's pictures, or says why there are none. */
  openMedium(): Promise<void>;
  /** Back to the camera. */
  closeMedium(): void;
  /** Reads a listed picture from main and decodes it for drawing; null (and the message) when it cannot be. */
  readMedium(id: string): Promise<ImageBitmap | null>;
}

export const initialDocumentsState: DocumentsState = {
  flow: null,
  current: null,
  uploaded: [],
  phase: 'capture',
  page: null,
  error: null,
  sendFailed: false,
  medium: null,
  reading: false,
};

const objectUrl = (bytes: Uint8Array): string =>
  typeof URL.createObjectURL === 'function'
    ? URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }))
    : '';

/** Overwrites the picture's bytes and lets go of its preview. */
function drop(page: CapturedPage | null): void {
  if (!page) return;
  page.bytes.fill(0);
  if (page.url && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(page.url);
}

const nextMissing = (flow: DocumentFlow, uploaded: readonly string[]): string | null =>
  flow.types.find((t) => !uploaded.includes(t)) ?? null;

export const useDocumentsStore = create<DocumentsState & DocumentsActions>()((set, get) => {
  /** What eHealth still wants, as main last heard it. */
  const follow = (view: DocumentsView) => {
    const flow = get().flow;
    if (!flow) return;
    const types = view.documents.map((d) => d.type);
    const uploaded = view.documents.filter((d) => d.uploaded).map((d) => d.type);
    const next: DocumentFlow = { ...flow, types: types.length ? types : flow.types };
    set({ flow: next, uploaded, current: nextMissing(next, uploaded) });
  };

  const afterUpload = async (view: DocumentsView) => {
    drop(get().page);
    set({ page: null, sendFailed: false, error: null });
    follow(view);
    if (get().current) set({ phase: 'capture' });
    else await get().complete();
  };

  return {
    ...initialDocumentsState,

    begin: (flow) => {
      drop(get().page);
      set({ ...initialDocumentsState, flow, current: flow.types[0] ?? null });
      useUiStore.getState().goTo('documentCapture');
    },

    captured: (bytes, width, height) => {
      drop(get().page);
      set({ page: { bytes, url: objectUrl(bytes), width, height }, phase: 'preview', error: null });
    },

    retake: () => {
      drop(get().page);
      set({ page: null, phase: 'capture', error: null, sendFailed: false });
    },

    send: async () => {
      const { page, current, phase } = get();
      if (!page || !current || phase === 'sending') return;
      set({ phase: 'sending', error: null, sendFailed: false });
      const parts = partsFor(page.bytes.byteLength);
      for (let part = 0; part < parts; part++) {
        const slice = page.bytes.subarray(
          part * DOCUMENT_LIMITS.partBytes,
          (part + 1) * DOCUMENT_LIMITS.partBytes,
        );
        const r = await callKiosk((b) =>
          b.api.documentsImagePart({ type: current, part, parts, data: base64Of(slice) }),
        );
        if (!r.ok) {
          set({ phase: 'preview', error: r.error });
          return;
        }
      }
      await get().sendAgain();
    },

    sendAgain: async () => {
      const { current } = get();
      if (!current) return;
      set({ phase: 'sending', error: null });
      const r: Result<DocumentsView> = await callKiosk((b) => b.api.documentsUpload({ type: current }));
      if (r.ok) {
        await afterUpload(r.value);
        return;
      }
      // the picture itself is refused: a new one is needed; otherwise main kept it for another try
      const retake = r.error.code === 'DOCUMENT_INVALID' || r.error.code === 'DOCUMENT_TOO_LARGE';
      if (retake) {
        drop(get().page);
        set({ page: null, phase: 'capture', error: r.error, sendFailed: false });
      } else set({ phase: 'preview', error: r.error, sendFailed: true });
    },

    complete: async () => {
      set({ phase: 'completing', error: null });
      const r = await callKiosk((b) => b.api.documentsComplete({}));
      if (!r.ok) {
        set({ phase: 'done', error: r.error });
        return;
      }
      follow(r.value);
      if (r.value.complete) {
        const flow = get().flow;
        set({ phase: 'done' });
        if (flow && useUiStore.getState().screen === 'documentCapture') useUiStore.getState().goTo(flow.next);
      } else set({ phase: 'capture' });
    },

    fail: (error) => set({ error }),

    openCamera: () => callKiosk((b) => b.api.documentsCameraOpen({})),

    closeCamera: () => void callKiosk((b) => b.api.documentsCameraClose({})),

    openMedium: async () => {
      set({ reading: true });
      const r = await callKiosk((b) => b.api.documentsMediumList({}));
      set({ reading: false });
      if (r.ok) set({ error: null, medium: r.value.images });
      else get().fail(r.error);
    },

    closeMedium: () => set({ medium: null }),

    readMedium: async (id) => {
      set({ reading: true });
      const blob = await readMediumPicture((part) =>
        callKiosk((b) => b.api.documentsMediumRead({ id, part })),
      );
      const bitmap = blob.ok ? await decodePicture(blob.value) : blob;
      set({ reading: false });
      if (!bitmap.ok) {
        get().fail(bitmap.error);
        return null;
      }
      set({ medium: null });
      return bitmap.value;
    },

    cancel: () => {
      const flow = get().flow;
      drop(get().page);
      set(initialDocumentsState);
      flow?.cancel();
    },
  };
});

registerReset(() => {
  drop(useDocumentsStore.getState().page);
  useDocumentsStore.setState(initialDocumentsState);
});
