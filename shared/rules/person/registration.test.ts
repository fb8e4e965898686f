import { describe, expect, it } from 'vitest';
import { identityViolations, isTaxIdDrfo, registrationPayload, registrationViolations } from './registration';
import { TODAY, validPerson } from './test-person.test-support';

const cert = { drfo: '3126509817', surname: "Дем'яненко", givenName: 'Андрій Іванович' };
const person = () => ({
  ...validPerson(),
  unzr: undefined,
  documents: [{ type: 'PASSPORT', number: 'КА123456' }],
});

describe('registration identity checks against the key certificate', () => {
  it('accepts the certificate owner, apostrophes and case in the given name aside', () => {
    expect(identityViolations(person(), cert)).toEqual([]);
    expect(
      identityViolations(person(), { ...cert, surname: 'Демʼяненко', givenName: 'АНДРІЙ ІВАНОВИЧ' }),
    ).toEqual([]);
  });

  it('refuses another tax id, another first name, another surname — one reason, in eHealth’s order', () => {
    expect(identityViolations({ ...person(), tax_id: '3640410689' }, cert)).toEqual([
      { path: 'tax_id', rule: 'registration.notSigner' },
    ]);
    expect(identityViolations({ ...person(), first_name: 'Остап' }, cert)).toEqual([
      { path: 'first_name', rule: 'registration.firstName' },
    ]);
    expect(identityViolations(person(), { ...cert, givenName: null })).toEqual([
      { path: 'first_name', rule: 'registration.firstName' },
    ]);
    expect(identityViolations(person(), { ...cert, surname: 'Гнатюк' })).toEqual([
      { path: 'last_name', rule: 'registration.lastName' },
    ]);
  });

  it('without a tax id the passport number is the DRFO', () => {
    const p = { ...person(), tax_id: undefined, no_tax_id: true };
    expect(isTaxIdDrfo('КА 123456')).toBe(false);
    expect(identityViolations(p, { ...cert, drfo: 'ка 123456' })).toEqual([]);
    expect(identityViolations(p, { ...cert, drfo: 'КА654321' })).toEqual([
      { path: 'documents', rule: 'registration.notSigner' },
    ]);
  });

  it('the person rules first, then 14 and over, then the identity', () => {
    expect(
      registrationViolations({ ...person(), first_name: 'Olena' }, '+380501234502', cert, { today: TODAY }),
    ).toEqual([{ path: 'first_name', rule: 'name.letters' }]);
    expect(registrationViolations(person(), '0501234502', cert, { today: TODAY })).toEqual([
      { path: 'authentication_methods.0.phone_number', rule: 'phone.format' },
    ]);
    const child = {
      ...person(),
      birth_date: '2013-01-01',
      documents: [{ type: 'BIRTH_CERTIFICATE', number: 'І-КВ123456' }],
    };
    expect(registrationViolations(child, '+380501234502', cert, { today: TODAY })).toEqual([
      { path: 'birth_date', rule: 'registration.under14' },
    ]);
  });

  it('signs the person with no_tax_id, one OTP method, consent and the nonce', () => {
    const payload = registrationPayload(person(), '+380501234502', 'nonce-jwt') as {
      person: Record<string, unknown>;
      jwt: string;
    };
    expect(payload.jwt).toBe('nonce-jwt');
    expect(payload.person.no_tax_id).toBe(false);
    expect(payload.person.authentication_methods).toEqual([{ type: 'OTP', phone_number: '+380501234502' }]);
    expect(payload).toMatchObject({ patient_signed: true, process_disclosure_data_consent: true });
  });
});
