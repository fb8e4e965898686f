/**
 * Every web permission (camera, microphone, geolocation, notifications, clipboard, HID, serial, USB,
 * fullscreen, …) is refused, both when requested and when checked. Key media and printers are reached
 * from main, never from the page. One exception, and only while main allows it: the document camera
 * (video only, never the microphone) for the kiosk page's own main frame while a document eHealth asked
 * for is being captured (`CameraAccess`, opened and closed by the documents service). Closing it also
 * refuses every later check, so a page that kept a stream object cannot open a new one.
 */
import type { Session } from 'electron';
import type { Logger } from '../core/log';
import { isKioskUrl } from './origin';

/** Whether the kiosk page may use the camera now; main opens it for the capture screen only. */
export class CameraAccess {
  private allowed = false;

  constructor(private readonly log?: Logger) {}

  open(): void {
    if (!this.allowed) this.log?.info('document camera allowed to the kiosk page');
    this.allowed = true;
  }

  close(): void {
    if (this.allowed) this.log?.info('document camera closed to the kiosk page');
    this.allowed = false;
  }

  get isOpen(): boolean {
    return this.allowed;
  }
}

interface MediaRequestDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: string[];
}

interface MediaCheckDetails {
  mediaType?: string;
  isMainFrame?: boolean;
  requestingUrl?: string;
}

const videoOnly = (types: readonly string[] | undefined): boolean =>
  Array.isArray(types) && types.length > 0 && types.every((t) => t === 'video');

export function denyAllPermissions(ses: Session, log: Logger, camera?: CameraAccess): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const d = (details ?? {}) as MediaRequestDetails;
    if (
      permission === 'media' &&
      camera?.isOpen === true &&
      d.isMainFrame === true &&
      typeof d.requestingUrl === 'string' &&
      isKioskUrl(d.requestingUrl) &&
      videoOnly(d.mediaTypes)
    ) {
      callback(true);
      return;
    }
    log.warn({ permission }, 'permission request refused');
    callback(false);
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => {
    const d = (details ?? {}) as MediaCheckDetails;
    return (
      permission === 'media' &&
      camera?.isOpen === true &&
      d.mediaType === 'video' &&
      d.isMainFrame !== false &&
      isKioskUrl(requestingOrigin)
    );
  });
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => {
    log.warn('display media request refused');
    callback(null);
  });
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _wc, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}
