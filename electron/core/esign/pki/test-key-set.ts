/**
 * The standard set of training keys (what `kiosk esign test-pki` writes and the sandbox can serve):
 * valid personal keys in every container format with Latin and Cyrillic passwords, a passport-number
 * DRFO, an expired and a not-yet-valid key, and an organisation stamp — all under one test CA.
 */
import { issueTestIdentity, type TestCa, type TestSubject } from './test-pki';

export interface TestKeyFile {
  /** Path relative to the output folder (Key-6.dat needs a folder of its own). */
  file: string;
  password: string;
  drfo: string | null;
  edrpou: string | null;
  role: 'personal' | 'stamp';
  validFrom: string;
  validTo: string;
  format: 'key6' | 'jks' | 'pk8';
  /** The certificate, written as a .cer beside the key. */
  certificate: string;
  commonName: string;
  bytes: Uint8Array;
  certificateDer: Uint8Array;
}

const DAY = 24 * 3600 * 1000;

interface Spec {
  dir: string;
  subject: Omit<TestSubject, 'validFrom' | 'validTo'>;
  from: number;
  to: number;
  format: 'key6' | 'jks' | 'pk8';
  password: string;
}

function specs(): Spec[] {
  const p = (
    drfo: string,
    surname: string,
    givenName: string,
  ): Omit<TestSubject, 'validFrom' | 'validTo'> => ({
    drfo,
    surname,
    givenName,
    commonName: `${surname} ${givenName}`,
    role: 'personal',
  });
  return [
    {
      dir: 'petrenko-key6',
      subject: p('3012345678', 'Петренко', 'Петро Петрович'),
      from: -30,
      to: 365,
      format: 'key6',
      password: 'Test-1234',
    },
    {
      dir: 'kovalenko-key6-cyr',
      subject: p('2987654321', 'Коваленко', 'Олена Іванівна'),
      from: -30,
      to: 365,
      format: 'key6',
      password: 'пароль-1234',
    },
    {
      dir: 'shevchenko-jks',
      subject: p('3344556677', 'Шевченко', 'Тарас Григорович'),
      from: -30,
      to: 365,
      format: 'jks',
      password: 'Privat-1234',
    },
    {
      dir: 'bondar-passport-key6',
      subject: p('АА123456', 'Бондар', 'Марія Степанівна'),
      from: -30,
      to: 365,
      format: 'key6',
      password: 'Test-1234',
    },
    {
      dir: 'melnyk-expired-key6',
      subject: p('3111222333', 'Мельник', 'Іван Іванович'),
      from: -400,
      to: -35,
      format: 'key6',
      password: 'Test-1234',
    },
    {
      dir: 'tkachenko-future-jks',
      subject: p('3222333444', 'Ткаченко', 'Оксана Петрівна'),
      from: 30,
      to: 400,
      format: 'jks',
      password: 'Test-1234',
    },
    {
      dir: 'clinic-stamp-jks',
      subject: {
        edrpou: '41294110',
        surname: 'ТОВ "Клініка Тест"',
        givenName: '',
        commonName: 'ТОВ "Клініка Тест"',
        role: 'stamp',
      },
      from: -30,
      to: 365,
      format: 'jks',
      password: 'Stamp-1234',
    },
  ];
}

export async function generateTestKeySet(
  ca: TestCa,
  opts: { now?: Date; tsaUrl?: string } = {},
): Promise<TestKeyFile[]> {
  const now = (opts.now ?? new Date()).getTime();
  const out: TestKeyFile[] = [];
  for (const s of specs()) {
    const validFrom = new Date(now + s.from * DAY);
    const validTo = new Date(now + s.to * DAY);
    const issued = await issueTestIdentity(
      ca,
      { ...s.subject, validFrom, validTo, tsaUrl: opts.tsaUrl },
      { format: s.format, password: s.password },
    );
    out.push({
      file: `${s.dir}/${issued.fileName}`,
      password: s.password,
      drfo: s.subject.role === 'personal' ? (s.subject.drfo ?? null) : null,
      edrpou: s.subject.edrpou ?? null,
      role: s.subject.role === 'stamp' ? 'stamp' : 'personal',
      validFrom: validFrom.toISOString(),
      validTo: validTo.toISOString(),
      format: s.format,
      certificate: `${s.dir}/${s.dir}.cer`,
      commonName: s.subject.commonName,
      bytes: issued.file,
      certificateDer: issued.certificateDer,
    });
  }
  return out;
}
