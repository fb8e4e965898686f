import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimHostTemp, sweepHostTemp, TEMP_FOLDER } from './host-temp';

const base = mkdtempSync(join(tmpdir(), 'kiosk-host-temp-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const HOUR = 3_600_000;
const now = Date.UTC(2026, 4, 1, 12);

describe('the host temporary folder', () => {
  it('is one run folder under <data dir>/tmp, removed with everything in it', () => {
    const dataDir = join(base, 'a');
    const temp = claimHostTemp(dataDir, { now: () => now });
    expect(temp.dir).toBe(join(dataDir, TEMP_FOLDER, `${process.pid}-${now.toString(36)}`));
    mkdirSync(join(temp.dir, 'sandbox', 'personas'), { recursive: true });
    writeFileSync(join(temp.dir, 'sandbox', 'sandbox.db'), 'x');
    temp.remove();
    temp.remove(); // idempotent
    expect(existsSync(temp.dir)).toBe(false);
  });

  it('at the next start removes what a killed run or a power cut left, never a live run', () => {
    const dataDir = join(base, 'b');
    const root = join(dataDir, TEMP_FOLDER);
    const killed = join(root, `4242-${(now - HOUR).toString(36)}`); // its process is gone
    const beforeBoot = join(root, `777-${(now - 48 * HOUR).toString(36)}`); // pid alive again after a reboot
    const live = join(root, `778-${(now - HOUR).toString(36)}`); // another kiosk on this data directory
    const stray = join(root, 'kiosk-chromium-x1'); // not a run folder at all
    for (const d of [killed, beforeBoot, live, stray]) mkdirSync(join(d, 'inner'), { recursive: true });
    writeFileSync(join(root, 'leftover.pdf'), '%PDF-');
    const alive = new Set([777, 778]);
    const temp = claimHostTemp(dataDir, {
      now: () => now,
      isRunning: (pid) => alive.has(pid),
      bootTime: () => now - 24 * HOUR,
    });
    expect(readdirSync(root).sort()).toEqual(
      [`${process.pid}-${now.toString(36)}`, `778-${(now - HOUR).toString(36)}`].sort(),
    );
    temp.remove();
    alive.delete(778);
    expect(
      sweepHostTemp(dataDir, { isRunning: (pid) => alive.has(pid), bootTime: () => now - 24 * HOUR }),
    ).toBe(1);
    expect(readdirSync(root)).toEqual([]);
  });

  it('a folder named with this very process id is an earlier life of the id, not this run', () => {
    const dataDir = join(base, 'c');
    const old = join(dataDir, TEMP_FOLDER, `${process.pid}-${(now - HOUR).toString(36)}`);
    mkdirSync(old, { recursive: true });
    const temp = claimHostTemp(dataDir, { now: () => now, isRunning: () => true, bootTime: () => 0 });
    expect(existsSync(old)).toBe(false);
    temp.remove();
  });

  it('two hosts in one process on one data directory keep each other’s run folder', () => {
    const dataDir = join(base, 'f');
    const first = claimHostTemp(dataDir, { now: () => now });
    const second = claimHostTemp(dataDir, { now: () => now });
    expect(second.dir).not.toBe(first.dir);
    expect(existsSync(first.dir)).toBe(true);
    first.remove();
    second.remove();
    expect(readdirSync(join(dataDir, TEMP_FOLDER))).toEqual([]);
  });

  it('process-wide, a short folder in the system temp becomes TMPDIR/TMP/TEMP, removed with the run', () => {
    const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
    const systemTemp = join(base, 'system');
    mkdirSync(systemTemp);
    process.env.TMPDIR = systemTemp;
    const temp = claimHostTemp(join(base, 'd'), { processWide: true });
    try {
      const dir = temp.systemDir as string;
      expect(dir).toMatch(/kiosk-run-[A-Za-z0-9]{6}$/);
      expect(readdirSync(systemTemp)).toEqual([basename(dir)]);
      expect([process.env.TMPDIR, process.env.TMP, process.env.TEMP]).toEqual([dir, dir, dir]);
      expect(tmpdir()).toBe(dir);
      writeFileSync(join(dir, 'socket-dir'), '');
      temp.remove();
      expect(readdirSync(systemTemp)).toEqual([]);
      expect(existsSync(temp.dir)).toBe(false);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      process.removeListener('exit', temp.remove);
      temp.remove();
    }
  });

  it('a killed run’s system temp folder goes at the next start, but only a folder of ours', () => {
    const systemTemp = join(base, 'system2');
    const dataDir = join(base, 'e');
    const ours = join(systemTemp, 'kiosk-run-Ab12Cd');
    const foreign = join(systemTemp, 'photos');
    for (const d of [ours, foreign]) mkdirSync(join(d, 'x'), { recursive: true });
    const run = (name: string, recorded: string) => {
      mkdirSync(join(dataDir, TEMP_FOLDER, name), { recursive: true });
      writeFileSync(join(dataDir, TEMP_FOLDER, name, '.system-temp'), recorded);
    };
    run(`4242-${(now - HOUR).toString(36)}`, ours);
    run(`4243-${(now - HOUR).toString(36)}`, foreign); // a tampered record: not a kiosk-run folder
    const temp = claimHostTemp(dataDir, { now: () => now, isRunning: () => false });
    expect(existsSync(ours)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
    expect(readdirSync(join(dataDir, TEMP_FOLDER))).toEqual([basename(temp.dir)]);
    temp.remove();
  });
});
