/**
 * "Nothing personal left behind": the personal data the soak knows (the personas' names, tax ids,
 * birth dates, documents and phones as eHealth returned them, and every e-mail and phone number a
 * patient typed) searched for, as bytes, in every file under the kiosk's data directory and its
 * temporary folder after the patient has gone — and any receipt file still there. Values that are
 * in the kiosk's files before the first patient (a doctor of the same name in the directory) are
 * not personal data of a visit and are left out, and said so.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Prng } from '../bench/lib/prng';

export interface PiiHit {
  file: string;
  label: string;
  /** The value found: used to leave it out, never printed. */
  value: string;
}

const MIN_NEEDLE = 6;

export class PiiScanner {
  /** value → what it is and whose (never printed: the report names the kind and the file only). */
  private readonly needles = new Map<string, { label: string; owner: string }>();
  private readonly excluded = new Map<string, string>();
  private serial = 0;
  certificateValidTo: number | null = null;

  constructor(private readonly rng: Prng) {}

  /** Whose data the next values are (a persona id). */
  owner = '';

  add(label: string, value: string | null | undefined, owner = this.owner): void {
    const v = value?.trim();
    if (!v || v.length < MIN_NEEDLE || this.excluded.has(v)) return;
    if (!this.needles.has(v)) this.needles.set(v, { label, owner });
    const digits = v.replace(/[^\d+]/g, '');
    if (label.includes('phone') && digits.length >= 10 && digits !== v) this.add(label, digits, owner);
  }

  /** What personGet showed: the person, their documents, phones, e-mail, emergency contact. */
  fromPersonView(view: unknown): void {
    const v = view as {
      person?: Record<string, unknown>;
      taxId?: string | null;
    };
    const p = v.person ?? {};
    const s = (x: unknown) => (typeof x === 'string' ? x : null);
    this.add('tax id', v.taxId ?? null);
    this.add('name', [s(p.last_name), s(p.first_name), s(p.second_name)].filter(Boolean).join(' '));
    this.add('birth date', s(p.birth_date));
    this.add('email', s(p.email)?.toLowerCase());
    this.add('unzr', s(p.unzr));
    for (const d of (p.documents as { number?: string }[] | undefined) ?? []) this.add('document', d.number);
    for (const ph of (p.phones as { number?: string }[] | undefined) ?? []) this.add('phone', ph.number);
    const ec = p.emergency_contact as {
      first_name?: string;
      last_name?: string;
      phones?: { number?: string }[];
    };
    if (ec) {
      this.add('emergency contact', [ec.last_name, ec.first_name].filter(Boolean).join(' '));
      for (const ph of ec.phones ?? []) this.add('emergency phone', ph.number);
    }
  }

  /** An e-mail a patient types (unique, so a leak of it can be found). */
  newEmail(): string {
    const tag = `${(++this.serial).toString(36)}${Math.floor(this.rng.next() * 36 ** 6).toString(36)}`;
    const email = `patsiient.${tag}@ukr.net`;
    this.add('typed email', email);
    return email;
  }

  newPhone(): string {
    const n = String(this.rng.int(1_000_000, 9_999_999));
    const phone = `+38067${n}`;
    this.add('typed phone', phone);
    return phone;
  }

  get size(): number {
    return this.needles.size;
  }

  /** Leaves out the values already in these folders (data that is not a visitor's). */
  baseline(dirs: readonly string[]): string[] {
    const labels: string[] = [];
    for (const hit of this.scan(dirs, undefined, true)) {
      if (this.excluded.has(hit.value)) continue;
      this.excluded.set(hit.value, hit.label);
      this.needles.delete(hit.value);
      labels.push(hit.label);
    }
    return labels;
  }

  /** Every (file, kind of data) where a known value appears. */
  scan(dirs: readonly string[], root?: string, everyValue = false, owner?: string): PiiHit[] {
    const hits: PiiHit[] = [];
    const needles = [...this.needles]
      .filter(([, n]) => owner === undefined || n.owner === owner)
      .map(([v, n]) => ({ bytes: Buffer.from(v, 'utf8'), label: n.label, v }));
    for (const dir of dirs) {
      for (const file of walk(dir)) {
        let buf: Buffer;
        try {
          buf = readFileSync(file);
        } catch {
          continue; // gone meanwhile
        }
        const seen = new Set<string>();
        for (const n of needles) {
          if (!everyValue && seen.has(n.label)) continue;
          if (buf.includes(n.bytes)) {
            seen.add(n.label);
            hits.push({ file: root ? relative(root, file) : file, label: n.label, value: n.v });
          }
        }
      }
    }
    return hits;
  }
}

/** Every file under `dir` (symbolic links are not followed). */
export function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) yield* walk(p);
    else if (st.isFile()) yield p;
  }
}

/** Files left in a folder (receipts after a session): each is a patient's document. */
export function filesIn(dir: string): string[] {
  return [...walk(dir)];
}
