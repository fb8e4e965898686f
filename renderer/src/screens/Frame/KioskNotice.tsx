import { Notice } from '../../components/Notice';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../stores/app';
import { useUiStore } from '../../stores/ui';

/** Shows a kiosk-level error (from main) in plain words until someone acknowledges it. */
export function KioskNotice() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <Notice
      title={t('frame.notice')}
      text={errorText(language, notice)}
      dismissLabel={t('frame.dismiss')}
      onDismiss={dismiss}
    />
  );
}
