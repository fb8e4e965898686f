/**
 * The Electron transport of the contract: one `ipcMain.handle` per contract channel, each passing the
 * sender frame's origin to the router, and push events from the EventBus to the kiosk page.
 * Only the top frame of a page counts as a sender; a missing or detached frame has no origin.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES, ipcChannel, ipcEvent } from '#shared/contract';
import type { EventBus } from '../core/events';
import type { Logger } from '../core/log';
import { isKioskUrl, originOf } from '../window/origin';
import type { Dispatch } from './router';

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** The calling frame's origin, or '' when it cannot be trusted to have one. */
export function senderOrigin(event: SenderEvent): string {
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    return ''; // a frame that navigated or was destroyed throws on access
  }
  if (!frame || frame.parent) return '';
  return originOf(frame.url) ?? '';
}

export function bindIpcMain(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
): () => void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, payload: unknown) =>
      dispatch(name, payload, { origin: senderOrigin(event) }),
    );
  }
  return () => {
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** Push events go only to pages that are still showing the kiosk UI (`bus`: what the page may hear). */
export function forwardEvents(
  bus: Pick<EventBus, 'subscribeAll'>,
  targets: () => readonly WebContents[],
  log: Logger,
): () => void {
  return bus.subscribeAll((name, payload) => {
    for (const wc of targets()) {
      if (wc.isDestroyed() || !isKioskUrl(wc.getURL())) continue;
      try {
        wc.send(ipcEvent(name), payload);
      } catch (e) {
        log.error({ event: name, err: e }, 'push event could not be delivered');
      }
    }
  });
}
