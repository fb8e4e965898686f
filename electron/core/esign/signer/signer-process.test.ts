import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../../db/kiosk-db';
import { readWhole, seqChildren, value } from '../der';
import { issueTestIdentity, verifySignedContent } from '../index';
import { KeyLockout } from '../lockout';
import { makeTestPki, person, type TestPki } from '../test-support';
import { nodeSignerLauncher, type SignerLauncher } from './launcher';
import { SignerSession, type SignerEndReason } from './session';

const pw = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Records every message the signer posts, to prove nothing secret crosses the channel. */
function recordingLauncher(seen: unknown[]): SignerLauncher {
  const inner = nodeSignerLauncher();
  return {
    launch() {
      const ch = inner.launch();
      ch.onMessage((m) => seen.push(m));
      return ch;
    },
  };
}

let pki: TestPki;
let server: Server;
let tsaUrl: string;
let jks: { file: Uint8Array; certificateDer: Uint8Array };
let pk8: { file: Uint8Array; certificateDer: Uint8Array };

beforeAll(async () => {
  pki = await makeTestPki();
  jks = await issueTestIdentity(pki.ca, person(pki.now), { format: 'jks', password: 'секрет' });
  pk8 = await issueTestIdentity(pki.ca, person(pki.now), { format: 'pk8', password: '' });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/timestamp-reply');
      res.end(Buffer.from(pki.tsa.respond(new Uint8Array(Buffer.concat(chunks)))));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  tsaUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('signer process', () => {
  it('opens a key, signs with a time-stamp over HTTP, and really exits at session end', async () => {
    const seen: unknown[] = [];
    const session = new SignerSession(recordingLauncher(seen));
    const password = pw('секрет');
    const opened = await session.open({ kind: 'bytes', file: jks.file }, password, {
      expectedDrfo: '3012345678',
    });
    expect(opened).toMatchObject({ ok: true, value: { drfo: '3012345678', isStamp: false } });
    expect(password.every((b) => b === 0)).toBe(true);
    const pid = session.pid as number;
    expect(isRunning(pid)).toBe(true);

    const signed = await session.sign('{"consent":true}', {
      tsa: { kind: 'url', url: tsaUrl },
      expectedDrfo: '3012345678',
    });
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    const report = await verifySignedContent(
      new Uint8Array(Buffer.from(signed.value.signedContent, 'base64')),
      {
        trust: pki.trust,
        requireTimestamp: true,
      },
    );
    expect(report).toMatchObject({
      integrity: true,
      chain: 'trusted',
      error: null,
      content: '{"consent":true}',
    });

    await session.end('session-end');
    expect(isRunning(pid)).toBe(false);
    expect(session.pid).toBeUndefined();
    expect(await session.sign('{}', { tsa: { kind: 'none' } })).toMatchObject({
      ok: false,
      error: { code: 'NO_SESSION' },
    });

    // only public data and the signed content came back
    const wire = JSON.stringify(seen, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
    );
    expect(wire).not.toContain(Buffer.from('секрет').toString('hex'));
    expect(wire).not.toContain('секрет');
    for (const m of seen as Record<string, unknown>[]) {
      if (m.type === 'ready') continue;
      expect(Object.keys(m).sort()).toEqual(m.ok ? ['id', 'ok', 'value'] : ['error', 'id', 'ok']);
    }
  });

  it('never sends the private scalar back', async () => {
    const seen: unknown[] = [];
    const session = new SignerSession(recordingLauncher(seen));
    const d = value(seqChildren(readWhole(pk8.file), 'key')[2] as ReturnType<typeof readWhole>);
    const r = await session.open(
      { kind: 'bytes', file: pk8.file, certificates: [pk8.certificateDer] },
      pw(''),
    );
    expect(r.ok).toBe(true);
    const s = await session.sign('{"a":1}', { tsa: { kind: 'none' } });
    expect(s.ok).toBe(true);
    await session.end();
    const hex = JSON.stringify(seen, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
    );
    expect(hex).not.toContain(Buffer.from(d).toString('hex'));
    expect(Buffer.from(JSON.stringify(seen)).includes(Buffer.from(d))).toBe(false);
  });

  it('lives as long as its session: no idle end of its own, and a requested end is not a crash', async () => {
    const ended: SignerEndReason[] = [];
    // the signer's old idle knob, set short: it must change nothing
    const session = new SignerSession(nodeSignerLauncher({ env: { KIOSK_SIGNER_IDLE_MS: '200' } }), {
      onEnd: (r) => ended.push(r),
    });
    await session.open({ kind: 'bytes', file: pk8.file, certificates: [pk8.certificateDer] }, pw(''));
    const pid = session.pid as number;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(isRunning(pid)).toBe(true);
    expect(ended).toEqual([]);
    expect(await session.sign('{"still":"here"}', { tsa: { kind: 'none' } })).toMatchObject({ ok: true });
    await session.end('session-end');
    expect(isRunning(pid)).toBe(false);
    expect(ended).toEqual([]);
  });

  it('reports a crash and fails pending work cleanly', async () => {
    const ended: SignerEndReason[] = [];
    const session = new SignerSession(nodeSignerLauncher(), { onEnd: (r) => ended.push(r) });
    await session.open({ kind: 'bytes', file: pk8.file, certificates: [pk8.certificateDer] }, pw(''));
    process.kill(session.pid as number, 'SIGKILL');
    await waitFor(() => ended.length > 0);
    expect(ended).toEqual(['crashed']);
    expect(await session.sign('{}', { tsa: { kind: 'none' } })).toMatchObject({
      ok: false,
      error: { code: 'NO_SESSION' },
    });
  });

  it('counts wrong passwords across attempts and locks the key file', async () => {
    const lockout = new KeyLockout(openKioskDatabase(':memory:'), new Uint8Array(32));
    const session = new SignerSession(nodeSignerLauncher(), { lockout });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await session.open({ kind: 'bytes', file: jks.file }, pw('не той'));
      codes.push(
        r.ok
          ? 'ok'
          : `${r.error.code}:${String(r.error.details?.attemptsLeft ?? r.error.details?.secondsLeft)}`,
      );
    }
    expect(codes).toEqual([
      'KEY_WRONG_PASSWORD:4',
      'KEY_WRONG_PASSWORD:3',
      'KEY_WRONG_PASSWORD:2',
      'KEY_WRONG_PASSWORD:1',
      'KEY_LOCKED:900',
      'KEY_LOCKED:900',
    ]);
    await session.end();
  });

  it('fails clearly when the certificate names no time-stamp service', async () => {
    const session = new SignerSession(nodeSignerLauncher());
    await session.open({ kind: 'bytes', file: pk8.file, certificates: [pk8.certificateDer] }, pw(''));
    expect(await session.sign('{}', { tsa: { kind: 'certificate' } })).toMatchObject({
      ok: false,
      error: { code: 'TSA_UNAVAILABLE' },
    });
    expect(
      await session.sign('{}', { tsa: { kind: 'url', url: 'http://127.0.0.1:9/tsa' }, tsaTimeoutMs: 2000 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'TSA_UNAVAILABLE' },
    });
    await session.end();
  });
});
