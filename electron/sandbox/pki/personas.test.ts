import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../core/esign/pki/certificate';
import { PERSONAS } from '../seed/personas';
import { preparePki, type PersonaIdentity } from './personas';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-sandbox-pki-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = PERSONAS.find((p) => p.id === 'adult-no-declaration');
if (!spec) throw new Error('persona adult-no-declaration is missing');
const now = new Date('2026-03-02T08:00:00Z');
const ocspUrl = 'http://127.0.0.1:9/ocsp';
const prepare = (folder: string, identities: PersonaIdentity[]) =>
  preparePki({ keysDir: folder, personasDir: folder, identities, now: () => now, ocspUrl });
const notAfterOf = (keysDir: string) =>
  parseCertificate(
    new Uint8Array(readFileSync(join(keysDir, spec.id, `${spec.id}.cer`))),
  ).notAfter.toISOString();

describe('persona keys with a chosen certificate end', () => {
  it('issues the certificate to end at the given moment, keeps it while it matches, writes it again when not', async () => {
    const soon = new Date('2026-03-03T12:00:00Z');
    const one: PersonaIdentity[] = [{ persona: spec, taxId: '3012345678', validTo: soon }];
    const first = await prepare(join(dir, 'a'), one);
    expect(first.keys.get(spec.id)?.validTo).toBe(soon.toISOString());
    expect(notAfterOf(join(dir, 'a'))).toBe(soon.toISOString());
    const written = statSync(join(dir, 'a', 'manifest.json')).mtimeMs;

    await prepare(join(dir, 'a'), one);
    expect(statSync(join(dir, 'a', 'manifest.json')).mtimeMs).toBe(written);

    const later = new Date('2026-03-09T12:00:00Z');
    const again = await prepare(join(dir, 'a'), [{ ...one[0]!, validTo: later }]);
    expect(again.keys.get(spec.id)?.validTo).toBe(later.toISOString());
    expect(notAfterOf(join(dir, 'a'))).toBe(later.toISOString());
  });

  it('without a chosen end the certificate runs two years', async () => {
    const keys = await prepare(join(dir, 'b'), [{ persona: spec, taxId: '3012345678' }]);
    expect(Date.parse(keys.keys.get(spec.id)?.validTo ?? '')).toBe(now.getTime() + 2 * 365 * 86_400_000);
  });
});
