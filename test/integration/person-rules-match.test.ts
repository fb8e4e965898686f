/**
 * The kiosk's person rules (shared/rules/person) against the sandbox's own validation of a person
 * request (its schema and business rules), on thousands of generated changes: both accept the same
 * people, and every field the sandbox refuses is a field the kiosk marks. The HTTP-level cases are
 * in person.test.ts; this is the broad sweep.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizePerson, personViolations, type PersonInput } from '#shared/rules/person/index';
import { PersonUpdateSchema, personRuleViolations } from '../../electron/sandbox/rules/person-validation';
import { isValidEmail } from '#shared/rules/person/contacts';
import { TODAY, validPerson } from '#shared/rules/person/test-person.test-support';

const NOW = new Date('2026-06-15T10:00:00.000Z');
/** The shared rules' valid adult, with an emergency contact that has no patronymic. */
const base = (): PersonInput => {
  const p = validPerson();
  const { second_name: _none, ...contact } = p.emergency_contact;
  return { ...p, emergency_contact: contact };
};

/** Values that are sometimes right and often subtly wrong. */
const names = fc.constantFrom(
  'Олена',
  'Пʼєр',
  'Анна-Марія',
  'Эдуард',
  'Olena',
  'Ольга2',
  '',
  ' Іван ',
  'Ё',
  "Дем'ян",
);
const dates = fc.constantFrom(
  '1997-05-06',
  '2013-03-01',
  '2027-01-01',
  '1899-12-31',
  '2021-02-29',
  '2026-06-15',
  '2026-06-14',
  '2031-03-01',
  '97-05-06',
  '',
);
const docTypes = fc.constantFrom(
  'PASSPORT',
  'NATIONAL_ID',
  'BIRTH_CERTIFICATE',
  'TEMPORARY_PASSPORT',
  'REFUGEE_CERTIFICATE',
  'BIRTH_CERTIFICATE_FOREIGN',
  'DRIVER_LICENSE',
);
const docNumbers = fc.constantFrom(
  'АА123456',
  'aa 123456',
  'AA123456',
  '123456789',
  '12345678',
  'І-КВ123456',
  '№12/3',
  'X',
  '',
);
const phones = fc.constantFrom(
  '+380501234502',
  '+380 67 111 22 33',
  '+38050123450',
  '0501234502',
  '+381501234502',
  '',
);
const types = fc.constantFrom('MOBILE', 'LAND_LINE', 'FAX');
const taxIds = fc.constantFrom<string | undefined>(
  '3126509817',
  '3126509816',
  '312650981',
  '0000000000',
  undefined,
);
const unzrs = fc.constantFrom<string | undefined>(
  '19970506-00123',
  '19700101-00123',
  '1997-05-06',
  '20130301-00001',
  undefined,
);
const emails = fc.constantFrom<string | undefined>(
  'a@b.ua',
  'Andrii@Example.COM',
  'andrii@example',
  'a..b@c.ua',
  'а@б.укр',
  undefined,
);
const buildings = fc.constantFrom<string | undefined>('15', '15а', '15/2', 'корпус 2', '0', undefined);
const zips = fc.constantFrom<string | undefined>('79000', '7900', 'АБВГД', undefined);
const addressTypes = fc.constantFrom('RESIDENCE', 'REGISTRATION');

