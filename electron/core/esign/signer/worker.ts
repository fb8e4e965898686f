/**
 * What runs inside the signer process: one opened key at a time, `open` / `sign` / `close`.
 * Host-independent (the entry file binds it to child_process or Electron's parentPort), so tests
 * can also drive it in-process.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { err, ok, type Result } from '#shared/result';
import { postBinary, readFileBounded, TooLargeError } from '../../io';
import { signJson, type TsaFunction } from '../cms/sign';
import { decryptKey6 } from '../containers/key6';
import { MAX_CONTAINER_BYTES, openKeyContainer } from '../containers/open';
import { createTestCa, issueTestIdentity } from '../pki/test-pki';
import { createTimestampAuthority } from '../tsa/authority';
import type { OpenedKey } from '../key';
import { openTokenKey } from '../pkcs11/token-key';
import type { KeySource, SignerRequest, SignerResponse, SignerValue, TsaChoice } from './protocol';

const CERT_EXTENSIONS = new Set(['.cer', '.crt', '.pem', '.p7b']);
const MAX_CERT_FILES = 64;
const MAX_CERT_BYTES = 256 * 1024;

/** Certificate files in the key's folder (QTSPs hand them out beside Key-6.dat). */
export async function certificatesBeside(keyPath: string): Promise<Uint8Array[]> {
  const dir = dirname(keyPath);
  const names = (await readdir(dir))
    .filter((n) => CERT_EXTENSIONS.has(extname(n).toLowerCase()))
    .slice(0, MAX_CERT_FILES);
  const out: Uint8Array[] = [];
  for (const n of names) {
    const p = join(dir, n);
    const s = await stat(p);
    if (!s.isFile() || s.size > MAX_CERT_BYTES) continue;
    try {
      out.push(await readFileBounded(p, MAX_CERT_BYTES));
    } catch (e) {
      if (!(e instanceof TooLargeError)) throw e;
    }
  }
  return out;
}

/** Time-stamp tokens are a few kilobytes; anything near this is not one. */
export const MAX_TSA_RESPONSE_BYTES = 256 * 1024;

/** RFC 3161 over HTTP: no credentials, no redirect followed, a bounded answer. */
export function httpTsa(url: string, timeoutMs = 15_000): TsaFunction {
  return async (request) => {
    const body = await postBinary(url, request, {
      contentType: 'application/timestamp-query',
      accept: 'application/timestamp-reply',
      timeoutMs,
      maxBytes: MAX_TSA_RESPONSE_BYTES,
      what: 'the time-stamp response',
    });
    if (body.length === 0) throw new Error('the time-stamp response is empty');
    return body;
  };
}

/**
 * Runs once, on throw-away keys, the code a key open and a signature need — the GOST key
 * derivation (which loads the WebAssembly module), certificate parsing, the curve arithmetic,
 * a CAdES signature with a content time-stamp and its self-check, fetch — so that a spare signer's
 * first patient does not pay for cold code. A test CA made here in memory issues the throw-away
 * certificate and time-stamps; nothing of it is kept or leaves the process.
 */
export async function warmUpSigner(): Promise<void> {
  try {
    decryptKey6(
      {
        kind: 'pbes2',
        format: 'PBES2',
        iv: Buffer.alloc(8),
        sbox: Buffer.alloc(0),
        salt: Buffer.alloc(32),
        iters: 1,
        body: Buffer.alloc(16),
      },
      new Uint8Array(8),
    ).fill(0);
    const now = new Date();
    const ca = await createTestCa({ now, commonName: 'warm-up' });
    const tsa = await createTimestampAuthority(ca, { now: () => now });
    const day = 86_400_000;
    const id = await issueTestIdentity(
      ca,
      {
        drfo: '0000000000',
        surname: 'Warm',
        givenName: 'Up',
        commonName: 'Warm Up',
        role: 'personal',
        validFrom: new Date(now.getTime() - day),
        validTo: new Date(now.getTime() + day),
      },
      { format: 'pk8', password: '' },
    );
    const key = await openKeyContainer(id.file, new Uint8Array(0), { certificates: [id.certificateDer] });
    id.file.fill(0);
    if (!key.ok) return;
    await signJson(key.value, '{"warm":"up"}', { tsa: async (req) => tsa.respond(req) });
    key.value.close();
    // the time-stamp request goes through fetch: load it now (a data: URL never leaves the process)
    await (await fetch('data:application/octet-stream;base64,AA==')).arrayBuffer();
  } catch {
    // only a warm-up: the real open reports its own errors
  }
}

