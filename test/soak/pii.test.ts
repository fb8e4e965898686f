import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Prng } from '../bench/lib/prng';
import { PiiScanner } from './pii';

const root = mkdtempSync(join(tmpdir(), 'kiosk-soak-pii-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the personal-data scan', () => {
  it('finds what a patient typed or eHealth returned, in any file, by kind — never printing the value', () => {
    const dir = join(root, 'a');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    const pii = new PiiScanner(new Prng(1));
    pii.owner = 'adult-no-declaration';
    pii.fromPersonView({
      taxId: '3012345678',
      person: {
        last_name: 'Демʼяненко',
        first_name: 'Андрій',
        second_name: 'Іванович',
        birth_date: '1996-04-11',
        documents: [{ type: 'PASSPORT', number: 'МК123456' }],
        phones: [{ type: 'MOBILE', number: '+380 67 123 45 67' }],
        emergency_contact: { first_name: 'Ольга', last_name: 'Демʼяненко', phones: [] },
      },
    });
    const email = pii.newEmail();
    writeFileSync(join(dir, 'logs', 'kiosk.log'), `{"msg":"x","to":"${email}"}\n`);
    writeFileSync(
      join(dir, 'kiosk.db'),
      Buffer.concat([Buffer.alloc(100), Buffer.from('МК123456'), Buffer.alloc(9)]),
    );
    writeFileSync(join(dir, 'clean.txt'), 'nothing here, 2026-03-02');
    const hits = pii.scan([dir], root);
    expect(hits.map((h) => [h.file, h.label]).sort()).toEqual([
      ['a/kiosk.db', 'document'],
      ['a/logs/kiosk.log', 'typed email'],
    ]);
    writeFileSync(join(dir, 'phone.txt'), 'call +380671234567');
    expect(pii.scan([dir], root).some((h) => h.file === 'a/phone.txt' && h.label === 'phone')).toBe(true);
    // another patient's values only when asked for everyone
    expect(pii.scan([dir], root, false, 'teen-16-capacity')).toEqual([]);
  });

  it('leaves out values already there before any visit, and does not follow links out of the folder', () => {
    const dir = join(root, 'b');
    const outside = join(root, 'outside');
    mkdirSync(dir, { recursive: true });
    mkdirSync(outside, { recursive: true });
    const pii = new PiiScanner(new Prng(2));
    pii.add('name', 'Коваленко Петро Іванович', 'x');
    pii.add('tax id', '2987654321', 'x');
    writeFileSync(join(dir, 'directory.db'), 'лікар Коваленко Петро Іванович');
    expect(pii.baseline([dir])).toEqual(['name']);
    expect(pii.scan([dir])).toEqual([]);
    writeFileSync(join(outside, 'leak.txt'), '2987654321');
    symlinkSync(outside, join(dir, 'cache'));
    expect(pii.scan([dir])).toEqual([]);
    writeFileSync(join(dir, 'leak.txt'), '2987654321');
    expect(pii.scan([dir]).map((h) => h.label)).toEqual(['tax id']);
  });
});
