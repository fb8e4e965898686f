import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/log';
import { handleProcessStops, type ProcessLike } from './process-stops';

function rig(stop: (why: string) => Promise<void> = async () => undefined, errorGraceMs?: number) {
  const proc = new EventEmitter();
  const exits: number[] = [];
  const whys: string[] = [];
  const stops = handleProcessStops({
    log: silentLogger(),
    stop: async (why) => {
      whys.push(why);
      await stop(why);
    },
    exit: (code) => exits.push(code),
    proc: proc as unknown as ProcessLike,
    ...(errorGraceMs === undefined ? {} : { errorGraceMs }),
  });
  const settle = () => new Promise((r) => setTimeout(r, 5));
  return { proc, exits, whys, stops, settle };
}

describe('process stops', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'])('%s runs the stop once, then exits 0', async (signal) => {
    const r = rig();
    r.proc.emit(signal);
    await r.settle();
    expect(r.whys).toEqual([signal]);
    expect(r.exits).toEqual([0]);
    r.stops.dispose();
    expect(r.proc.listenerCount(signal)).toBe(0);
  });

  it('an uncaught error or rejection runs the same stop and exits 1', async () => {
    for (const event of ['uncaughtException', 'unhandledRejection']) {
      const r = rig();
      r.proc.emit(event, new Error('boom'));
      await r.settle();
      expect(r.whys).toEqual(['error']);
      expect(r.exits).toEqual([1]);
    }
  });

  it('a second signal while the stop runs exits at once', async () => {
    let finish: () => void = () => undefined;
    const r = rig(() => new Promise<void>((resolve) => (finish = resolve)));
    r.proc.emit('SIGINT');
    r.proc.emit('SIGINT');
    expect(r.exits).toEqual([1]);
    expect(r.stops.stopping).toBe(true);
    finish();
    await r.settle();
    expect(r.whys).toEqual(['SIGINT']);
  });

  it('after an error a stop that hangs still ends the process, and a failing stop exits 1', async () => {
    const hung = rig(() => new Promise<void>(() => undefined), 20);
    hung.proc.emit('uncaughtException', new Error('boom'));
    await new Promise((r) => setTimeout(r, 60));
    expect(hung.exits).toEqual([1]);

    const failing = rig(async () => {
      throw new Error('close failed');
    });
    await failing.stops.stop('window closed');
    expect(failing.exits).toEqual([1]);
  });
});
