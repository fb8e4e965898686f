import { useCallback, useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { canvasEncoder, toDocumentJpeg, type PageSource } from '../../documents/to-jpeg';
import { errorText } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useDocumentsStore } from '../../stores/documents';
import { useUiStore } from '../../stores/ui';
import { CameraView } from './CameraView';
import './documents.css';

const KNOWN_TYPES = ['PASSPORT', 'NATIONAL_ID', 'BIRTH_CERTIFICATE', 'TEMPORARY_CERTIFICATE'] as const;

const typeLabel = (t: Translate, type: string) =>
  (KNOWN_TYPES as readonly string[]).includes(type)
    ? t(`documents.type.${type as (typeof KNOWN_TYPES)[number]}`)
    : t('documents.type.other', { type });

/**
 * Captures the page of each document eHealth asked for: the camera (opened to the page only here),
 * a preview with "retake", the conversion to one JPEG page within eHealth's limits, the upload by
 * main and the completion. Errors say what to do next; a failed upload keeps the picture.
 */
export function DocumentCapture() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const { flow, current, uploaded, phase, page, error, medium, reading, captured, complete, cancel } =
    useDocumentsStore();
  const [converting, setConverting] = useState(false);

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

  const chooseFromMedium = async (id: string) => {
    const bitmap = await useDocumentsStore.getState().readMedium(id);
    if (!bitmap) return;
    await makePage({ width: bitmap.width, height: bitmap.height }, bitmap);
    bitmap.close();
  };

  if (!flow) return null;
  const position = current ? flow.types.indexOf(current) + 1 : flow.types.length;
  const busy = reading || converting;

  return (
    <div className="screen documents">
      <ScreenTitle>{t('documents.title')}</ScreenTitle>
      <p className="screen__lead">{t('documents.lead')}</p>
      {current && (
        <p className="documents__which">
          {t('documents.which', { document: typeLabel(t, current), n: position, total: flow.types.length })}
        </p>
      )}
      {uploaded.length > 0 && (
        <ul className="documents__done">
          {uploaded.map((type) => (
            <li key={type}>{t('documents.uploaded', { document: typeLabel(t, type) })}</li>
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
            <BigButton disabled={busy} onClick={() => void useDocumentsStore.getState().openMedium()}>
              {t('documents.fromMedium')}
            </BigButton>
          </div>
        </>
      )}
      {phase === 'capture' && current && medium && (
        <MediumPicker busy={busy} onChoose={(id) => void chooseFromMedium(id)} />
      )}
      {(phase === 'preview' || phase === 'sending') && page && <PagePreview />}

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

/** The memory stick's pictures by name and size; choosing one reads it from main. */
function MediumPicker({ busy, onChoose }: { busy: boolean; onChoose: (id: string) => void }) {
  const t = useT();
  const medium = useDocumentsStore((s) => s.medium) ?? [];
  const closeMedium = useDocumentsStore((s) => s.closeMedium);
  return (
    <section aria-labelledby="documents-medium">
      <h2 id="documents-medium">{t('documents.mediumTitle')}</h2>
      <ul className="documents__medium">
        {medium.map((image) => (
          <li key={image.id}>
            <BigButton disabled={busy} onClick={() => onChoose(image.id)}>
              {t('documents.mediumItem', {
                name: image.name,
                size: (image.bytes / 1_000_000).toFixed(1),
              })}
            </BigButton>
          </li>
        ))}
      </ul>
      {busy && <p role="status">{t('documents.converting')}</p>}
      <div className="screen__actions">
        <BigButton disabled={busy} onClick={closeMedium}>
          {t('documents.backToCamera')}
        </BigButton>
      </div>
    </section>
  );
}

/** The page as it will be sent, with send (or send again after a failed upload) and retake. */
function PagePreview() {
  const t = useT();
  const { phase, page, sendFailed, send, sendAgain, retake } = useDocumentsStore();
  if (!page) return null;
  return (
    <>
      <p>{t('documents.check')}</p>
      <img className="documents__preview" src={page.url} alt={t('documents.previewAlt')} data-private="" />
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
  );
}
