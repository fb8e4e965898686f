import { describe, expect, it } from 'vitest';
import { normalizePerson } from './normalize';
import { TODAY, validPerson } from './test-person.test-support';
import { personViolations } from './validate';

describe('normalizePerson', () => {
  it('makes what was typed acceptable where only the form was wrong', () => {
    const typed = validPerson();
    typed.last_name = ' Демʼяненко ';
    typed.email = ' Andrii@Example.COM';
    typed.documents = [{ ...typed.documents[0]!, number: '123 456 789' }];
    typed.phones = [{ type: 'MOBILE', number: '+380 50 123-45-02' }];
    typed.addresses = [
      {
        ...typed.addresses[0]!,
        building: '15а',
        settlement_id: typed.addresses[0]!.settlement_id.toUpperCase(),
      },
    ];
    const p = normalizePerson(typed);
    expect(p.last_name).toBe("Дем'яненко");
    expect(p.email).toBe('andrii@example.com');
    expect(p.documents[0]!.number).toBe('123456789');
    expect(p.phones![0]!.number).toBe('+380501234502');
    expect(p.addresses[0]!.building).toBe('15А');
    expect(personViolations(p, { today: TODAY, checkSecret: true })).toEqual([]);
  });

  it('leaves out empty optional fields instead of sending empty strings', () => {
    const p = normalizePerson({
      ...validPerson(),
      second_name: '  ',
      email: '',
      addresses: [{ ...validPerson().addresses[0]!, street: '', apartment: ' ', zip: '' }],
    });
    expect('second_name' in p).toBe(false);
    expect('email' in p).toBe(false);
    expect(p.addresses[0]).not.toHaveProperty('street');
    expect(p.addresses[0]).not.toHaveProperty('apartment');
    expect(p.addresses[0]).not.toHaveProperty('zip');
    expect(JSON.stringify(p)).not.toContain('null');
  });

  it('is idempotent', () => {
    const once = normalizePerson(validPerson());
    expect(normalizePerson(once)).toEqual(once);
  });
});
