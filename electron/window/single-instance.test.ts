import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from 'electron';
import { app as fakeApp, electronMock } from '../../test/mocks/electron';
import { acquireSingleInstance } from './single-instance';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('single instance', () => {
  it('focuses the running kiosk when a second one starts', () => {
    const focus = vi.fn();
    expect(acquireSingleInstance(app, focus)).toBe(true);
    fakeApp.fire('second-instance', {}, ['electron'], '/');
    expect(focus).toHaveBeenCalledOnce();
  });

  it('reports a lost lock so the second process exits', () => {
    fakeApp.singleInstanceLock = false;
    const focus = vi.fn();
    expect(acquireSingleInstance(app, focus)).toBe(false);
    expect(fakeApp.listenerCount('second-instance')).toBe(0);
  });
});
