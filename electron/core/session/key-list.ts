/**
 * The key files a visitor may choose from: what key discovery finds on removable media and in the
 * configured key folder, under opaque ids. While the key screen is open the list is re-scanned and
 * every change (a medium inserted or pulled) is pushed, so the screen follows the USB port without
 * a button. Only file names and a folder name leave main — never a path.
 */
import { basename, dirname, relative, sep } from 'node:path';
import type { KeyCandidate, KeyDiscovery } from '../esign';

export interface KeyListItem {
  id: string;
  fileName: string;
  /** The folder the file sits in (one name, not a path), when it is not the medium's or key folder's root. */
  folder: string | null;
  /** Volume label of the removable medium; null for the configured key folder. */
  medium: string | null;
  removable: boolean;
  kind: KeyCandidate['kind'];
}

export interface KeyListOptions {
  discovery: KeyDiscovery;
  /** The configured key folder (its own name is never shown). */
  folder: string | null;
  onChange: (keys: KeyListItem[]) => void;
  /** Someone is choosing a key (the signer can be started ahead of the password). */
  onChoosing?: () => void;
  intervalMs?: number;
  /** Watching stops by itself this long after the last request (nobody on the key screen). */
  watchForMs?: number;
  now?: () => number;
}

const sameList = (a: KeyListItem[], b: KeyListItem[]) =>
  a.length === b.length && a.every((k, i) => k.id === b[i]?.id && k.medium === b[i]?.medium);

export class KeyList {
  private timer: NodeJS.Timeout | null = null;
  private last: KeyListItem[] = [];
  private watchUntil = 0;
  private scanning: Promise<KeyListItem[]> | null = null;

  constructor(private readonly opts: KeyListOptions) {}

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private folderOf(id: string, medium: string | null): string | null {
    const loc = this.opts.discovery.resolve(id);
    if (!loc) return null;
    const parent = dirname(loc.path);
    if (medium === null && this.opts.folder) {
      const rel = relative(this.opts.folder, parent);
      if (!rel || rel.startsWith('..')) return null;
    }
    const name = basename(parent);
    // the medium's root (e.g. /media/user/FLASH) is shown as the medium, not as a folder
    if (loc.mediumId !== null && (parent === loc.mediumId || `${parent}${sep}` === loc.mediumId)) return null;
    return name || null;
  }

  /** Scans now (one scan at a time; callers arriving meanwhile share it). */
  scan(): Promise<KeyListItem[]> {
    this.scanning ??= this.opts.discovery
      .scan()
      .then((found) =>
        found.map((k) => ({
          id: k.id,
          fileName: k.fileName,
          folder: this.folderOf(k.id, k.medium),
          medium: k.medium,
          removable: k.removable,
          kind: k.kind,
        })),
      )
      .finally(() => {
        this.scanning = null;
      });
    return this.scanning;
  }

  /** The current list; with `watch`, keeps scanning and pushes changes for a while. */
  async list(watch: boolean): Promise<KeyListItem[]> {
    if (watch) this.opts.onChoosing?.();
    const keys = await this.scan();
    this.last = keys;
    if (watch) {
      this.watchUntil = this.now() + (this.opts.watchForMs ?? 10 * 60_000);
      this.start();
    }
    return keys;
  }

  private start(): void {
    if (this.timer) return;
    let busy = false;
    this.timer = setInterval(() => {
      if (busy) return;
      if (this.now() > this.watchUntil) {
        this.stop();
        return;
      }
      busy = true;
      void this.tick().finally(() => (busy = false));
    }, this.opts.intervalMs ?? 1500);
    this.timer.unref?.();
  }

  /** One watch step (public so tests drive it without timers). */
  async tick(): Promise<boolean> {
    const keys = await this.scan().catch(() => this.last);
    if (sameList(keys, this.last)) return false;
    this.last = keys;
    this.opts.onChange(keys);
    return true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get watching(): boolean {
    return this.timer !== null;
  }
}