type Mutation = (p: PersonInput) => void;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  names.map((v) => (p: PersonInput) => void (p.first_name = v)),
  names.map((v) => (p: PersonInput) => void (p.last_name = v)),
  names.map((v) => (p: PersonInput) => void (p.emergency_contact.first_name = v)),
  dates.map((v) => (p: PersonInput) => void (p.birth_date = v)),
  dates.map(
    (v) => (p: PersonInput) => void (p.documents[0] && (p.documents[0].expiration_date = v || undefined)),
  ),
  dates.map((v) => (p: PersonInput) => void (p.documents[0] && (p.documents[0].issued_at = v || undefined))),
  fc.tuple(docTypes, docNumbers).map(
    ([t, n]) =>
      (p: PersonInput) =>
        void (p.documents[0] = { type: t, number: n }),
  ),
  fc.tuple(docTypes, docNumbers).map(
    ([t, n]) =>
      (p: PersonInput) =>
        void p.documents.push({ type: t, number: n }),
  ),
  fc.constant((p: PersonInput) => void (p.documents = [])),
  taxIds.map((v) => (p: PersonInput) => void (p.tax_id = v)),
  fc.boolean().map((v) => (p: PersonInput) => void (p.no_tax_id = v)),
  unzrs.map((v) => (p: PersonInput) => void (p.unzr = v)),
  emails.map((v) => (p: PersonInput) => void (p.email = v)),
  fc.constantFrom('email', 'phone').map((v) => (p: PersonInput) => void (p.preferred_way_communication = v)),
  fc.tuple(types, phones).map(
    ([t, n]) =>
      (p: PersonInput) =>
        void (p.phones = [...(p.phones ?? []), { type: t, number: n }]),
  ),
  fc.constant((p: PersonInput) => void (p.phones = [])),
  fc.tuple(types, phones).map(
    ([t, n]) =>
      (p: PersonInput) =>
        void (p.emergency_contact.phones = [{ type: t, number: n }]),
  ),
  fc.constant((p: PersonInput) => void (p.emergency_contact.phones = [])),
  buildings.map((v) => (p: PersonInput) => void (p.addresses[0] && (p.addresses[0].building = v))),
  zips.map((v) => (p: PersonInput) => void (p.addresses[0] && (p.addresses[0].zip = v))),
  addressTypes.map((t) => (p: PersonInput) => void (p.addresses[0] && (p.addresses[0].type = t))),
  addressTypes.map((t) => (p: PersonInput) => void p.addresses.push({ ...p.addresses[0]!, type: t })),
  fc
    .constantFrom('', 'Київ')
    .map((v) => (p: PersonInput) => void (p.addresses[0] && (p.addresses[0].settlement_id = v))),
);

/** The sandbox's verdict: structural errors first (it stops there), else its business rules. */
function sandboxPaths(p: PersonInput): string[] {
  const parsed = PersonUpdateSchema.safeParse(p);
  const toPath = (segments: readonly PropertyKey[]) => segments.map(String).join('.');
  if (!parsed.success) return parsed.error.issues.map((i) => toPath(i.path));
  return personRuleViolations(parsed.data, NOW, () => true).map((v) =>
    v.entry.replace(/^\$\.person\./, '').replace(/\.\[(\d+)\]/g, '.$1'),
  );
}

const valueAt = (root: unknown, path: string): string => {
  const v = path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      root,
    );
  return typeof v === 'string' ? v : '';
};

/** The kiosk's marks cover a sandbox path when they name it, a field inside it, or its parent field. */
const covered = (sandboxPath: string, kiosk: string[]) =>
  kiosk.some((k) => k === sandboxPath || k.startsWith(`${sandboxPath}.`) || sandboxPath.startsWith(`${k}.`));

describe('the kiosk and the sandbox judge a person alike', () => {
  it('accept and refuse the same changes; every field the sandbox refuses is marked by the kiosk', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const p = base();
        for (const m of mutations) m(p);
        const sent = normalizePerson(p);
        // one deliberate difference: the kiosk asks for Ukrainian +380 numbers where eHealth's
        // pattern (^\+38[0-9]{10}$) would also take +381…; those refusals are the kiosk's own
        const kiosk = personViolations(sent, { today: TODAY, checkSecret: true })
          .filter((v) => !(v.rule === 'phone.format' && /^\+38[0-9]{10}$/.test(valueAt(sent, v.path))))
          .map((v) => v.path);
        const sandbox = sandboxPaths(sent);
        expect(kiosk.length === 0, `kiosk ${JSON.stringify(kiosk)} sandbox ${JSON.stringify(sandbox)}`).toBe(
          sandbox.length === 0,
        );
        for (const path of sandbox)
          expect(covered(path, kiosk), `${path} not in ${JSON.stringify(kiosk)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('the same e-mail addresses as the sandbox schema', () => {
    const email = z.email();
    const chars = fc.constantFrom(..."ab1_.-+'@ä".split(''), '@', '.', 'а');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 14 }).map((a) => a.join('')),
        fc.constantFrom('', '.ua', '.com'),
        (s, tld) => {
          const v = `${s}${tld}`;
          expect(isValidEmail(v), v).toBe(email.safeParse(v).success);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
