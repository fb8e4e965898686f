import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patientPortsFor } from './patient-ports';
import { trainingKeyFolder, type TrainingBackend } from './training';

const backend = (personas?: TrainingBackend['personas']): TrainingBackend => ({
  baseUrl: 'http://127.0.0.1:1',
  clientId: 'c',
  clientSecret: 's',
  apiKey: 's',
  tsaUrl: 'http://127.0.0.1:1/tsa',
  trustList: Uint8Array.of(0x30, 0x00),
  scope: 'person:sign_in',
  ...(personas ? { personas } : {}),
  close: () => Promise.resolve(),
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('patient ports', () => {
  it('training: the sandbox persona folder is the key folder, its /tsa signs, its test CA is trusted', () => {
    const b = backend([{ id: 'a', keyFile: join('/keys', 'personas', 'a', 'Key-6.dat') }]);
    expect(trainingKeyFolder(b)).toBe(join('/keys', 'personas'));
    expect(patientPortsFor({ training: b, env: {} })).toEqual({
      keyFolder: join('/keys', 'personas'),
      tsaUrl: 'http://127.0.0.1:1/tsa',
      trustList: Uint8Array.of(0x30, 0x00),
    });
    expect(trainingKeyFolder(backend())).toBeNull();
  });

  it('outside training: the certificate names the time-stamp service, the registrar’s import is the trust list; KIOSK_KEY_FOLDER is the key folder', () => {
    expect(patientPortsFor({ training: null, env: {} })).toEqual({
      keyFolder: null,
      tsaUrl: null,
      trustList: null,
    });
    expect(patientPortsFor({ training: null, env: { KIOSK_KEY_FOLDER: '/mnt/keys' } }).keyFolder).toBe(
      '/mnt/keys',
    );
  });

  it('KIOSK_MEDIA_DIR: every subfolder is an inserted medium', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-media-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'FLASH'));
    mkdirSync(join(dir, '.hidden'));
    const ports = patientPortsFor({ training: null, env: { KIOSK_MEDIA_DIR: dir } });
    expect(await ports.media?.list()).toEqual([
      { id: join(dir, 'FLASH'), root: join(dir, 'FLASH'), label: 'FLASH' },
    ]);
    rmSync(join(dir, 'FLASH'), { recursive: true });
    expect(await ports.media?.list()).toEqual([]);
  });
});
