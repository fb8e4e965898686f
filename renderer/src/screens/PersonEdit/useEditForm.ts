import { useCallback, useMemo, useState } from 'react';
import type { PersonDraft } from '#shared/contract/person';
import type { RuleViolation } from '#shared/rules/person/index';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { getAt, placeOf, setAt } from './draft-paths';
import type { ActiveField, EditContextValue } from './EditContext';

export interface EditFormSource {
  /** The draft the sections edit; null while there is none (the form shows nothing then). */
  draft: PersonDraft | null;
  updateDraft(change: (draft: PersonDraft) => void): void;
  /** The rule violations to show at their fields. */
  violations: readonly RuleViolation[];
}

/**
 * The value a person form provides through `EditContext` to its sections: the draft and its
 * update from the form's owner, and what only the form on screen holds — the search boxes' text
 * and the field the keyboard types into. Null while there is no draft.
 */
export function useEditForm({ draft, updateDraft, violations }: EditFormSource): EditContextValue | null {
  const t = useT();
  const keyboardLabels = useKeyboardLabels();
  const [queries, setQueries] = useState<Record<string, string>>({});
  const [active, setActive] = useState<ActiveField | null>(null);

  const valueOf = useCallback(
    (key: string) => (key.startsWith('q:') ? (queries[key] ?? '') : getAt(draft, key)),
    [queries, draft],
  );
  const setValue = useCallback(
    (key: string, value: string) => {
      if (key.startsWith('q:')) setQueries((q) => ({ ...q, [key]: value }));
      else updateDraft((d) => setAt(d, key, value));
    },
    [updateDraft],
  );
  return useMemo<EditContextValue | null>(
    () =>
      draft && {
        t,
        keyboardLabels,
        draft,
        updateDraft,
        valueOf,
        setValue,
        active,
        activate: setActive,
        violationsAt: (key) => violations.filter((v) => placeOf(v.path) === key),
      },
    [t, keyboardLabels, draft, updateDraft, valueOf, setValue, active, violations],
  );
}
