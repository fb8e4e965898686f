import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from 'electron';
import { electronMock, fakeOf, type FakeSession } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { denyAllPermissions } from './permissions';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'hid',
  'serial',
  'usb',
  'fullscreen',
  'openExternal',
  'pointerLock',
  'unknown',
];

describe('permissions', () => {
  it('are refused when requested and when checked, for the kiosk origin too', () => {
    const ses = fakeOf<FakeSession>(session.fromPartition('kiosk-p'));
    denyAllPermissions(fakeOf(ses), silentLogger());
    for (const p of PERMISSIONS) {
      const cb = vi.fn();
      ses.permissionRequestHandler?.(null, p, cb, { requestingUrl: 'app://kiosk/' });
      expect(cb).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler?.(null, p, 'app://kiosk', {})).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://kiosk' })).toBe(false);
    const media = vi.fn();
    ses.displayMediaRequestHandler?.({}, media);
    expect(media).toHaveBeenCalledWith(null);
  });

  it('cancels device pickers', () => {
    const ses = fakeOf<FakeSession>(session.fromPartition('kiosk-p2'));
    denyAllPermissions(fakeOf(ses), silentLogger());
    const hid = vi.fn();
    expect(ses.fire('select-hid-device', {}, { deviceList: [{ deviceId: '1' }] }, hid).defaultPrevented).toBe(
      true,
    );
    expect(hid).toHaveBeenCalledWith();
    const serial = vi.fn();
    expect(ses.fire('select-serial-port', {}, [{ portId: '1' }], null, serial).defaultPrevented).toBe(true);
    expect(serial).toHaveBeenCalledWith('');
    const usb = vi.fn();
    expect(ses.fire('select-usb-device', {}, { deviceList: [] }, usb).defaultPrevented).toBe(true);
    expect(usb).toHaveBeenCalledWith();
  });
});
