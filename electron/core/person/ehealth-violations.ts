import type { RuleViolation } from '#shared/rules/person/index';
import type { EhealthFailure } from '../ehealth';

/** `$.person.documents.[0].number` → `documents.0.number`; paths outside the person keep their name. */
export function pathFromEntry(entry: string): string {
  return entry
    .replace(/^\$\.?/, '')
    .replace(/^person\.?/, '')
    .replace(/\.?\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

/**
 * The fields eHealth refused in a 422 `validation_failed`, as rule violations the form can show
 * next to each field ("eHealth did not accept this value"). Empty when eHealth named no field.
 */
export function violationsFromEhealth(error: EhealthFailure): RuleViolation[] {
  const seen = new Set<string>();
  const out: RuleViolation[] = [];
  for (const entry of error.details.ehealth?.invalid ?? []) {
    if (!entry.entry) continue;
    const path = pathFromEntry(entry.entry);
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, rule: 'ehealth.refused' });
  }
  return out;
}
