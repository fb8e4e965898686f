import { describe, expect, it } from 'vitest';
import type { OperationView } from '#shared/contract/outbox';
import { declarationRefusal } from './refusal';

const view = (over: Partial<OperationView>): OperationView => ({
  id: 'op-1',
  referenceCode: 'K7M4-PX9C',
  kind: 'declaration-request.create',
  state: 'rejected',
  held: false,
  flowId: null,
  attempts: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:01.000Z',
  completedAt: null,
  nextAttemptAt: null,
  expiresAt: null,
  ehealthId: null,
  discarded: false,
  error: null,
  ...over,
});

describe('declarationRefusal', () => {
  const refused = (message: string | null, entries: string[] = []) =>
    declarationRefusal(
      view({
        error: {
          code: 'EHEALTH_REJECTED',
          message: 'x',
          ehealth: { status: 422, type: 'x', message, entries },
        },
      }),
    );
  it('recognises a full doctor, an age mismatch and an ended declaration in eHealth’s words', () => {
    expect(refused('This doctor has 1800 declarations and could not sign more')).toBe('DOCTOR_FULL');
    expect(refused('Validation failed.', ["$.data: Doctor speciality doesn't match patient's age"])).toBe(
      'SPECIALITY_NOT_FOR_AGE',
    );
    expect(refused('Declaration is not active')).toBe('DECLARATION_NOT_ACTIVE');
    expect(refused('Something else')).toBeNull();
    expect(declarationRefusal(view({ error: null }))).toBeNull();
  });
});
