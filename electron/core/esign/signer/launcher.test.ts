import { describe, expect, it } from 'vitest';
import { warmSignerLauncher, type LaunchOptions, type SignerChannel, type SignerLauncher } from './launcher';

/** Channels that record what they were started with and let the test post and exit. */
function fakeLauncher() {
  const launched: {
    opts: LaunchOptions | undefined;
    post(m: unknown): void;
    exit(): void;
    killed: boolean;
  }[] = [];
  const launcher: SignerLauncher = {
    launch(opts) {
      const listeners: ((m: unknown) => void)[] = [];
      const exits: ((c: number | null) => void)[] = [];
      const entry = {
        opts,
        killed: false,
        post: (m: unknown) => listeners.forEach((l) => l(m)),
        exit: () => exits.forEach((l) => l(0)),
      };
      launched.push(entry);
      const channel: SignerChannel = {
        send: () => undefined,
        onMessage: (l) => void listeners.push(l),
        onExit: (l) => void exits.push(l),
        kill: () => {
          entry.killed = true;
        },
        pid: launched.length,
      };
      return channel;
    },
  };
  return { launcher, launched };
}

describe('warmSignerLauncher', () => {
  it('hands over the spare once, replaying what it posted before, and starts fresh ones after', () => {
    const { launcher, launched } = fakeLauncher();
    const warm = warmSignerLauncher(launcher);
    warm.warm();
    warm.warm(); // one spare at a time
    expect(launched.map((l) => l.opts)).toEqual([{ spare: true }]);
    launched[0]!.post({ type: 'ready' });
    const channel = warm.launch();
    expect(channel.pid).toBe(1);
    const got: unknown[] = [];
    channel.onMessage((m) => got.push(m));
    launched[0]!.post({ id: 1 });
    expect(got).toEqual([{ type: 'ready' }, { id: 1 }]);
    // the next session gets a process of its own
    expect(warm.launch().pid).toBe(2);
    expect(launched[1]!.opts).toBeUndefined();
  });

  it('drops a spare that exited and ends the spare on dispose', async () => {
    const { launcher, launched } = fakeLauncher();
    const warm = warmSignerLauncher(launcher);
    warm.warm();
    launched[0]!.exit();
    expect(warm.launch().pid).toBe(2);
    warm.warm();
    let disposed = false;
    const disposing = warm.dispose().then(() => (disposed = true));
    expect(launched[2]!.killed).toBe(true);
    // the kiosk's stop goes on only once the spare's process has exited
    await new Promise((r) => setTimeout(r, 20));
    expect(disposed).toBe(false);
    launched[2]!.exit();
    await disposing;
    // stopping: no new spare is started; a launch still gets a process of its own
    warm.warm();
    expect(launched).toHaveLength(3);
    expect(warm.launch().pid).toBe(4);
  });

  it('a spare that never reports its exit holds the stop for the grace period only', async () => {
    const { launcher, launched } = fakeLauncher();
    const warm = warmSignerLauncher(launcher);
    warm.warm();
    await warm.dispose(10);
    expect(launched[0]!.killed).toBe(true);
    // nothing to end: resolves at once
    await warm.dispose(60_000);
  });
});
