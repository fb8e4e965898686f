import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTestIdentity } from '../index';
import { makeTestPki, person, type TestPki } from '../test-support';
import { KeyDiscovery, KeyMediumWatcher, nodeDiscoveryFs, type DiscoveryFs } from './discovery';
import { macMedia, parseMountTable, windowsMedia, type MediaSource, type Medium } from './media';

let pki: TestPki;
let root: string;
let usb: string;
let folder: string;
let mounted: Medium[];
const media: MediaSource = { list: async () => mounted };

beforeAll(async () => {
  pki = await makeTestPki();
  root = mkdtempSync(join(tmpdir(), 'esign-discovery-'));
  usb = join(root, 'media', 'kiosk', 'KEYS USB');
  folder = join(root, 'configured');
  mkdirSync(join(usb, 'Ivanenko'), { recursive: true });
  mkdirSync(folder, { recursive: true });
  const jks = await issueTestIdentity(pki.ca, person(pki.now), { format: 'jks', password: 'p' });
  const pk8 = await issueTestIdentity(pki.ca, person(pki.now), { format: 'pk8', password: '' });
  writeFileSync(join(usb, 'Ivanenko', 'privat.jks'), jks.file);
  writeFileSync(join(usb, 'Ivanenko', 'privat.cer'), jks.certificateDer); // a certificate, not a key
  writeFileSync(join(usb, 'mykey'), pk8.file); // no extension: found by content sniffing
  writeFileSync(join(usb, 'notes.dat'), 'not a key at all');
  writeFileSync(join(usb, 'movie.bin'), Buffer.alloc(200 * 1024, 0x30)); // too big to sniff without a key extension
  writeFileSync(join(folder, 'Key-6.dat'), pk8.file);
  mounted = [{ id: usb, root: usb, label: 'KEYS USB' }];
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('mount tables', () => {
  it('finds /media and /run/media mounts, decoding escapes, skipping system mounts', () => {
    const text = [
      '/dev/sda1 / ext4 rw,relatime 0 0',
      'proc /proc proc rw 0 0',
      '/dev/sdb1 /media/kiosk/KEYS\\040USB vfat rw,nosuid 0 0',
      '/dev/sdc1 /run/media/anna/TOKEN exfat rw 0 0',
      '/dev/sdd1 /media/STICK vfat rw 0 0',
      'tmpfs /run/user/1000 tmpfs rw 0 0',
    ].join('\n');
    expect(parseMountTable(text).map((m) => [m.root, m.label])).toEqual([
      ['/media/kiosk/KEYS USB', 'KEYS USB'],
      ['/run/media/anna/TOKEN', 'TOKEN'],
      ['/media/STICK', 'STICK'],
    ]);
  });

  it('reads removable drives from the Windows query and skips the macOS boot volume', async () => {
    const win = windowsMedia(async () => 'E:|KEYS\r\nF:|\r\ngarbage\r\n');
    expect(await win.list()).toEqual([
      { id: 'E:\\', root: 'E:\\', label: 'KEYS' },
      { id: 'F:\\', root: 'F:\\', label: 'F:' },
    ]);
    const volumes = join(root, 'Volumes');
    mkdirSync(join(volumes, 'USB'), { recursive: true });
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/', join(volumes, 'Macintosh HD'));
    expect((await macMedia(volumes).list()).map((m) => m.label)).toEqual(['USB']);
  });
});

describe('KeyDiscovery', () => {
  it('lists key containers by extension and content under opaque ids', async () => {
    const d = new KeyDiscovery({ media, folder });
    const found = await d.scan();
    expect(found.map((c) => [c.fileName, c.kind, c.medium, c.removable]).sort()).toEqual(
      [
        ['Key-6.dat', 'pk8', null, false],
        ['mykey', 'pk8', 'KEYS USB', true],
        ['privat.jks', 'jks', 'KEYS USB', true],
      ].sort(),
    );
    for (const c of found) {
      expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(c)).not.toContain(root); // no path leaves discovery
      expect(d.resolve(c.id)?.path.startsWith(root)).toBe(true);
    }
    // ids are stable across scans
    const again = await d.scan();
    expect(again.map((c) => c.id).sort()).toEqual(found.map((c) => c.id).sort());
    expect(d.resolve('made-up-id')).toBeNull();
  });

  it('reports removal of the medium once, and removal of a file from the folder', async () => {
    const d = new KeyDiscovery({ media, folder });
    const found = await d.scan();
    const onUsb = found.find((c) => c.fileName === 'privat.jks');
    const inFolder = found.find((c) => c.fileName === 'Key-6.dat');
    if (!onUsb || !inFolder) throw new Error('keys not found');
    const removed: string[] = [];
    const watcher = new KeyMediumWatcher(d, (id) => {
      removed.push(id);
    });
    watcher.watch(onUsb.id);
    expect(await watcher.check()).toBe(true);
    const saved = mounted;
    mounted = [];
    expect(await watcher.check()).toBe(false);
    await watcher.check();
    expect(removed).toEqual([onUsb.id]);
    mounted = saved;

    watcher.watch(inFolder.id);
    expect(await watcher.check()).toBe(true);
    unlinkSync(join(folder, 'Key-6.dat'));
    await watcher.check();
    expect(removed).toEqual([onUsb.id, inFolder.id]);
  });
});

/** The node file system, with readdir held at a gate until the test opens it. */
function gatedFs(): DiscoveryFs & { hold(): void; open(): void } {
  let gate: Promise<void> | null = null;
  let release: () => void = () => undefined;
  return {
    ...nodeDiscoveryFs,
    async readdir(dir) {
      if (gate) await gate;
      return nodeDiscoveryFs.readdir(dir);
    },
    hold() {
      gate = new Promise((r) => (release = r));
    },
    open() {
      gate = null;
      release();
    },
  };
}

describe('KeyDiscovery while rescanning', () => {
  it('answers from the last complete scan until a scan without the key completes', async () => {
    let list: Medium[] = mounted;
    const fs = gatedFs();
    const d = new KeyDiscovery({ media: { list: async () => list }, fs });
    const key = (await d.scan()).find((c) => c.fileName === 'privat.jks');
    if (!key) throw new Error('key not found');

    fs.hold();
    const rescan = d.scan();
    await new Promise((r) => setTimeout(r, 10));
    expect(d.resolve(key.id)?.path).toBe(join(usb, 'Ivanenko', 'privat.jks'));
    expect(await d.present(key.id)).toBe(true);
    fs.open();
    expect((await rescan).map((c) => c.id)).toContain(key.id);

    list = []; // pulled: still resolvable until a scan has seen that
    expect(d.resolve(key.id)).not.toBeNull();
    await d.scan();
    expect(d.resolve(key.id)).toBeNull();
    expect(await d.present(key.id)).toBe(false);
  });

  it('an older scan that ends last does not bring back a key a newer scan found gone', async () => {
    let list: Medium[] = mounted;
    const fs = gatedFs();
    const d = new KeyDiscovery({ media: { list: async () => list }, fs });
    const key = (await d.scan()).find((c) => c.fileName === 'privat.jks');
    if (!key) throw new Error('key not found');
    fs.hold();
    const older = d.scan(); // lists the medium, then waits at the gate
    await new Promise((r) => setTimeout(r, 10));
    list = [];
    expect(await d.scan()).toEqual([]); // started later, nothing to walk: ends first
    expect(d.resolve(key.id)).toBeNull();
    fs.open();
    expect((await older).map((c) => c.id)).toContain(key.id); // what it saw, to its own caller
    expect(d.resolve(key.id)).toBeNull();
  });

  it('a failed media query walks the media listed last instead of dropping them', async () => {
    let fail = false;
    const d = new KeyDiscovery({
      media: {
        list: async () => {
          if (fail) throw new Error('PowerShell timed out');
          return mounted;
        },
      },
    });
    const key = (await d.scan()).find((c) => c.fileName === 'privat.jks');
    if (!key) throw new Error('key not found');
    fail = true;
    expect((await d.scan()).map((c) => c.id)).toContain(key.id);
    expect(await d.present(key.id)).toBe(true);
  });
});
