import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskError } from '#shared/result';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import type { MediumImage } from '#shared/contract/documents';
import { decodePicture, readMediumPicture } from '../../documents/from-medium';
import { canvasEncoder, toDocumentJpeg, type PageSource } from '../../documents/to-jpeg';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { callKiosk } from '../../kiosk/call';
import { useDocumentsStore } from '../../stores/documents';
import { useUiStore } from '../../stores/ui';
import './documents.css';

/** How long the camera may take to start before the screen says it does not work. */
const CAMERA_START_MS = 15_000;

const KNOWN_TYPES = ['PASSPORT', 'NATIONAL_ID', 'BIRTH_CERTIFICATE', 'TEMPORARY_CERTIFICATE'] as const;

const cameraError = (e: unknown): KioskError => {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'NotAllowedError' || name === 'SecurityError'
    ? { code: 'CAMERA_REFUSED', message: 'the camera was refused to the page' }
    : { code: 'CAMERA_UNAVAILABLE', message: 'no camera could be opened' };
};

/** The live camera picture while a page is being captured; main opens the camera for this screen only. */
function CameraView({ onPicture }: { onPicture: (video: HTMLVideoElement) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const fail = useDocumentsStore((s) => s.fail);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let gone = false;
    const stop = () => {
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = null;
      void callKiosk((b) => b.api.documentsCameraClose({}));
    };
    void (async () => {
      const opened = await callKiosk((b) => b.api.documentsCameraOpen({}));
      if (gone) return;
      if (!opened.ok) {
        fail(opened.error);
        return;
      }
      if (!navigator.mediaDevices?.getUserMedia) {
        fail(cameraError(null));
        return;
      }
      try {
        // a camera that never answers is a camera that does not work: the patient gets the other ways
        const s = await Promise.race([
          navigator.mediaDevices.getUserMedia({
            audio: false,
            video: { width: { ideal: 1920 }, height: { ideal: 1440 } },
          }),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('the camera did not start')), CAMERA_START_MS),
          ),
        ]);
        if (gone) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        const v = video.current;
        if (v) {
          v.srcObject = s;
          try {
            await v.play();
          } catch {
            // autoplay below still starts it; a page that cannot play shows the button disabled
          }
        }
        setReady(true);
      } catch (e) {
        if (!gone) fail(cameraError(e));
        stop();
      }
    })();
    return () => {
      gone = true;
      setReady(false);
      stop();
    };
  }, [attempt, fail]);

  const error = useDocumentsStore((s) => s.error);
  const cameraFailed = error?.code === 'CAMERA_REFUSED' || error?.code === 'CAMERA_UNAVAILABLE';
  return (
    <div className="documents__camera">
      <video
        ref={video}
        className="documents__video"
        autoPlay
        muted
        playsInline
        aria-label={t('documents.cameraView')}
      />
      {!ready && !cameraFailed && <p role="status">{t('documents.cameraStarting')}</p>}
      <div className="screen__actions">
        <BigButton
          variant="primary"
          disabled={!ready}
          onClick={() => {
            if (video.current) onPicture(video.current);
          }}
        >
          {t('documents.take')}
        </BigButton>
        {cameraFailed && (
          <BigButton
            onClick={() => {
              useDocumentsStore.setState({ error: null });
              setAttempt((n) => n + 1);
            }}
          >
            {t('documents.tryAgain')}
          </BigButton>
        )}
      </div>
    </div>
  );
}

/**
 * Captures the page of each document eHealth asked for: the camera (opened to the page only here),
 * a preview with "retake", the conversion to one JPEG page within eHealth's limits, the upload by
 * main and the completion. Errors say what to do next; a failed upload keeps the picture.
 */
