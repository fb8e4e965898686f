import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from 'electron';
import { electronMock, fakeOf, type FakeSession } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { CameraAccess, denyAllPermissions } from './permissions';

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

  it('refuse media when the camera gate exists but is closed', () => {
    const ses = fakeOf<FakeSession>(session.fromPartition('kiosk-p3'));
    denyAllPermissions(fakeOf(ses), silentLogger(), new CameraAccess());
    const cb = vi.fn();
    ses.permissionRequestHandler?.(null, 'media', cb, {
      requestingUrl: 'app://kiosk/index.html',
      isMainFrame: true,
      mediaTypes: ['video'],
    });
    expect(cb).toHaveBeenCalledWith(false);
    expect(ses.permissionCheckHandler?.(null, 'media', 'app://kiosk', { mediaType: 'video' })).toBe(false);
  });
});

describe('the document camera', () => {
  const kioskVideo = { requestingUrl: 'app://kiosk/index.html', isMainFrame: true, mediaTypes: ['video'] };
  const request = (ses: FakeSession, permission: string, details: unknown): boolean => {
    let granted: boolean | null = null;
    ses.permissionRequestHandler?.(null, permission, (g) => (granted = g), details);
    if (granted === null) throw new Error('the request was not answered');
    return granted;
  };

  it('is granted to the kiosk page’s main frame, video only, while open — and refused again once closed', () => {
    const ses = fakeOf<FakeSession>(session.fromPartition('kiosk-cam'));
    const camera = new CameraAccess(silentLogger());
    denyAllPermissions(fakeOf(ses), silentLogger(), camera);
    expect(request(ses, 'media', kioskVideo)).toBe(false);
    camera.open();
    expect(request(ses, 'media', kioskVideo)).toBe(true);
    expect(ses.permissionCheckHandler?.(null, 'media', 'app://kiosk', { mediaType: 'video' })).toBe(true);
    camera.close();
    expect(request(ses, 'media', kioskVideo)).toBe(false);
    expect(ses.permissionCheckHandler?.(null, 'media', 'app://kiosk', { mediaType: 'video' })).toBe(false);
  });

  it('never grants the microphone, another origin, a frame inside the page or another permission', () => {
    const ses = fakeOf<FakeSession>(session.fromPartition('kiosk-cam2'));
    const camera = new CameraAccess();
    denyAllPermissions(fakeOf(ses), silentLogger(), camera);
    camera.open();
    expect(request(ses, 'media', { ...kioskVideo, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request(ses, 'media', { ...kioskVideo, mediaTypes: ['audio'] })).toBe(false);
    expect(request(ses, 'media', { ...kioskVideo, mediaTypes: [] })).toBe(false);
    expect(request(ses, 'media', { ...kioskVideo, isMainFrame: false })).toBe(false);
    expect(request(ses, 'media', { ...kioskVideo, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(request(ses, 'media', { ...kioskVideo, requestingUrl: 'app://kiosk.evil/index.html' })).toBe(
      false,
    );
    expect(request(ses, 'media', {})).toBe(false);
    for (const p of PERMISSIONS.filter((x) => x !== 'media')) expect(request(ses, p, kioskVideo)).toBe(false);
    expect(ses.permissionCheckHandler?.(null, 'media', 'app://kiosk', { mediaType: 'audio' })).toBe(false);
    expect(ses.permissionCheckHandler?.(null, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(
      false,
    );
    expect(ses.permissionCheckHandler?.(null, 'geolocation', 'app://kiosk', {})).toBe(false);
  });
});
