import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from 'electron';
import { electronMock, fakeOf, type FakeSession } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { denyDownloads } from './downloads';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('downloads', () => {
  it('are cancelled before they start', () => {
    const ses = session.fromPartition('kiosk-d');
    denyDownloads(ses, silentLogger());
    const item = { cancel: vi.fn() };
    const event = fakeOf<FakeSession>(ses).fire('will-download', {}, item, null);
    expect(event.defaultPrevented).toBe(true);
    expect(item.cancel).toHaveBeenCalledOnce();
  });
});
