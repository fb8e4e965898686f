import { useEffect } from 'react';
import type { KeyFile } from '#shared/contract/signin';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { watchSignInKeys } from '../../stores/links';
import { selectKeyFiles, selectKeysAnswered, useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import '../SignIn/signin.css';

/** Where a key file was found, in words: the medium's label, the folder, or the kiosk's key folder. */
export function keyPlace(t: Translate, key: KeyFile): string {
  const parts: string[] = [];
  if (key.medium) parts.push(t('keys.onMedium', { medium: key.medium }));
  if (key.folder) parts.push(t('keys.inFolder', { folder: key.folder }));
  if (!key.medium && !key.folder) parts.push(t('keys.keyFolder'));
  return parts.join(', ');
}

/**
 * The key step: what signing in takes, and the key files main finds on inserted media (and in the
 * kiosk's key folder). The list follows the USB port live: main pushes every change while this
 * screen is open. Choosing a key leads to its password.
 */
export function InsertKey() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const keys = useSignInStore(selectKeyFiles);
  const loaded = useSignInStore(selectKeysAnswered);
  const keysError = useSignInStore((s) => s.keys.error);

  useEffect(() => {
    const subscription = watchSignInKeys();
    return subscription.ok ? subscription.value : undefined;
  }, []);

  const choose = (key: KeyFile) => {
    useSignInStore.getState().chooseKey(key);
    goTo('keyPassword');
  };

  return (
    <div className="screen">
      <ScreenTitle>{t('insertKey.title')}</ScreenTitle>
      <p className="screen__lead">{t('insertKey.lead')}</p>
      <p className="keys__status" role="status">
        {!loaded
          ? t('keys.searching')
          : keys.length
            ? t('keys.found', { count: keys.length })
            : t('keys.waiting')}
      </p>
      {keysError && (
        <p className="signin__error" role="alert">
          {errorText(language, keysError)}
        </p>
      )}
      {keys.length > 0 && (
        <ul className="keys__list" aria-label={t('keys.list')}>
          {keys.map((key) => (
            <li key={key.id}>
              <button type="button" className="keys__key" onClick={() => choose(key)}>
                <span className="keys__file">{key.fileName}</span>
                <span className="keys__place">{keyPlace(t, key)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {keys.length === 0 && (
        <>
          <h2 className="screen__subtitle">{t('insertKey.steps')}</h2>
          <ol className="steps">
            <li>{t('insertKey.step1')}</li>
            <li>{t('insertKey.step2')}</li>
            <li>{t('insertKey.step3')}</li>
          </ol>
        </>
      )}
      <div className="screen__actions">
        <BigButton onClick={() => goTo('keyboardPractice')}>{t('insertKey.practice')}</BigButton>
        <BigButton onClick={() => goTo('welcome')}>{t('insertKey.back')}</BigButton>
      </div>
    </div>
  );
}
