/**
 * `kiosk esign …` — operator commands for qualified e-signatures:
 *   test-pki --out DIR [--tsa-url URL]
 *   inspect FILE [--password-stdin] [--cert FILE] [--json]
 *   sign --key FILE --password-stdin --in JSON_FILE [--cert FILE] [--tsa URL | --no-timestamp] [--drfo TAX_ID] [--json]
 *   verify FILE [--at signing|now|ISO-DATE] [--trust BUNDLE] [--require-timestamp] [--allow-multiple-signers] [--json]
 * Exit codes: 0 ok, 1 failed (wrong password, invalid signature, …), 2 unusable input or usage.
 */
import { closeSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { KioskError } from '#shared/result';
import { openKioskDatabase } from '../core/db';
import {
  createTestCa,
  exportTestCa,
  generateTestKeySet,
  isUnusableInput,
  loadTrustList,
  openKeyContainer,
  signJson,
  sniffContainer,
  trustListOf,
  verifySignedContent,
  type VerifyErrorCode,
  type VerifyOptions,
  type VerifyReport,
  KeyLockout,
  loadLockoutSalt,
  withLockout,
  describeCertificate,
  certificatesBeside,
  httpTsa,
} from '../core/esign';
import { flag, parseFlags } from './args';
import { EXIT, UsageError, type CliContext, type CliGroup } from './types';

/** Reads at most `max` bytes; `tooLarge` when the file is bigger (nothing more is read). */
function readLimited(path: string, max: number): { bytes: Uint8Array; tooLarge: boolean } {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const n = Math.min(size, max + 1);
    const buf = Buffer.alloc(n);
    let off = 0;
    while (off < n) {
      const r = readSync(fd, buf, off, n - off, off);
      if (r === 0) break;
      off += r;
    }
    return { bytes: new Uint8Array(buf.subarray(0, off)), tooLarge: size > max };
  } finally {
    closeSync(fd);
  }
}

