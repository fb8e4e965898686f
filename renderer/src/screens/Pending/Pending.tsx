import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { useUiStore } from '../../stores/ui';

/**
 * Stands in the screen registry for a part of the cabinet this build does not have yet, so the
 * home menu never leads nowhere. Each entry is replaced by its real screen.
 */
export function Pending() {
  const t = useT();
  const goTo = useUiStore((s) => s.goTo);
  return (
    <div className="screen">
      <ScreenTitle>{t('pending.title')}</ScreenTitle>
      <p className="screen__lead">{t('pending.lead')}</p>
      <div className="screen__actions">
        <BigButton onClick={() => goTo('home')}>{t('pending.back')}</BigButton>
      </div>
    </div>
  );
}
