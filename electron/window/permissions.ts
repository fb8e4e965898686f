/**
 * Every web permission (camera, microphone, geolocation, notifications, clipboard, HID, serial, USB,
 * fullscreen, …) is refused, both when requested and when checked. The kiosk needs none of them: key
 * media and printers are reached from main, never from the page.
 */
import type { Session } from 'electron';
import type { Logger } from '../core/log';

export function denyAllPermissions(ses: Session, log: Logger): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log.warn({ permission }, 'permission request refused');
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
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
