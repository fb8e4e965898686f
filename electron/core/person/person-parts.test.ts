import { describe, expect, it } from 'vitest';
import { failure } from '../ehealth/errors';
import type { Person } from '../ehealth/schemas/person';
import { changedPaths } from './changes';
import { pathFromEntry, violationsFromEhealth } from './ehealth-violations';
import { authMethodView, draftOf, maskPhone, verificationView } from './person-view';
import { signableRequestJson } from './signable';

const person: Person = {
  id: 'p-1',
  first_name: 'Олена',
  last_name: 'Ковальчук',
  second_name: null,
  birth_date: '1984-06-30',
  birth_country: 'Україна',
  birth_settlement: 'Вінниця',
  gender: 'FEMALE',
  email: '',
  tax_id: '3086201630',
  no_tax_id: false,
  secret: 'Барвінок',
  documents: [{ type: 'NATIONAL_ID', number: '741976819', issued_at: '2020-11-28', expiration_date: null }],
  addresses: [
    {
      type: 'RESIDENCE',
      country: 'UA',
      area: 'Вінницька',
      settlement: 'Вінниця',
      settlement_type: 'CITY',
      settlement_id: 'a-b',
      zip: 21000,
    },
  ],
  phones: [{ type: 'MOBILE', number: '+380671234501' }],
  emergency_contact: {
    first_name: 'Галина',
    last_name: 'Бойко',
    phones: [{ type: 'MOBILE', number: '+380991234500' }],
  },
};

describe('the person as the kiosk shows and edits it', () => {
  it('keeps only given values, never nulls, and never the secret word', () => {
    const d = draftOf(person);
    expect(d).not.toHaveProperty('second_name');
    expect(d).not.toHaveProperty('email');
    expect(d.documents[0]).toEqual({ type: 'NATIONAL_ID', number: '741976819', issued_at: '2020-11-28' });
    expect(d.addresses[0]?.zip).toBe('21000');
    expect(JSON.stringify(d)).not.toContain('Барвінок');
    expect(JSON.stringify(d)).not.toContain('null');
  });

  it('masks phones as eHealth does', () => {
    expect(maskPhone('+380671234501')).toBe('+38067*****01');
    expect(maskPhone('123')).toBe('*****');
    expect(
      authMethodView({ id: 'm', type: 'OTP', phone_number: '+380671234501', is_active: true, alias: 'Мій' }),
    ).toMatchObject({ phoneMasked: '+38067*****01', active: true, alias: 'Мій', confidantName: null });
  });

  it('lists the verification parts in a fixed order, skipping those eHealth did not send', () => {
    const v = verificationView({
      verification_status: 'VERIFIED',
      details: {
        legal_capacity: { verification_status: 'VERIFIED', verification_reason: 'MANUAL_COMFIRMED' },
        drfo: { verification_status: 'VERIFIED', verification_reason: 'AUTO_ONLINE', result: 1 },
      },
    });
    expect(v.parts.map((p) => p.part)).toEqual(['drfo', 'legal_capacity']);
    expect(verificationView(null)).toEqual({ status: null, parts: [] });
  });
});

describe('what the patient signs', () => {
  it('is eHealth’s request with patient_signed true and without the server timestamps, in eHealth’s key order', () => {
    const request = {
      id: 'r-1',
      status: 'APPROVED',
      channel: 'PIS',
      inserted_at: '2026-06-15T10:00:00Z',
      updated_at: '2026-06-15T10:00:00Z',
      patient_signed: false,
      process_disclosure_data_consent: true,
      content: '<p/>',
      person: { last_name: 'Ковальчук', first_name: 'Олена' },
    };
    expect(signableRequestJson(request)).toBe(
      '{"id":"r-1","status":"APPROVED","channel":"PIS","patient_signed":true,"process_disclosure_data_consent":true,"content":"<p/>","person":{"last_name":"Ковальчук","first_name":"Олена"}}',
    );
    expect(JSON.parse(signableRequestJson({ id: 'x' }))).toEqual({ id: 'x', patient_signed: true });
  });
});

describe('what changes', () => {
  it('names the changed leaves; a list of another length is changed as a whole', () => {
    const before = {
      email: 'a@b.ua',
      phones: [{ type: 'MOBILE', number: '1' }],
      zip: 2090,
      second_name: undefined,
    };
    expect(changedPaths(before, { ...before })).toEqual([]);
    expect(changedPaths(before, { ...before, zip: '2090', second_name: '' })).toEqual([]);
    expect(changedPaths(before, { ...before, email: 'c@d.ua' })).toEqual(['email']);
    expect(changedPaths(before, { ...before, phones: [{ type: 'MOBILE', number: '2' }] })).toEqual([
      'phones.0.number',
    ]);
    expect(changedPaths(before, { ...before, phones: [] })).toEqual(['phones']);
  });
});

describe('eHealth’s refusals at the form’s fields', () => {
  it('turns eHealth JSON paths into the form’s paths', () => {
    expect(pathFromEntry('$.person.documents.[0].number')).toBe('documents.0.number');
    expect(pathFromEntry('$.person.emergency_contact.phones.[1].type')).toBe(
      'emergency_contact.phones.1.type',
    );
    expect(pathFromEntry('$.person.email')).toBe('email');
    expect(pathFromEntry('$.process_disclosure_data_consent')).toBe('process_disclosure_data_consent');
  });

  it('one violation per field eHealth named', () => {
    const e = failure('VALIDATION', 'x', {
      retryable: false,
      ehealth: {
        status: 422,
        type: 'validation_failed',
        message: null,
        requestId: null,
        invalid: [
          { entry: '$.person.unzr', entryType: 'json_data_property', rules: [] },
          { entry: '$.person.unzr', entryType: 'json_data_property', rules: [] },
          { entry: null, entryType: null, rules: [] },
        ],
      },
    });
    expect(violationsFromEhealth(e)).toEqual([{ path: 'unzr', rule: 'ehealth.refused' }]);
  });
});