export function DocumentCapture() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const {
    flow,
    current,
    uploaded,
    phase,
    page,
    error,
    sendFailed,
    captured,
    retake,
    send,
    sendAgain,
    complete,
    cancel,
  } = useDocumentsStore();
  const [converting, setConverting] = useState(false);

  const [medium, setMedium] = useState<MediumImage[] | null>(null);
  const [reading, setReading] = useState(false);

  /** Draws a picture (camera frame or a memory stick's picture) as one document page for review. */
  const makePage = useCallback(
    async (source: PageSource, image: CanvasImageSource) => {
      setConverting(true);
      const r = await toDocumentJpeg(source, canvasEncoder(image));
      setConverting(false);
      if (r.ok) captured(r.bytes, r.width, r.height);
      else
        useDocumentsStore.getState().fail({
          code: r.problem === 'too-large' ? 'DOCUMENT_TOO_LARGE' : 'DOCUMENT_INVALID',
          message: `the picture could not be made into a document page (${r.problem})`,
        });
    },
    [captured],
  );

  const openMedium = async () => {
    setReading(true);
    const r = await callKiosk((b) => b.api.documentsMediumList({}));
    setReading(false);
    if (r.ok) {
      useDocumentsStore.setState({ error: null });
      setMedium(r.value.images);
    } else useDocumentsStore.getState().fail(r.error);
  };

  const chooseFromMedium = async (id: string) => {
    setReading(true);
    const blob = await readMediumPicture(id);
    const bitmap = blob.ok ? await decodePicture(blob.value) : blob;
    setReading(false);
    if (!bitmap.ok) {
      useDocumentsStore.getState().fail(bitmap.error);
      return;
    }
    setMedium(null);
    await makePage({ width: bitmap.value.width, height: bitmap.value.height }, bitmap.value);
    bitmap.value.close();
  };

  if (!flow) return null;
  const typeLabel = (type: string) =>
    (KNOWN_TYPES as readonly string[]).includes(type)
      ? t(`documents.type.${type as (typeof KNOWN_TYPES)[number]}`)
      : t('documents.type.other', { type });
  const position = current ? flow.types.indexOf(current) + 1 : flow.types.length;

  return (
    <div className="screen documents">
      <ScreenTitle>{t('documents.title')}</ScreenTitle>
      <p className="screen__lead">{t('documents.lead')}</p>
      {current && (
        <p className="documents__which">
          {t('documents.which', { document: typeLabel(current), n: position, total: flow.types.length })}
        </p>
      )}
      {uploaded.length > 0 && (
        <ul className="documents__done">
          {uploaded.map((type) => (
            <li key={type}>{t('documents.uploaded', { document: typeLabel(type) })}</li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="documents__error">
          {errorText(language, error)}
        </p>
      )}

      {phase === 'capture' && current && !medium && (
        <>
          <p>{t('documents.howTo')}</p>
          <CameraView onPicture={(v) => void makePage({ width: v.videoWidth, height: v.videoHeight }, v)} />
          {converting && <p role="status">{t('documents.converting')}</p>}
          <div className="screen__actions">
            <BigButton disabled={reading || converting} onClick={() => void openMedium()}>
              {t('documents.fromMedium')}
            </BigButton>
          </div>
        </>
      )}

      {phase === 'capture' && current && medium && (
        <section aria-labelledby="documents-medium">
          <h2 id="documents-medium">{t('documents.mediumTitle')}</h2>
          <ul className="documents__medium">
            {medium.map((image) => (
              <li key={image.id}>
                <BigButton disabled={reading || converting} onClick={() => void chooseFromMedium(image.id)}>
                  {t('documents.mediumItem', {
                    name: image.name,
                    size: (image.bytes / 1_000_000).toFixed(1),
                  })}
                </BigButton>
              </li>
            ))}
          </ul>
          {(reading || converting) && <p role="status">{t('documents.converting')}</p>}
          <div className="screen__actions">
            <BigButton disabled={reading || converting} onClick={() => setMedium(null)}>
              {t('documents.backToCamera')}
            </BigButton>
          </div>
        </section>
      )}

      {(phase === 'preview' || phase === 'sending') && page && (
        <>
          <p>{t('documents.check')}</p>
          <img
            className="documents__preview"
            src={page.url}
            alt={t('documents.previewAlt')}
            data-private=""
          />
          {phase === 'sending' && <p role="status">{t('documents.sending')}</p>}
          <div className="screen__actions">
            {sendFailed ? (
              <BigButton variant="primary" disabled={phase === 'sending'} onClick={() => void sendAgain()}>
                {t('documents.sendAgain')}
              </BigButton>
            ) : (
              <BigButton variant="primary" disabled={phase === 'sending'} onClick={() => void send()}>
                {t('documents.send')}
              </BigButton>
            )}
            <BigButton disabled={phase === 'sending'} onClick={retake}>
              {t('documents.retake')}
            </BigButton>
          </div>
        </>
      )}

      {phase === 'completing' && <p role="status">{t('documents.completing')}</p>}
      {phase === 'done' && error && (
        <div className="screen__actions">
          <BigButton variant="primary" onClick={() => void complete()}>
            {t('documents.tryAgain')}
          </BigButton>
        </div>
      )}

      <div className="screen__actions">
        <BigButton disabled={phase === 'sending' || phase === 'completing'} onClick={cancel}>
          {t('documents.cancel')}
        </BigButton>
      </div>
    </div>
  );
}
