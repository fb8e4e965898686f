/**
 * Key discovery: candidate key files on removable media and in a configured folder, found by
 * extension and confirmed by content sniffing, listed under opaque ids. The renderer only ever
 * sees ids and file names; paths stay here. A watcher reports when a key's medium (or the file)
 * disappears so the host can end the patient session.
 *
 * Ids are looked up in the map of the last *complete* scan: a scan builds its own map while it walks
 * the media and swaps it in at once when it ends, so a sign-in that resolves an id while the key list
 * is being rescanned still finds its key. An id stops resolving only when a scan that no longer sees
 * its file completes (the medium was really pulled, or the file removed).
 */
import { randomUUID } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { sniffContainer, type ContainerKind } from '../containers/sniff';
import type { MediaSource, Medium } from './media';

export interface DiscoveryFs {
  readdir(dir: string): Promise<{ name: string; isFile: boolean; isDirectory: boolean }[]>;
  size(path: string): Promise<number | null>;
  /** Reads a whole small file (the caller bounds the size). */
  read(path: string, maxBytes: number): Promise<Uint8Array>;
}

export const nodeDiscoveryFs: DiscoveryFs = {
  async readdir(dir) {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory() }));
  },
  async size(path) {
    try {
      const s = await stat(path);
      return s.isFile() ? s.size : null;
    } catch {
      return null;
    }
  },
  async read(path, maxBytes) {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(maxBytes);
      const { bytesRead } = await fh.read(buf, 0, maxBytes, 0);
      return new Uint8Array(buf.subarray(0, bytesRead));
    } finally {
      await fh.close();
    }
  },
};

export interface KeyCandidate {
  /** Opaque; stable while the file stays where it is. */
  id: string;
  fileName: string;
  kind: Exclude<ContainerKind, 'certificate' | 'unknown'>;
  /** Medium label (volume name), or null for the configured folder. */
  medium: string | null;
  removable: boolean;
}

interface Located {
  path: string;
  mediumId: string | null;
}

const KEY_EXTENSIONS = new Set(['.dat', '.jks', '.pfx', '.p12', '.pk8', '.key', '.zs2', '.pem']);
/** Files without a known extension are sniffed only when this small. */
const SNIFF_UNKNOWN_MAX = 64 * 1024;
const KEY_MAX = 1024 * 1024;

export interface KeyDiscoveryOptions {
  media: MediaSource;
  fs?: DiscoveryFs;
  /** A folder the registrar configured (e.g. a network share or a card reader path). */
  folder?: string | null;
  maxDepth?: number;
  maxEntries?: number;
}

interface ScanResult {
  candidates: KeyCandidate[];
  located: Map<string, Located>; // id → location
}

export class KeyDiscovery {
  private readonly fs: DiscoveryFs;
  private readonly ids = new Map<string, string>(); // path → id
  /** The last complete scan; replaced as a whole, never cleared or filled in place. */
  private last: ScanResult = { candidates: [], located: new Map() };
  /** Scans are numbered as they start; a scan's result is kept only if no later-started one finished first. */
  private started = 0;
  private applied = 0;
  private lastMedia: Medium[] = [];

  constructor(private readonly opts: KeyDiscoveryOptions) {
    this.fs = opts.fs ?? nodeDiscoveryFs;
  }

  private idFor(path: string): string {
    let id = this.ids.get(path);
    if (!id) {
      id = randomUUID();
      this.ids.set(path, id);
    }
    return id;
  }

