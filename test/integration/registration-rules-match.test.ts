/**
 * The kiosk's registration rules (shared/rules/person/registration) against the sandbox's own verdict
 * on a sign-up (rules/registration: the decoded payload's schema, the person rules, the one
 * authentication method, the age, and the identity checks against the signing certificate), on
 * thousands of generated registrations and certificates: both accept the same registrations, every
 * field the sandbox refuses is marked by the kiosk, and an identity refusal is the same refusal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizePerson,
  normalizePhone,
  registrationPayload,
  registrationViolations,
  type CertificateIdentity,
  type PersonInput,
} from '#shared/rules/person/index';
import { TODAY, validPerson } from '#shared/rules/person/test-person.test-support';
import { judgeRegistration } from '../../electron/sandbox/rules/registration';

const NOW = new Date('2026-06-15T10:00:00.000Z');

/** The shared rules' valid adult as a registration: a passport (no UNZR needed), no patronymic in the contact. */
const base = (): PersonInput => {
  const p = validPerson();
  const { second_name: _none, ...contact } = p.emergency_contact;
  return {
    ...p,
    unzr: undefined,
    documents: [
      { type: 'PASSPORT', number: 'КА123456', issued_by: 'Львівський МВ', issued_at: '2015-05-06' },
    ],
    emergency_contact: contact,
  };
};
const CERT: CertificateIdentity = { drfo: '3126509817', surname: "Дем'яненко", givenName: 'Андрій Іванович' };

type Case = { p: PersonInput; phone: string; cert: CertificateIdentity };
type Mutation = (c: Case) => void;

const names = fc.constantFrom(
  'Андрій',
  'андрій',
  'Андрі',
  'Остап',
  'Дем’яненко',
  "Дем'яненко",
  'Демяненко',
  '',
  'Эдуард',
);
const certNames = fc.constantFrom<string | null>(
  'Андрій Іванович',
  'АНДРІЙ ІВАНОВИЧ',
  'Андрій',
  'Остап Юрійович',
  '',
  null,
);
const certSurnames = fc.constantFrom<string | null>("Дем'яненко", 'Демʼяненко', 'Гнатюк', 'дем’яненко', null);
const drfos = fc.constantFrom('3126509817', '3126509816', '3640410689', 'КА123456', 'ка 123456', '123456789');
const taxIds = fc.constantFrom<string | undefined>('3126509817', '3640410689', '312650981', undefined, '');
const births = fc.constantFrom(
  '1997-05-06',
  '2012-06-16',
  '2012-06-15',
  '2014-01-01',
  '2010-02-03',
  '2030-01-01',
);
const phones = fc.constantFrom(
  '+380501234502',
  '+38050123450',
  '0501234502',
  '+381501234502',
  '+380 50 123 45 02',
  '',
);
const docs = fc.constantFrom(
  { type: 'PASSPORT', number: 'КА123456' },
  { type: 'NATIONAL_ID', number: '123456789', expiration_date: '2031-01-01' },
  { type: 'BIRTH_CERTIFICATE', number: 'І-КВ123456' },
  { type: 'PASSPORT', number: 'KA123456' },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  names.map((v) => (c: Case) => void (c.p.first_name = v)),
  names.map((v) => (c: Case) => void (c.p.last_name = v)),
  certNames.map((v) => (c: Case) => void (c.cert = { ...c.cert, givenName: v })),
  certSurnames.map((v) => (c: Case) => void (c.cert = { ...c.cert, surname: v })),
  drfos.map((v) => (c: Case) => void (c.cert = { ...c.cert, drfo: v })),
  taxIds.map((v) => (c: Case) => void (c.p.tax_id = v)),
  fc.boolean().map((v) => (c: Case) => void (c.p.no_tax_id = v)),
  births.map((v) => (c: Case) => void (c.p.birth_date = v)),
  phones.map((v) => (c: Case) => void (c.phone = v)),
  docs.map((d) => (c: Case) => void (c.p.documents = [{ ...d }])),
  docs.map((d) => (c: Case) => void c.p.documents.push({ ...d })),
  fc.constantFrom('19970506-00123', '20120616-00001', undefined).map((v) => (c: Case) => void (c.p.unzr = v)),
  fc.constant((c: Case) => void (c.p.emergency_contact.phones = [])),
  fc
    .constantFrom('', '15', 'корпус')
    .map((v) => (c: Case) => void (c.p.addresses[0] && (c.p.addresses[0].building = v))),
);

/** The sandbox's refusal as (path, kiosk rule it must match), or [] when it registers the person. */
function sandboxVerdict(
  payload: Record<string, unknown>,
  cert: CertificateIdentity,
): { path: string; rule?: string }[] {
  const v = judgeRegistration(payload, cert, NOW, () => true);
  if (v.kind === 'ok') return [];
  if (v.kind === 'child') return [{ path: 'birth_date', rule: 'registration.under14' }];
  if (v.kind === 'identity') {
    const rule =
      v.refusal.field === 'tax_id'
        ? 'registration.notSigner'
        : v.refusal.field === 'first_name'
          ? 'registration.firstName'
          : 'registration.lastName';
    return [{ path: v.refusal.field, rule }];
  }
  return v.entries.map((e) => ({
    path: e.entry
      .replace(/^\$\.person\./, '')
      .replace(/^\$\./, '')
      .replace(/\.\[(\d+)\]/g, '.$1'),
  }));
}

const covered = (path: string, kiosk: string[]) =>
  kiosk.some((k) => k === path || k.startsWith(`${path}.`) || path.startsWith(`${k}.`));

describe('the kiosk and the sandbox judge a registration alike', () => {
  it('accept and refuse the same registrations, for the same reasons', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 0, maxLength: 3 }), (mutations) => {
        const c: Case = { p: base(), phone: '+380501234502', cert: { ...CERT } };
        for (const m of mutations) m(c);
        const person = normalizePerson(c.p);
        const phone = normalizePhone(c.phone);
        // the kiosk asks for Ukrainian +380 numbers where eHealth's pattern also takes +381…: its own refusal
        const ehealthPhone = (v: string) => /^\+38[0-9]{10}$/.test(v);
        const kioskAll = registrationViolations(person, phone, c.cert, { today: TODAY, checkSecret: true });
        if (
          kioskAll.some((v) => v.rule === 'phone.format') &&
          ehealthPhone(phone) &&
          !phone.startsWith('+380')
        )
          return;
        const kiosk = kioskAll.map((v) => v.path);
        const sandbox = sandboxVerdict(registrationPayload(person, phone, 'nonce'), c.cert);
        const ctx = `kiosk ${JSON.stringify(kioskAll)} sandbox ${JSON.stringify(sandbox)}`;
        expect(kiosk.length === 0, ctx).toBe(sandbox.length === 0);
        if (sandbox.length === 0) accepted += 1;
        for (const s of sandbox) {
          if (s.rule)
            expect(
              kioskAll.map((v) => v.rule),
              ctx,
            ).toContain(s.rule);
          else expect(covered(s.path, kiosk), `${s.path}: ${ctx}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    // the sweep must reach both verdicts often enough to mean something
    expect(accepted).toBeGreaterThan(100);
  });
});
