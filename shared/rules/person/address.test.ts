import { describe, expect, it } from 'vitest';
import { isSettlementId, isValidBuilding, isValidZip, normalizeBuilding } from './address';

describe('address parts', () => {
  it('buildings like 15, 15А, 15-А, 15/2, 15/2Б', () => {
    for (const ok of ['1', '15', '15А', '15-А', '15 А', '15/2', '15А/2Б'])
      expect(isValidBuilding(ok)).toBe(true);
    for (const bad of ['0', '015', 'А15', '15AB', '15//2', '', '15/0'])
      expect(isValidBuilding(bad)).toBe(false);
  });

  it('normalizes a Latin or small letter in a building number', () => {
    expect(normalizeBuilding(' 15a ')).toBe('15А');
    expect(normalizeBuilding('7б')).toBe('7Б');
    expect(isValidBuilding(normalizeBuilding('12/3a'))).toBe(true);
  });

  it('postal codes are five digits; settlements are register ids', () => {
    expect(isValidZip('79000')).toBe(true);
    for (const bad of ['7900', '790000', '7900А']) expect(isValidZip(bad)).toBe(false);
    expect(isSettlementId('0f0e2b1c-3d4e-4f50-8a6b-7c8d9e0f1a2b')).toBe(true);
    expect(isSettlementId('Львів')).toBe(false);
  });
});