  /**
   * Walks the media and the key folder and makes the result the current one. Lookups made while it
   * runs are answered from the previous complete scan. When the media cannot be listed (the
   * platform query failed), the mount points listed last are walked again: a medium really pulled
   * meanwhile cannot be read and drops out; one still there is not lost to a failed query.
   */
  async scan(): Promise<KeyCandidate[]> {
    const seq = ++this.started;
    const media = await this.opts.media.list().then(
      (listed) => (this.lastMedia = listed),
      () => this.lastMedia,
    );
    const roots: { root: string; medium: Medium | null }[] = media.map((m) => ({ root: m.root, medium: m }));
    if (this.opts.folder) roots.push({ root: this.opts.folder, medium: null });
    const result: ScanResult = { candidates: [], located: new Map() };
    const budget = { entries: this.opts.maxEntries ?? 5000 };
    for (const r of roots) await this.walk(r.root, r.medium, 0, budget, result);
    // an older scan that ends after a newer one must not bring back what the newer one no longer saw
    if (seq > this.applied) {
      this.applied = seq;
      this.last = result;
    }
    return result.candidates;
  }

  private async walk(
    dir: string,
    medium: Medium | null,
    depth: number,
    budget: { entries: number },
    out: ScanResult,
  ): Promise<void> {
    let entries: { name: string; isFile: boolean; isDirectory: boolean }[];
    try {
      entries = await this.fs.readdir(dir);
    } catch {
      return; // unreadable folder (permissions, medium pulled mid-scan): nothing to offer there
    }
    for (const e of entries) {
      if (--budget.entries < 0) return;
      if (e.name.startsWith('.') || e.name === 'System Volume Information' || e.name === '$RECYCLE.BIN')
        continue;
      const path = join(dir, e.name);
      if (e.isDirectory) {
        if (depth + 1 < (this.opts.maxDepth ?? 4)) await this.walk(path, medium, depth + 1, budget, out);
        continue;
      }
      if (!e.isFile) continue;
      const known = KEY_EXTENSIONS.has(extname(e.name).toLowerCase());
      const size = await this.fs.size(path);
      if (size === null || size === 0 || size > (known ? KEY_MAX : SNIFF_UNKNOWN_MAX)) continue;
      let kind: ContainerKind;
      try {
        kind = sniffContainer(await this.fs.read(path, size));
      } catch {
        continue;
      }
      if (kind === 'certificate' || kind === 'unknown') continue;
      const id = this.idFor(path);
      out.located.set(id, { path, mediumId: medium?.id ?? null });
      out.candidates.push({
        id,
        fileName: basename(path),
        kind,
        medium: medium?.label ?? null,
        removable: medium !== null,
      });
    }
  }

  /** The path behind an id from the last complete scan (main side only; never sent to the renderer). */
  resolve(id: string): { path: string; mediumId: string | null } | null {
    return this.last.located.get(id) ?? null;
  }

  /**
   * Whether the key's medium is still mounted and the file still there. A failed media query proves
   * nothing: then only the file itself is checked (a pulled medium takes its files with it).
   */
  async present(id: string): Promise<boolean> {
    const loc = this.last.located.get(id);
    if (!loc) return false;
    if (loc.mediumId !== null) {
      const media = await this.opts.media.list().catch(() => null);
      if (media && !media.some((m) => m.id === loc.mediumId)) return false;
    }
    return (await this.fs.size(loc.path)) !== null;
  }
}

/**
 * Polls whether the watched key is still present and calls `onRemoved` once when it is not.
 * `check()` is public so hosts and tests can drive it without timers.
 */
export class KeyMediumWatcher {
  private timer: NodeJS.Timeout | null = null;
  private watched: string | null = null;

  constructor(
    private readonly discovery: KeyDiscovery,
    private readonly onRemoved: (keyId: string) => void | Promise<void>,
  ) {}

  watch(keyId: string): void {
    this.watched = keyId;
  }

  unwatch(): void {
    this.watched = null;
  }

  async check(): Promise<boolean> {
    const id = this.watched;
    if (!id) return true;
    const present = await this.discovery.present(id);
    if (!present && this.watched === id) {
      this.watched = null;
      await this.onRemoved(id);
    }
    return present;
  }

  start(intervalMs = 1000): void {
    this.stop();
    let busy = false;
    this.timer = setInterval(() => {
      if (busy) return; // a slow medium must not pile up checks
      busy = true;
      void this.check().finally(() => (busy = false));
    }, intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
