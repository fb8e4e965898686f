import { useEffect, useRef, useState } from 'react';
import type { KioskError } from '#shared/result';
import { BigButton } from '../../components/BigButton';
import { useT } from '../../i18n/useT';
import { useDocumentsStore } from '../../stores/documents';

/** How long the camera may take to start before the screen says it does not work. */
const CAMERA_START_MS = 15_000;

const cameraError = (e: unknown): KioskError => {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'NotAllowedError' || name === 'SecurityError'
    ? { code: 'CAMERA_REFUSED', message: 'the camera was refused to the page' }
    : { code: 'CAMERA_UNAVAILABLE', message: 'no camera could be opened' };
};

/** The live camera picture while a page is being captured; main opens the camera for this screen only. */
export function CameraView({ onPicture }: { onPicture: (video: HTMLVideoElement) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { fail, openCamera, closeCamera } = useDocumentsStore.getState();

  useEffect(() => {
    let stream: MediaStream | null = null;
    let gone = false;
    const stop = () => {
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = null;
      closeCamera();
    };
    void (async () => {
      const opened = await openCamera();
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
  }, [attempt, fail, openCamera, closeCamera]);

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
