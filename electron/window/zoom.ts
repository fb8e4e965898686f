/**
 * No zoom on a public kiosk: pinch zoom is limited to 1..1, the zoom factor snaps back to 1 whenever
 * something changes it, and zoom key combinations are blocked (keyboard-guard.ts). Large text is a
 * renderer setting, not browser zoom.
 */
import type { WebContents } from 'electron';
import type { Logger } from '../core/log';

export function lockZoom(wc: WebContents, log: Logger): void {
  const apply = () => {
    if (wc.isDestroyed()) return;
    wc.setZoomFactor(1);
    wc.setVisualZoomLevelLimits(1, 1).catch((e: unknown) =>
      log.error({ err: e }, 'cannot limit visual zoom'),
    );
  };
  apply();
  wc.on('did-finish-load', apply);
  wc.on('zoom-changed', () => wc.setZoomFactor(1));
}