function readInput(path: string, max: number, what: string): Uint8Array {
  let r;
  try {
    r = readLimited(path, max);
  } catch (e) {
    throw new UsageError(
      `cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  if (r.tooLarge) throw new UsageError(`${what} ${path} is too large`);
  return r.bytes;
}

/** Password bytes from standard input, without the trailing newline. */
async function readPassword(ctx: CliContext): Promise<Uint8Array> {
  const raw = await ctx.io.readStdin();
  let end = raw.length;
  if (end > 0 && raw[end - 1] === 0x0a) end--;
  if (end > 0 && raw[end - 1] === 0x0d) end--;
  const pw = new Uint8Array(raw.subarray(0, end));
  raw.fill(0);
  return pw;
}

function printError(ctx: CliContext, json: boolean, error: KioskError): void {
  if (json) ctx.io.stdout(JSON.stringify({ ok: false, error }));
  else ctx.io.stderr(`error (${error.code}): ${error.message}`);
}

function lockoutFor(ctx: CliContext): KeyLockout {
  return new KeyLockout(openKioskDatabase(ctx.dataDir), loadLockoutSalt(ctx.dataDir));
}

// ------------------------------------------------------------------ test-pki

async function testPki(args: string[], ctx: CliContext): Promise<number> {
  const p = parseFlags(args, ['out', 'tsa-url'], ['json']);
  const out = flag(p, 'out');
  if (!out || p.positional.length)
    throw new UsageError('usage: kiosk esign test-pki --out DIR [--tsa-url URL]');
  const dir = resolve(out);
  const ca = await createTestCa();
  const keys = await generateTestKeySet(ca, { tsaUrl: flag(p, 'tsa-url') });
  mkdirSync(dir, { recursive: true });
  const { certificateDer, privateKeyDer } = exportTestCa(ca);
  writeFileSync(join(dir, 'ca.cer'), certificateDer);
  writeFileSync(join(dir, 'ca-key.pk8'), privateKeyDer, { mode: 0o600 });
  writeFileSync(join(dir, 'CACertificates.p7b'), trustListOf(ca));
  for (const k of keys) {
    mkdirSync(dirname(join(dir, k.file)), { recursive: true });
    writeFileSync(join(dir, k.file), k.bytes);
    writeFileSync(join(dir, k.certificate), k.certificateDer);
  }
  const manifest = keys.map((k) => ({
    file: k.file,
    password: k.password,
    drfo: k.drfo,
    role: k.role,
    validFrom: k.validFrom,
    validTo: k.validTo,
    format: k.format,
    edrpou: k.edrpou,
    certificate: k.certificate,
    commonName: k.commonName,
  }));
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (p.flags.has('json'))
    ctx.io.stdout(JSON.stringify({ out: dir, keys: manifest.length, trust: 'CACertificates.p7b' }));
  else {
    ctx.io.stdout(
      `test PKI (training only) written to ${dir}: ${manifest.length} keys, manifest.json, CACertificates.p7b, ca.cer`,
    );
  }
  return EXIT.ok;
}

// ------------------------------------------------------------------ inspect

async function inspect(args: string[], ctx: CliContext): Promise<number> {
  const p = parseFlags(args, ['cert'], ['password-stdin', 'json']);
  const [file] = p.positional;
  if (!file || p.positional.length > 1)
    throw new UsageError('usage: kiosk esign inspect FILE [--password-stdin] [--cert FILE] [--json]');
  const json = p.flags.has('json');
  const bytes = readInput(file, 1024 * 1024, 'file');
  const kind = sniffContainer(bytes);
  if (kind === 'certificate') {
    const info = describeCertificate(bytes);
    if (!info.ok) {
      printError(ctx, json, info.error);
      return EXIT.usage;
    }
    ctx.io.stdout(
      json ? JSON.stringify({ kind, certificate: info.value }) : formatLines({ kind, ...info.value }),
    );
    return EXIT.ok;
  }
  if (kind === 'unknown') {
    printError(ctx, json, {
      code: 'KEY_UNREADABLE',
      message: 'not a key container or certificate this kiosk can read',
    });
    return EXIT.usage;
  }
  if (!p.flags.has('password-stdin')) {
    ctx.io.stdout(
      json
        ? JSON.stringify({ kind })
        : `kind: ${kind}\n(add --password-stdin to open it and show its certificate)`,
    );
    return EXIT.ok;
  }
  const certificates = await certificateInputs(file, flag(p, 'cert'));
  const password = await readPassword(ctx);
  const lockout = lockoutFor(ctx);
  const opened = await withLockout(lockout, lockout.fingerprint(bytes), () =>
    openKeyContainer(bytes, password, { certificates }),
  );
  if (!opened.ok) {
    printError(ctx, json, opened.error);
    return EXIT.failed;
  }
  const info = opened.value.info;
  opened.value.close();
  ctx.io.stdout(json ? JSON.stringify({ kind, key: info }) : formatLines({ kind, ...info }));
  return EXIT.ok;
}

async function certificateInputs(keyFile: string, cert: string | undefined): Promise<Uint8Array[]> {
  const beside = await certificatesBeside(resolve(keyFile)).catch(() => []);
  return cert ? [readInput(cert, 1024 * 1024, 'certificate'), ...beside] : beside;
}

function formatLines(o: Record<string, unknown>): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('\n');
}

// ------------------------------------------------------------------ sign

async function sign(args: string[], ctx: CliContext): Promise<number> {
  const p = parseFlags(
    args,
    ['key', 'in', 'cert', 'tsa', 'drfo'],
    ['password-stdin', 'no-timestamp', 'json'],
  );
  const key = flag(p, 'key');
  const input = flag(p, 'in');
  if (!key || !input || !p.flags.has('password-stdin') || p.positional.length)
    throw new UsageError(
      'usage: kiosk esign sign --key FILE --password-stdin --in JSON_FILE [--cert FILE] [--tsa URL | --no-timestamp] [--drfo TAX_ID] [--json]',
    );
  if (p.flags.has('tsa') && p.flags.has('no-timestamp'))
    throw new UsageError('--tsa and --no-timestamp exclude each other');
  const json = p.flags.has('json');
  const keyBytes = readInput(key, 1024 * 1024, 'key file');
  const content = Buffer.from(readInput(input, 4 * 1024 * 1024, 'input')).toString('utf8');
  const certificates = await certificateInputs(key, flag(p, 'cert'));
  const password = await readPassword(ctx);
  const lockout = lockoutFor(ctx);
  const expectedDrfo = flag(p, 'drfo');
  const opened = await withLockout(lockout, lockout.fingerprint(keyBytes), () =>
    openKeyContainer(keyBytes, password, { certificates, expectedDrfo }),
  );
  if (!opened.ok) {
    printError(ctx, json, opened.error);
    return EXIT.failed;
  }
  const k = opened.value;
  try {
    let tsaUrl: string | null = null;
    if (!p.flags.has('no-timestamp')) {
      tsaUrl = flag(p, 'tsa') ?? k.info.tsaUrl;
      if (!tsaUrl) {
        printError(ctx, json, {
          code: 'TSA_UNAVAILABLE',
          message: 'no time-stamp service: the certificate names none; pass --tsa URL or --no-timestamp',
        });
        return EXIT.failed;
      }
    }
    const signed = await signJson(k, content, { tsa: tsaUrl ? httpTsa(tsaUrl) : null, expectedDrfo });
    if (!signed.ok) {
      printError(ctx, json, signed.error);
      return EXIT.failed;
    }
    ctx.io.stdout(
      json
        ? JSON.stringify({ signed_content: signed.value.signedContent, signer: signed.value.signer })
        : signed.value.signedContent,
    );
    return EXIT.ok;
  } finally {
    k.close();
  }
}

// ------------------------------------------------------------------ verify

function parseAt(v: string | undefined): VerifyOptions['at'] {
  if (v === undefined || v === 'now') return 'now';
  if (v === 'signing') return 'signing';
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime()))
    throw new UsageError(`--at must be signing, now or an ISO date, not ${v}`);
  return d;
}

async function verify(args: string[], ctx: CliContext): Promise<number> {
  const p = parseFlags(args, ['at', 'trust'], ['require-timestamp', 'allow-multiple-signers', 'json']);
  const [file] = p.positional;
  if (!file || p.positional.length > 1)
    throw new UsageError(
      'usage: kiosk esign verify FILE [--at signing|now|ISO-DATE] [--trust BUNDLE] [--require-timestamp] [--allow-multiple-signers] [--json]',
    );
  const json = p.flags.has('json');
  const opts: VerifyOptions = {
    at: parseAt(flag(p, 'at')),
    requireTimestamp: p.flags.has('require-timestamp'),
    allowMultipleSigners: p.flags.has('allow-multiple-signers'),
  };
  const trustFile = flag(p, 'trust');
  if (trustFile) {
    try {
      opts.trust = loadTrustList(readInput(trustFile, 32 * 1024 * 1024, 'trust bundle'));
    } catch (e) {
      throw new UsageError(`trust bundle ${trustFile}: ${(e as Error).message}`);
    }
  }
  const unusable = (code: VerifyErrorCode, message: string): VerifyReport => ({
    integrity: false,
    chain: 'not-checked',
    signers: [],
    content: null,
    error: { code, message },
  });
  let read: ReturnType<typeof readLimited> | string;
  try {
    read = readLimited(file, 64 * 1024 * 1024);
  } catch (e) {
    read = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    // with --json the answer is still one JSON object (exit 2); the reason goes to stderr too
    ctx.io.stderr(`cannot read ${file}: ${read}`);
  }
  const report: VerifyReport =
    typeof read === 'string'
      ? unusable('INPUT_UNREADABLE', `cannot read the file: ${read}`)
      : read.tooLarge
        ? unusable('INPUT_TOO_LARGE', 'the file is too large to be a signature')
        : await verifySignedContent(read.bytes, opts);
  if (json) ctx.io.stdout(JSON.stringify(report));
  else ctx.io.stdout(formatReport(report));
  if (report.error === null) return EXIT.ok;
  return isUnusableInput(report.error.code) ? EXIT.usage : EXIT.failed;
}

function formatReport(r: VerifyReport): string {
  const lines = [`integrity: ${r.integrity ? 'ok' : 'BROKEN'}`, `chain: ${r.chain}`];
  r.signers.forEach((s, i) => {
    lines.push(
      `signer ${i + 1}${s.isStamp ? ' (stamp)' : ''}: ${s.commonName ?? '?'}; DRFO ${s.drfo ?? '—'}; EDRPOU ${s.edrpou ?? '—'}`,
      `  signed ${s.signingTime ?? '—'}; time-stamp ${s.contentTimestamp ?? '—'}`,
      `  certificate ${s.certificate.serial} valid ${s.certificate.notBefore} … ${s.certificate.notAfter}`,
      `  issuer ${s.certificate.issuer}`,
    );
  });
  if (r.content !== null) lines.push(`content: ${Buffer.byteLength(r.content)} bytes`);
  lines.push(r.error ? `result: INVALID (${r.error.code}: ${r.error.message})` : 'result: VALID');
  return lines.join('\n');
}

// ------------------------------------------------------------------ group

const commands: Record<string, (args: string[], ctx: CliContext) => Promise<number>> = {
  'test-pki': testPki,
  inspect,
  sign,
  verify,
};

export const esignGroup: CliGroup = {
  summary: 'qualified e-signature: test-pki, inspect, sign, verify',
  async run(args, ctx) {
    const [name, ...rest] = args;
    const cmd = name ? commands[name] : undefined;
    if (!cmd) {
      throw new UsageError(
        [
          'usage: kiosk esign <command>',
          '  test-pki --out DIR [--tsa-url URL]',
          '  inspect FILE [--password-stdin] [--cert FILE] [--json]',
          '  sign --key FILE --password-stdin --in JSON_FILE [--cert FILE] [--tsa URL | --no-timestamp] [--drfo TAX_ID] [--json]',
          '  verify FILE [--at signing|now|ISO-DATE] [--trust BUNDLE] [--require-timestamp] [--allow-multiple-signers] [--json]',
        ].join('\n'),
      );
    }
    return cmd(rest, ctx);
  },
};
