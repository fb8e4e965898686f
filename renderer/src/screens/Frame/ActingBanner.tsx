import { BigButton } from '../../components/BigButton';
import { useT } from '../../i18n/useT';
import { selectActingFor, useActingStore } from '../../stores/acting';
import '../ActForChild/acting.css';

/**
 * Over every screen while a parent acts for a child, and never dismissed: whose cabinet this is
 * («Ви дієте за: …») and the one tap back to the parent's own cabinet. The name is marked private,
 * so speech mode does not read it out.
 */
export function ActingBanner() {
  const t = useT();
  const child = useActingStore(selectActingFor);
  if (!child) return null;
  const [before = '', after = ''] = t('acting.banner', { name: '\u0000' }).split('\u0000');
  return (
    <section className="banner--acting" aria-label={t('acting.bannerRegion')}>
      <p className="banner__text">
        {before}
        <span data-private="">{child.name}</span>
        {after}
        {child.access === 'view-only' ? ` (${t('acting.bannerViewOnly')})` : ''}
      </p>
      <BigButton onClick={() => void useActingStore.getState().switchTo(null)}>
        {t('acting.backToOwn')}
      </BigButton>
    </section>
  );
}
