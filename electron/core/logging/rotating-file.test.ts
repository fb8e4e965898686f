import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskLogger } from './kiosk-logger';
import { RotatingFileDestination } from './rotating-file';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kiosk-logs-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const line = (i: number) => `${JSON.stringify({ i, pad: 'x'.repeat(80) })}\n`;

describe('rotating log file', () => {
  it('rotates by size, keeps the given number of files, and never splits a line', () => {
    const dir = join(temp(), 'logs');
    const dest = new RotatingFileDestination({ dir, name: 'kiosk', maxBytes: 1024, maxFiles: 3 });
    for (let i = 0; i < 100; i++) dest.write(line(i));
    dest.end();
    expect(readdirSync(dir).sort()).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.log']);
    const files = dest.files();
    const parsed = files.map((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { i: number }).i),
    );
    for (const f of files) expect(statSync(f).size).toBeLessThanOrEqual(1024);
    // newest in kiosk.log, older ones in .1 then .2, each a run of whole lines
    expect(parsed[0]?.at(-1)).toBe(99);
    expect(parsed[1]?.at(-1)).toBe((parsed[0]?.[0] ?? 0) - 1);
    expect(parsed[2]?.at(-1)).toBe((parsed[1]?.[0] ?? 0) - 1);
    if (process.platform !== 'win32') expect(statSync(files[0] as string).mode & 0o777).toBe(0o600);
  });

  it('continues an existing file after a restart and counts its size', () => {
    const dir = temp();
    const first = new RotatingFileDestination({ dir, name: 'kiosk', maxBytes: 1024, maxFiles: 2 });
    for (let i = 0; i < 8; i++) first.write(line(i));
    first.end();
    expect(existsSync(join(dir, 'kiosk.1.log'))).toBe(false);
    const second = new RotatingFileDestination({ dir, name: 'kiosk', maxBytes: 1024, maxFiles: 2 });
    for (let i = 8; i < 16; i++) second.write(line(i));
    second.end();
    expect(existsSync(join(dir, 'kiosk.1.log'))).toBe(true);
    expect(readFileSync(join(dir, 'kiosk.1.log'), 'utf8')).toContain('"i":0,');
  });

  it('drops lines and says so once when the log folder cannot be made, without throwing', () => {
    // a file where the folder should be: fails for every user, root included
    const blocker = join(temp(), 'logs');
    writeFileSync(blocker, 'not a folder');
    const said: string[] = [];
    const dest = new RotatingFileDestination({ dir: blocker, name: 'kiosk', onError: (m) => said.push(m) });
    expect(() => dest.write(line(1))).not.toThrow();
    dest.write(line(2));
    expect(dest.dropped).toBe(2);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/cannot be written/);
  });
});

describe('kiosk logger', () => {
  it('writes scrubbed JSON lines to <data-dir>/logs/<name>.log', () => {
    const dataDir = temp();
    const { log, file } = createKioskLogger({ name: 'kiosk-main', dataDir, stderr: false });
    log.info(
      { op: 'person.update', person: { last_name: 'Шевченко' }, document: { number: 'КВ123456' } },
      'updated for 3184710691, ID card 001234567, passport КВ 654321, birth certificate І-КВ123456',
    );
    log.flush();
    const text = readFileSync(join(dataDir, 'logs', 'kiosk-main.log'), 'utf8');
    const entry = JSON.parse(text.trim()) as Record<string, unknown>;
    expect(entry).toMatchObject({ name: 'kiosk-main', level: 30, op: 'person.update' });
    for (const secret of ['Шевченко', 'КВ123456', '3184710691', '001234567', '654321', 'І-КВ123456'])
      expect(text).not.toContain(secret);
    expect(file?.dropped).toBe(0);
  });

  it('writes no file for an in-memory kiosk', () => {
    expect(createKioskLogger({ name: 'x', dataDir: ':memory:', stderr: false }).file).toBeNull();
  });
});
