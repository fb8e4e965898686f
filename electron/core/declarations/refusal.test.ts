import { describe, expect, it } from 'vitest';
import { declarationRefusal } from './refusal';

describe('declarationRefusal', () => {
  const refused = (message: string | null, entries: string[] = []) =>
    declarationRefusal({
      error: {
        code: 'EHEALTH_REJECTED',
        message: 'x',
        ehealth: { status: 422, type: 'x', message, entries },
      },
    });
  it('recognises a full doctor, an age mismatch and an ended declaration in eHealth’s words', () => {
    expect(refused('This doctor has 1800 declarations and could not sign more')).toBe('DOCTOR_FULL');
    expect(refused('Validation failed.', ["$.data: Doctor speciality doesn't match patient's age"])).toBe(
      'SPECIALITY_NOT_FOR_AGE',
    );
    expect(refused('Declaration is not active')).toBe('DECLARATION_NOT_ACTIVE');
    expect(refused('Something else')).toBeNull();
    expect(declarationRefusal({ error: null })).toBeNull();
  });
});
