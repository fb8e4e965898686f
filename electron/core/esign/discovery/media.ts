/**
 * Where removable media are mounted, per platform, behind a port so discovery can be tested with
 * temporary folders: Linux — the mount table (`/proc/self/mounts`) entries under `/media/*` and
 * `/run/media/<user>/*`; macOS — `/Volumes/*` except the boot volume; Windows — drives whose
 * DriveType is 2 (removable), asked from PowerShell.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';

export interface Medium {
  /** Stable while the medium stays mounted: the mount point. */
  id: string;
  root: string;
  label: string;
}

export interface MediaSource {
  list(): Promise<Medium[]>;
}

/** Decodes the octal escapes of /proc/mounts (`\040` for a space, …). */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

const REMOVABLE_MOUNT = /^\/(?:media\/[^/]+(?:\/[^/]+)?|run\/media\/[^/]+\/[^/]+)$/;

/** Mount points of removable media from the text of /proc/self/mounts. */
export function parseMountTable(text: string): Medium[] {
  const out: Medium[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 3) continue;
    const mountPoint = unescapeMount(parts[1] as string);
    if (!REMOVABLE_MOUNT.test(mountPoint) || seen.has(mountPoint)) continue;
    // /media/<user> alone is the per-user parent folder, not a medium, when something is mounted below it
    seen.add(mountPoint);
    out.push({ id: mountPoint, root: mountPoint, label: mountPoint.split('/').pop() ?? mountPoint });
  }
  return out.filter((m) => !out.some((o) => o !== m && o.root.startsWith(`${m.root}/`)));
}

export function linuxMedia(
  mountTable = '/proc/self/mounts',
  read: (p: string) => Promise<string> = (p) => readFile(p, 'utf8'),
): MediaSource {
  return { list: async () => parseMountTable(await read(mountTable)) };
}

export function macMedia(volumes = '/Volumes'): MediaSource {
  return {
    async list() {
      const names = await readdir(volumes).catch(() => [] as string[]);
      const out: Medium[] = [];
      for (const n of names) {
        const root = join(volumes, n);
        // the boot volume appears in /Volumes as a link to "/"
        if ((await realpath(root).catch(() => root)) === '/') continue;
        out.push({ id: root, root, label: n });
      }
      return out;
    },
  };
}

export function windowsMedia(
  run: () => Promise<string> = () =>
    new Promise((resolve, reject) =>
      execFile(
        'powershell.exe',
        [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | ForEach-Object { $_.DeviceID + "|" + $_.VolumeName }',
        ],
        { timeout: 5000, windowsHide: true },
        (e, stdout) => (e ? reject(e) : resolve(stdout)),
      ),
    ),
): MediaSource {
  return {
    async list() {
      const text = await run().catch(() => '');
      return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => /^[A-Z]:\|/i.test(l))
        .map((l) => {
          const [drive, label] = l.split('|') as [string, string | undefined];
          const root = `${drive.toUpperCase()}\\`;
          return { id: root, root, label: label || drive };
        });
    },
  };
}

export function platformMedia(platform: NodeJS.Platform = process.platform): MediaSource {
  if (platform === 'win32') return windowsMedia();
  if (platform === 'darwin') return macMedia();
  return linuxMedia();
}
