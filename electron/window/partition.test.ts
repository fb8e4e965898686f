import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, fakeOf, session as fakeSessions, type FakeSession } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { createPatientPartition, destroyPatientPartition, newPartitionName } from './partition';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

const opts = { rendererDir: '/nowhere', devTools: false, log: silentLogger() };

describe('patient partitions', () => {
  it('are in-memory kiosk-<uuid> partitions, a new one each time', () => {
    const a = newPartitionName();
    const b = newPartitionName();
    expect(a).toMatch(/^kiosk-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(() => createPatientPartition(opts, 'persist:kiosk-1')).toThrow();
    expect(() => createPatientPartition(opts, 'other')).toThrow();
  });

  it('get every session rule before a page loads in them', () => {
    const p = createPatientPartition(opts);
    const ses = fakeOf<FakeSession>(p.session);
    expect(fakeSessions.fromPartitionCalls).toEqual([{ partition: p.name, options: { cache: false } }]);
    expect(ses.protocol.handled.has('app')).toBe(true);
    expect(ses.permissionRequestHandler).not.toBeNull();
    expect(ses.permissionCheckHandler).not.toBeNull();
    expect(ses.beforeRequest).not.toBeNull();
    expect(ses.listenerCount('will-download')).toBe(1);
    expect(ses.spellCheckerEnabled).toBe(false);
  });

  it('are cleared and stop serving the UI when destroyed', async () => {
    const p = createPatientPartition(opts);
    const ses = fakeOf<FakeSession>(p.session);
    expect(await destroyPatientPartition(p)).toEqual([]);
    expect(ses.cleared).toEqual(expect.arrayContaining(['storage', 'cache', 'auth', 'code']));
    expect(ses.protocol.handled.has('app')).toBe(false);
  });

  it('keep clearing when one step fails, and report the failure', async () => {
    const p = createPatientPartition(opts);
    const ses = fakeOf<FakeSession>(p.session);
    ses.clearStorageData = async () => {
      throw new Error('disk');
    };
    const failures = await destroyPatientPartition(p);
    expect(failures).toHaveLength(1);
    expect(ses.cleared).toEqual(expect.arrayContaining(['cache', 'auth', 'code']));
  });
});
