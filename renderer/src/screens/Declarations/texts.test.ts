import { describe, expect, it } from 'vitest';
import { KNOWN_SCOPES } from '#shared/contract/apps';
import { translator } from '../../i18n/translate';
import { LANGUAGES } from '../../i18n/types';
import {
  endReasonLine,
  endedLabel,
  formatDate,
  outcomeText,
  reasonText,
  scopeLines,
  scopeText,
  specialityText,
  statusText,
} from './texts';

const CYRILLIC = /[а-яіїєґ]/i;

describe('scope texts', () => {
  it.each(KNOWN_SCOPES)('%s is explained in plain words in both languages', (scope) => {
    for (const language of LANGUAGES) {
      const text = scopeText(translator(language), scope);
      expect(text).not.toContain(scope);
      expect(text.length).toBeGreaterThan(10);
      if (language === 'en') expect(text).not.toMatch(CYRILLIC);
      else expect(text).toMatch(CYRILLIC);
    }
  });

  it('an unknown scope is shown as another permission with its technical name', () => {
    expect(scopeText(translator('uk'), 'lab:write')).toBe('інший дозвіл (lab:write)');
    expect(scopeText(translator('en'), 'lab:write')).toBe('another permission (lab:write)');
  });

  it('scopes that mean the same are listed once', () => {
    expect(scopeLines(translator('en'), ['declaration:read', 'declaration:read_pis', 'app:read'])).toEqual([
      'see your declarations with a doctor',
      'see which e-cabinets have access to your data',
    ]);
  });
});

describe('declaration texts', () => {
  const uk = translator('uk');
  const en = translator('en');
  it('say statuses and termination reasons in plain words, and unknown ones as they are', () => {
    expect(statusText(uk, 'terminated')).toBe('Припинена');
    expect(statusText(en, 'closed')).toBe('Term ended');
    expect(statusText(en, 'frozen')).toBe('A status the kiosk cannot explain (eHealth code “frozen”)');
    expect(reasonText(uk, 'manual_person')).toBe('Ви припинили її самі');
    expect(reasonText(en, 'auto_deactivation_legal_entity')).toBe('The clinic closed');
    expect(reasonText(en, 'new_reason')).toBe(
      'A reason the kiosk cannot explain (eHealth code “new_reason”). Please ask at the reception desk.',
    );
    expect(specialityText(uk, 'PEDIATRICIAN')).toBe('Педіатр');
    expect(specialityText(en, null)).toBeNull();
  });

  it('say when a declaration ended by its status, and why — in the patient’s words only when they ended it', () => {
    expect(endedLabel(uk, 'terminated')).toBe('Припинено');
    expect(endedLabel(en, 'closed')).toBe('Ended on');
    expect(endedLabel(en, 'frozen')).toBe('No longer in force since');
    expect(endReasonLine(uk, { reason: 'manual_person', reasonDescription: 'Переїзд' })).toBe(
      'Ви припинили її самі. Ваше пояснення: «Переїзд»',
    );
    expect(endReasonLine(uk, { reason: 'manual_employee', reasonDescription: 'Згідно постанови 1' })).toBe(
      'Її припинено в закладі — лікарем або іншим працівником. Пояснення в eHealth: «Згідно постанови 1»',
    );
    expect(endReasonLine(en, { reason: 'replaced', reasonDescription: null })).toBe(
      'A new declaration replaced it: only one can be in force at a time',
    );
    expect(endReasonLine(en, { reason: null, reasonDescription: null })).toBe('eHealth gives no reason');
    expect(endReasonLine(en, { reason: null, reasonDescription: 'Moved away' })).toBe(
      'As eHealth records it: “Moved away”',
    );
  });

  it('have a receipt sentence for every action the cabinet takes, and a general one otherwise', () => {
    expect(outcomeText(uk, 'declaration.terminate', 'done')).toBe('Декларацію припинено.');
    expect(outcomeText(en, 'declaration-request.sign', 'queued')).toMatch(/^The declaration is signed\./);
    expect(outcomeText(en, 'person-request.complete', 'queued')).toBe(
      'The kiosk has accepted the action and sends it as soon as the connection returns.',
    );
  });

  it('write dates as people read them, without a time-zone shift for plain dates', () => {
    expect(formatDate('uk', '2026-03-01')).toBe('1 березня 2026 р.');
    expect(formatDate('en', '2026-12-31')).toBe('31 December 2026');
    expect(formatDate('en', null)).toBeNull();
    expect(formatDate('en', 'not a date')).toBe('not a date');
  });
});
