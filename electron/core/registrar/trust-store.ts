import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '#shared/result';
import type { Db } from '../db';
import { type MediaSource, type Medium, parseTrustList, TrustListError, type TrustList } from '../esign';
import { SettingsTable, type AuditLog } from '../kiosk';

/** The qualified trust service providers' CA certificates, as the central certification authority publishes them. */
export const TRUST_FILE = 'CACertificates.p7b';
export const TRUST_SETTING_KEY = 'trust.list';
const BUNDLE_EXTENSIONS = new Set(['.p7b', '.p7c', '.p7s', '.pem', '.crt', '.cer']);
const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;
const MAX_DEPTH = 3;
const MAX_ENTRIES = 2000;

export const TrustListInfo = z.object({
  /** When this kiosk imported the bundle. */
  date: z.string(),
  certificates: z.number().int().min(0),
  skipped: z.number().int().min(0),
  /** SHA-256 of the bundle, to compare with the published one. */
  sha256: z.string(),
  fileName: z.string(),
});
export type TrustListInfo = z.infer<typeof TrustListInfo>;

export interface TrustCandidate {
  id: string;
  fileName: string;
  medium: string;
  bytes: number;
}

export interface TrustStoreOptions {
  db: Db;
  audit: AuditLog;
  /** The kiosk data directory (':memory:' keeps the list in memory only). */
  dataDir: string;
  media: MediaSource;
  /** Extra folders searched like removable media (a card reader path; tests). */
  folders?: readonly string[];
  now?: () => Date;
}

/**
 * The kiosk's trust list: imported by a registrar from a removable medium, checked with the
 * e-signature module's trust-list reader, stored as `<data-dir>/trust/CACertificates.p7b` (atomically)
 * and described in the settings table (date, count, SHA-256). Paths never leave main: the panel
 * picks a bundle by an opaque id from the last scan.
 */
export class TrustStore {
  private readonly located = new Map<string, string>();
  private cached: TrustList | null = null;
  private memoryBundle: Uint8Array | null = null;
  private readonly now: () => Date;

  constructor(private readonly opts: TrustStoreOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  info(): TrustListInfo | null {
    return new SettingsTable(this.opts.db).readJson(TRUST_SETTING_KEY, TrustListInfo);
  }

  /** The imported trust list, parsed once; null before the first import. */
  current(): TrustList | null {
    if (this.cached) return this.cached;
    const bundle = this.bundle();
    if (!bundle) return null;
    try {
      this.cached = parseTrustList(bundle).list;
    } catch {
      return null;
    }
    return this.cached;
  }

  /** Trust bundles on removable media (and the extra folders), by extension and size. */
  async scan(): Promise<TrustCandidate[]> {
    this.located.clear();
    const roots: { root: string; label: string }[] = [];
    const media = await this.opts.media.list().catch(() => [] as Medium[]);
    for (const m of media) roots.push({ root: m.root, label: m.label });
    for (const f of this.opts.folders ?? []) roots.push({ root: f, label: basename(f) || f });
    const out: TrustCandidate[] = [];
    const budget = { entries: MAX_ENTRIES };
    for (const r of roots) await this.walk(r.root, r.label, 0, budget, out);
    return out;
  }

  /** Reads, checks and installs the bundle behind `id`; the old list stays if anything is wrong. */
  async import(id: string, actor: `registrar:${string}`): Promise<Result<TrustListInfo>> {
    const path = this.located.get(id);
    if (!path) return err('NOT_AVAILABLE', 'this file is no longer offered; look for bundles again');
    let bytes: Uint8Array;
    try {
      bytes = await readBounded(path, MAX_BUNDLE_BYTES);
    } catch {
      return err('NOT_AVAILABLE', 'the file could not be read (was the medium removed?)');
    }
    let parsed: { list: TrustList; skipped: number };
    try {
      parsed = parseTrustList(bytes);
    } catch (e) {
      if (e instanceof TrustListError) return err('TRUST_LIST_INVALID', e.message);
      throw e;
    }
    const info: TrustListInfo = {
      date: this.now().toISOString(),
      certificates: parsed.list.certificates.length,
      skipped: parsed.skipped,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fileName: basename(path).slice(0, 120),
    };
    try {
      this.store(bytes);
    } catch {
      return err('STORAGE_FAILED', 'the trust list could not be written to the data directory');
    }
    const settings = new SettingsTable(this.opts.db);
    settings.tx(() => {
      settings.put(TRUST_SETTING_KEY, JSON.stringify(info), info.date);
      this.opts.audit.append(actor, 'registrar.trustList.import', null, {
        certificates: info.certificates,
        skipped: info.skipped,
        sha256: info.sha256,
      });
    });
    this.cached = parsed.list;
    return ok(info);
  }

  private bundle(): Uint8Array | null {
    if (this.opts.dataDir === ':memory:') return this.memoryBundle;
    try {
      return new Uint8Array(readFileSync(join(this.opts.dataDir, 'trust', TRUST_FILE)));
    } catch {
      return null;
    }
  }

  private store(bytes: Uint8Array): void {
    if (this.opts.dataDir === ':memory:') {
      this.memoryBundle = bytes;
      return;
    }
    const dir = join(this.opts.dataDir, 'trust');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = join(dir, `${TRUST_FILE}.tmp-${process.pid}`);
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, join(dir, TRUST_FILE));
  }

  private async walk(
    dir: string,
    label: string,
    depth: number,
    budget: { entries: number },
    out: TrustCandidate[],
  ): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable, or the medium went away mid-scan
    }
    for (const e of entries) {
      if (--budget.entries < 0) return;
      if (e.name.startsWith('.') || e.name === 'System Volume Information' || e.name === '$RECYCLE.BIN')
        continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth + 1 < MAX_DEPTH) await this.walk(path, label, depth + 1, budget, out);
        continue;
      }
      if (!e.isFile() || !BUNDLE_EXTENSIONS.has(extname(e.name).toLowerCase())) continue;
      const size = await stat(path).then(
        (s) => s.size,
        () => 0,
      );
      if (size === 0 || size > MAX_BUNDLE_BYTES) continue;
      const id = randomUUID();
      this.located.set(id, path);
      out.push({ id, fileName: e.name, medium: label, bytes: size });
    }
  }
}

async function readBounded(path: string, max: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size > max) throw new Error('too large');
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    return new Uint8Array(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}
