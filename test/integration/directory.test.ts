/**
 * The doctor directory against the sandbox through the ops CLI: full sync with progress, search
 * that agrees with eHealth's own eligibility rules, offline search, a failed sync that changes
 * nothing, and an incremental sync by depth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorSearchResult } from '#shared/contract/doctors';
import { runCli } from '../../electron/cli';
import type { CliIO } from '../../electron/cli/types';
import { createPisApiFromConfig } from '../../electron/core/ehealth/pis-api';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { directoryOf, findEmployee, type DirectoryView } from './sandbox-helpers';

let sb: SandboxHandle;
let dataDir: string;
let dir: DirectoryView;
const partyNames = new Map<string, { last: string; first: string }>();

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small' });
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-directory-it-'));
  dir = await directoryOf(sb);
  const parties = await createPisApiFromConfig({ baseUrl: sb.baseUrl, apiKey: sb.apiKey }).bulk.fetch(
    'parties',
  );
  if (!parties.ok) throw new Error(parties.error.message);
  for (const p of parties.value.data.rows)
    partyNames.set(p.id, { last: p.last_name ?? '', first: p.first_name ?? '' });
}, 120_000);
afterAll(async () => {
  await sb?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function kiosk(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => Buffer.alloc(0),
  };
  const code = await runCli([...args, '--data-dir', dataDir], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function search(...args: string[]): Promise<DoctorSearchResult> {
  const r = await kiosk('directory', 'search', ...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as DoctorSearchResult;
}

/** How a patient might type a name: lower case, ґ→г, ї→і, є→е, apostrophes dropped, only a prefix. */
const sloppy = (name: string) =>
  name
    .toLowerCase()
    .replace(/ґ/g, 'г')
    .replace(/ї/g, 'і')
    .replace(/є/g, 'е')
    .replace(/['ʼ’]/g, '')
    .slice(0, Math.max(3, name.length - 2));

describe('doctor directory from the sandbox', () => {
  it('syncs through the CLI with progress, then finds eligible doctors by a sloppily typed name', async () => {
    const r = await kiosk('directory', 'sync', '--base-url', sb.baseUrl, '--api-key', sb.apiKey);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('[1/8] downloading legal_entities…');
    expect(r.out).toMatch(/\[8\/8\] applying \(full\) and indexing…/);
    expect(r.out).toMatch(/done: \d+ doctors accept declarations/);
    expect(r.out).toMatch(/full sync finished in [\d.]+ s/);

    for (const speciality of ['FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN']) {
      const e = findEmployee(dir, { speciality });
      const name = partyNames.get(e.partyId);
      if (!name) throw new Error('party missing');
      const found = await search(`${sloppy(name.first)} ${sloppy(name.last)}`, '--include-full');
      expect(found.items.map((d) => d.employeeId)).toContain(e.employeeId);
    }
  }, 120_000);

  it('leaves out what eHealth would refuse: suspended clinics, full doctors, the wrong speciality for the age', async () => {
    const suspended = findEmployee(dir, { legalEntityStatus: 'SUSPENDED' });
    const all = await search('--include-full', '--page-size', '100');
    const offered = new Set<string>();
    for (let page = 1; page <= Math.ceil(all.total / 100); page++) {
      for (const d of (await search('--include-full', '--page-size', '100', '--page', String(page))).items)
        offered.add(d.employeeId);
    }
    expect(offered.size).toBe(all.total);
    expect(offered.has(suspended.employeeId)).toBe(false);

    const full = findEmployee(dir, { full: true });
    const name = partyNames.get(full.partyId);
    if (!name) throw new Error('party missing');
    expect((await search(name.last)).items.map((d) => d.employeeId)).not.toContain(full.employeeId);
    const withFull = await search(name.last, '--include-full');
    const card = withFull.items.find((d) => d.employeeId === full.employeeId);
    expect(card?.freePlaces).toBe(0);

    const child = await search('--age', '10', '--page-size', '100');
    expect(child.items.some((d) => d.speciality === 'THERAPIST')).toBe(false);
    const adult = await search('--age', '30', '--page-size', '100');
    expect(adult.items.some((d) => d.speciality === 'PEDIATRICIAN')).toBe(false);
    expect((await search('--speciality', 'THERAPIST', '--age', '10')).total).toBe(0);
  }, 120_000);

  it('searches offline; a sync during an outage fails and changes nothing; the next one is incremental', async () => {
    const before = await search('--page-size', '5');
    const everyone = (await search('--include-full', '--page-size', '1')).total;
    sb.faults.set({ outage: true });
    try {
      const offline = await search('--page-size', '5');
      expect(offline).toEqual(before);
      const failed = await kiosk(
        'directory',
        'sync',
        '--base-url',
        sb.baseUrl,
        '--api-key',
        sb.apiKey,
        '--timeout',
        '3000',
      );
      expect(failed.code).toBe(1);
      expect(failed.out).toContain('the previous directory is unchanged');
      expect(failed.err).toMatch(/directory sync failed/);
      expect(await search('--page-size', '5')).toEqual(before);
    } finally {
      sb.faults.reset();
    }
    const again = await kiosk(
      'directory',
      'sync',
      '--base-url',
      sb.baseUrl,
      '--api-key',
      sb.apiKey,
      '--json',
    );
    expect(again.code, again.err).toBe(0);
    // depth: the days since the last sync, plus one day of margin for clocks that disagree
    expect(JSON.parse(again.out)).toMatchObject({
      ok: true,
      mode: 'incremental',
      depth: 2,
      doctors: everyone,
    });
  }, 120_000);

  it('refuses bad CLI input with a usage error', async () => {
    expect((await kiosk('directory', 'sync', '--api-key', 'k')).code).toBe(2);
    expect((await kiosk('directory', 'search', 'x', '--speciality', 'SURGEON')).code).toBe(2);
    expect((await kiosk('directory', 'search', 'x', '--age', 'old')).code).toBe(2);
    expect((await kiosk('directory', 'frobnicate')).code).toBe(2);
  });
});
