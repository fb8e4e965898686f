import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePerson } from './normalize';
import { TODAY, validPerson } from './test-person.test-support';
import type { PersonInput, RuleViolation } from './types';
import { personViolations, violationsUnder } from './validate';

const check = (p: PersonInput, checkSecret = true) => personViolations(p, { today: TODAY, checkSecret });
const v = (path: string, rule: RuleViolation['rule']): RuleViolation => ({ path, rule });

describe('person rules', () => {
  it('accept a valid person', () => {
    expect(check(validPerson())).toEqual([]);
  });

  const cases: [string, (p: PersonInput) => void, RuleViolation[]][] = [
    ['empty first name', (p) => (p.first_name = ''), [v('first_name', 'required')]],
    ['Russian letter', (p) => (p.last_name = 'Сергиенкоъ'), [v('last_name', 'name.letters')]],
    ['Latin second name', (p) => (p.second_name = 'Ivanovych'), [v('second_name', 'name.letters')]],
    ['birth date not a day', (p) => (p.birth_date = '1997-02-30'), [v('birth_date', 'date.format')]],
    [
      'birth date in the future',
      (p) => {
        p.birth_date = '2027-01-01';
        p.unzr = '20270101-00001';
        p.documents[0]!.issued_at = undefined;
      },
      [v('birth_date', 'birthDate.range'), v('documents', 'document.birthCertificateRequired')],
    ],
    ['unknown gender', (p) => (p.gender = 'OTHER'), [v('gender', 'choice')]],
    ['tax id check digit', (p) => (p.tax_id = '3126509816'), [v('tax_id', 'taxId.checksum')]],
    ['tax id of nine digits', (p) => (p.tax_id = '312650981'), [v('tax_id', 'taxId.format')]],
    ['adult without a tax id', (p) => (p.tax_id = undefined), [v('tax_id', 'taxId.required')]],
    ['refused tax id but one given', (p) => (p.no_tax_id = true), [v('tax_id', 'taxId.refused')]],
    ['unzr of another birth date', (p) => (p.unzr = '19700101-00123'), [v('unzr', 'unzr.birthDate')]],
    ['unzr format', (p) => (p.unzr = '1997-05-06'), [v('unzr', 'unzr.format')]],
    ['ID card without unzr', (p) => (p.unzr = undefined), [v('unzr', 'unzr.requiredForIdCard')]],
    ['no documents', (p) => (p.documents = []), [v('documents', 'document.atLeastOne')]],
    [
      'ID card number',
      (p) => (p.documents[0]!.number = '12345678'),
      [v('documents.0.number', 'document.number.idCard')],
    ],
    [
      'ID card without expiry',
      (p) => (p.documents[0]!.expiration_date = undefined),
      [v('documents.0.expiration_date', 'document.expiryRequired')],
    ],
    [
      'expired ID card',
      (p) => (p.documents[0]!.expiration_date = '2026-06-14'),
      [v('documents.0.expiration_date', 'document.expired')],
    ],
    [
      'issued in the future',
      (p) => (p.documents[0]!.issued_at = '2026-06-16'),
      [v('documents.0.issued_at', 'document.issuedInFuture')],
    ],
    [
      'issued before birth',
      (p) => (p.documents[0]!.issued_at = '1990-01-01'),
      [v('documents.0.issued_at', 'document.issuedBeforeBirth')],
    ],
    [
      'passport and ID card together',
      (p) => p.documents.push({ type: 'PASSPORT', number: 'КВ123456' }),
      [v('documents', 'document.passportAndIdCard')],
    ],
    [
      'the same document type twice',
      (p) => p.documents.push({ ...p.documents[0]! }),
      [v('documents.1.type', 'document.duplicateType')],
    ],
    [
      'passport number',
      (p) => (p.documents = [{ type: 'PASSPORT', number: 'AA123456' }]),
      [v('documents.0.number', 'document.number.passport')],
    ],
    [
      'no residence address',
      (p) => (p.addresses[0]!.type = 'REGISTRATION'),
      [v('addresses', 'address.residenceCount')],
    ],
    [
      'two residence addresses',
      (p) => p.addresses.push({ ...p.addresses[0]! }),
      [v('addresses', 'address.residenceCount')],
    ],
    [
      'settlement typed, not chosen',
      (p) => (p.addresses[0]!.settlement_id = ''),
      [v('addresses.0.settlement_id', 'address.settlement')],
    ],
    [
      'building',
      (p) => (p.addresses[0]!.building = 'корпус 2'),
      [v('addresses.0.building', 'address.building')],
    ],
    ['postal code', (p) => (p.addresses[0]!.zip = '7900'), [v('addresses.0.zip', 'address.zip')]],
    [
      'phone',
      (p) => (p.phones = [{ type: 'MOBILE', number: '+38050123450' }]),
      [v('phones.0.number', 'phone.format')],
    ],
    [
      'two mobile phones',
      (p) => p.phones!.push({ type: 'MOBILE', number: '+380671112233' }),
      [v('phones.1.type', 'phone.duplicateType')],
    ],
    ['email', (p) => (p.email = 'andrii@example'), [v('email', 'email.format')]],
    [
      'preferred e-mail without one',
      (p) => {
        p.email = undefined;
        p.preferred_way_communication = 'email';
      },
      [v('email', 'preferred.needsEmail')],
    ],
    ['preferred phone without one', (p) => (p.phones = []), [v('phones', 'preferred.needsPhone')]],
    [
      'emergency contact without a phone',
      (p) => (p.emergency_contact.phones = []),
      [v('emergency_contact.phones', 'phone.atLeastOne')],
    ],
    [
      'emergency contact name',
      (p) => (p.emergency_contact.first_name = 'Halyna'),
      [v('emergency_contact.first_name', 'name.letters')],
    ],
    ['secret word too short', (p) => (p.secret = 'abc'), [v('secret', 'secret.length')]],
  ];

  it.each(cases)('refuse %s, naming the field', (_name, change, expected) => {
    const p = validPerson();
    change(p);
    expect(check(p)).toEqual(expected);
  });

  it('a child under 14 needs a birth certificate, not a tax id', () => {
    const child: PersonInput = {
      ...validPerson(),
      birth_date: '2013-03-01',
      tax_id: undefined,
      unzr: undefined,
      documents: [{ type: 'BIRTH_CERTIFICATE', number: 'І-КВ123456', issued_at: '2013-03-10' }],
    };
    expect(check(child)).toEqual([]);
    expect(check({ ...child, documents: [{ type: 'PASSPORT', number: 'КВ123456' }] })).toEqual([
      v('documents', 'document.birthCertificateRequired'),
    ]);
  });

  it('the renderer (no secret) does not check the secret word', () => {
    expect(check({ ...validPerson(), secret: undefined }, false)).toEqual([]);
  });

  it('picks the violations under a part of the form', () => {
    const all = [
      v('documents', 'document.atLeastOne'),
      v('documents.0.number', 'required'),
      v('unzr', 'unzr.format'),
    ];
    expect(violationsUnder(all, 'documents')).toHaveLength(2);
    expect(violationsUnder(all, 'documents.0')).toEqual([all[1]]);
  });

  it('never throws and is stable under normalization for arbitrary text in every field', () => {
    const anyText = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, (first, number, phone, email) => {
        const p = validPerson();
        p.first_name = first;
        p.documents[0]!.number = number;
        p.phones = [{ type: 'MOBILE', number: phone }];
        p.email = email;
        const normalized = normalizePerson(p);
        expect(check(normalizePerson(normalized))).toEqual(check(normalized));
      }),
    );
  });
});