export class SignerWorker {
  private key: OpenedKey | null = null;

  constructor(private readonly tsaFor: (url: string, timeoutMs?: number) => TsaFunction = httpTsa) {}

  async handle(req: SignerRequest): Promise<SignerResponse> {
    let r: Result<SignerValue>;
    try {
      r = await this.dispatch(req);
    } catch (e) {
      r = err('SIGNER_FAILED', `signer error: ${(e as Error).message}`);
    }
    return r.ok ? { id: req.id, ok: true, value: r.value } : { id: req.id, ok: false, error: r.error };
  }

  private async dispatch(req: SignerRequest): Promise<Result<SignerValue>> {
    switch (req.type) {
      case 'open':
        return this.open(req.source, req.password, req.expectedDrfo, req.role);
      case 'sign':
        return this.sign(req.json, req.tsa, req.expectedDrfo, req.tsaTimeoutMs);
      case 'close':
        this.closeKey();
        return ok({ type: 'close' });
    }
  }

  private async open(
    source: KeySource,
    password: Uint8Array,
    expectedDrfo?: string,
    role?: 'personal' | 'stamp',
  ): Promise<Result<SignerValue>> {
    this.closeKey();
    try {
      let opened: Result<OpenedKey>;
      if (source.kind === 'pkcs11') {
        opened = await openTokenKey(source, password, { expectedDrfo, role });
      } else {
        let file: Uint8Array;
        let certificates: Uint8Array[];
        if (source.kind === 'file') {
          const s = await stat(source.path).catch(() => null);
          if (!s || !s.isFile()) return err('KEY_NOT_FOUND', 'the key file is no longer there');
          try {
            file = await readFileBounded(source.path, MAX_CONTAINER_BYTES);
          } catch (e) {
            if (e instanceof TooLargeError)
              return err('KEY_UNREADABLE', 'the file is too large to be a key container');
            return err('KEY_NOT_FOUND', 'the key file is no longer there');
          }
          certificates = await certificatesBeside(source.path).catch(() => []);
        } else {
          file = source.file;
          certificates = source.certificates ?? [];
        }
        opened = await openKeyContainer(file, password, { certificates, expectedDrfo, role });
      }
      if (!opened.ok) return opened;
      this.key = opened.value;
      // a copy: the message must never carry a view into a buffer that held anything else
      return ok({
        type: 'open',
        key: opened.value.info,
        certificate: Uint8Array.from(opened.value.certificate.der),
      });
    } finally {
      password.fill(0);
    }
  }

  private async sign(
    json: string,
    tsa: TsaChoice,
    expectedDrfo?: string,
    timeoutMs?: number,
  ): Promise<Result<SignerValue>> {
    const key = this.key;
    if (!key) return err('NO_SESSION', 'no key is open in the signer');
    let tsaFn: TsaFunction | null = null;
    if (tsa.kind === 'url') tsaFn = this.tsaFor(tsa.url, timeoutMs);
    else if (tsa.kind === 'certificate') {
      if (!key.info.tsaUrl)
        return err('TSA_UNAVAILABLE', 'the certificate names no time-stamp service and none is configured');
      tsaFn = this.tsaFor(key.info.tsaUrl, timeoutMs);
    }
    const r = await signJson(key, json, { tsa: tsaFn, expectedDrfo });
    return r.ok ? ok({ type: 'sign', signedContent: r.value.signedContent, signer: r.value.signer }) : r;
  }

  closeKey(): void {
    this.key?.close();
    this.key = null;
  }
}
