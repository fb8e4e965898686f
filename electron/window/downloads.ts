/** Nothing is ever downloaded onto a public kiosk. */
import type { Session } from 'electron';
import type { Logger } from '../core/log';

export function denyDownloads(ses: Session, log: Logger): void {
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item?.cancel?.();
    log.warn('download refused');
  });
}
