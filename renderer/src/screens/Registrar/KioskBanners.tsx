import { useT } from '../../i18n/useT';
import { selectTrainingMode, useAppStore } from '../../stores/app';
import { selectAssisted, useRegistrarStore } from '../../stores/registrar';
import { AssistedBanner } from './AssistedBanner';
import './registrar.css';

/**
 * Banners above every screen: training mode (nothing here is real) and an assisted session. They
 * live in a labelled region of their own, present only while there is something to say.
 */
export function KioskBanners() {
  const t = useT();
  const training = useAppStore(selectTrainingMode);
  const assisted = useRegistrarStore(selectAssisted);
  if (!training && !assisted) return null;
  return (
    <section className="kiosk-banners" aria-label={t('registrar.banners')}>
      {training && <p className="banner banner--training">{t('frame.training')}</p>}
      <AssistedBanner />
    </section>
  );
}
