/**
 * A stand-in for removable media on machines without a USB port to test with (development, e2e):
 * every subfolder of `dir` counts as one inserted medium, labelled with its name. Creating a
 * subfolder "inserts" a medium, deleting it "pulls" it — the same list changes and key-removal
 * path as real media. Hosts use it only when told to (KIOSK_MEDIA_DIR); kiosks use the platform's.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaSource, Medium } from '../esign';

export function folderMedia(dir: string): MediaSource {
  return {
    async list(): Promise<Medium[]> {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      return entries
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => {
          const root = join(dir, e.name);
          return { id: root, root, label: e.name };
        })
        .sort((a, b) => a.label.localeCompare(b.label));
    },
  };
}
