import { beforeEach, describe, expect, it, vi } from 'vitest';
import { utilityProcess } from 'electron';
import { electronMock, utilityProcess as fakeUtility } from '../../test/mocks/electron';
import { electronSignerLauncher } from './electron-signer';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('Electron signer launcher', () => {
  it('forks one utility process per launch and relays its messages and exit', () => {
    const launcher = electronSignerLauncher({
      entry: '/app/dist-electron/signer.cjs',
      fork: utilityProcess.fork,
    });
    const channel = launcher.launch();
    const proc = fakeUtility.forked[0];
    expect(fakeUtility.forked).toHaveLength(1);
    expect(proc?.modulePath).toBe('/app/dist-electron/signer.cjs');
    expect(proc?.options).toMatchObject({ serviceName: 'kiosk-signer' });
    expect(channel.pid).toBe(4242);

    const got: unknown[] = [];
    channel.onMessage((m) => got.push(m));
    proc?.emit('message', { type: 'ready' });
    expect(got).toEqual([{ type: 'ready' }]);

    channel.send({ id: 1, type: 'close' } as never);
    expect(proc?.posted).toEqual([{ id: 1, type: 'close' }]);

    const exits: (number | null)[] = [];
    channel.onExit((code) => exits.push(code));
    channel.kill();
    expect(proc?.killed).toBe(true);
    expect(exits).toEqual([0]);
    expect(channel.pid).toBeUndefined();

    channel.send({ id: 2, type: 'close' } as never);
    expect(proc?.posted).toHaveLength(1);
    launcher.launch();
    expect(fakeUtility.forked).toHaveLength(2);
  });
});
