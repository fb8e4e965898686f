import { describe, expect, it } from 'vitest';
import { getAt, placeOf, setAt } from './draft-paths';

describe('draft paths', () => {
  it('read and write nested fields by the rules’ paths', () => {
    const d = {
      email: 'a@b.ua',
      documents: [{ number: '1' }],
      emergency_contact: { phones: [{ number: '+380' }] },
    };
    expect(getAt(d, 'documents.0.number')).toBe('1');
    expect(getAt(d, 'emergency_contact.phones.0.number')).toBe('+380');
    expect(getAt(d, 'documents.3.number')).toBe('');
    setAt(d, 'documents.0.number', '123456789');
    setAt(d, 'email', '');
    expect(d.documents[0]!.number).toBe('123456789');
    expect(d.email).toBe('');
    setAt(d, 'missing.deep.x', 'y'); // nothing on the way: nothing happens
    expect(d).not.toHaveProperty('missing');
  });

  it('shows register parts of an address at the settlement or street', () => {
    expect(placeOf('addresses.1.settlement_type')).toBe('addresses.1.settlement_id');
    expect(placeOf('addresses.0.street_type')).toBe('addresses.0.street');
    expect(placeOf('addresses.0.building')).toBe('addresses.0.building');
    expect(placeOf('secret')).toBe('tax_id');
    expect(placeOf('documents.0.number')).toBe('documents.0.number');
  });
});
