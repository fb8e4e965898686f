import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { PersonDraft } from '#shared/contract/person';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { usePersonStore } from '../../stores/person';
import { personView } from '../PersonData/person-fixture.test-support';
import { AddressesSection } from './AddressEditor';
import { EditContext } from './EditContext';
import { ContactsSection, DocumentsSection } from './sections';
import { useEditForm } from './useEditForm';

/** A form other than the change form: its draft lives in the form, not in the person store. */
function OwnForm({ initial, onChange }: { initial: PersonDraft; onChange: (d: PersonDraft) => void }) {
  const [draft, setDraft] = useState(initial);
  const ctx = useEditForm({
    draft,
    updateDraft: (change) =>
      setDraft((d) => {
        const next = structuredClone(d);
        change(next);
        onChange(next);
        return next;
      }),
    violations: [],
  });
  if (!ctx) return null;
  return (
    <EditContext.Provider value={ctx}>
      <DocumentsSection />
      <ContactsSection />
      <AddressesSection />
    </EditContext.Provider>
  );
}

describe('person form sections', () => {
  it('edit the draft their form provides, never the person store’s', () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('personAddressRegions', () => ok({ regions: [{ id: 'r1', name: 'Львівська' }] }));
    const initial = structuredClone(personView().person);
    let latest = initial;
    render(<OwnForm initial={initial} onChange={(d) => (latest = d)} />);

    fireEvent.click(screen.getByRole('button', { name: 'Додати документ' }));
    expect(latest.documents).toHaveLength(initial.documents.length + 1);
    fireEvent.change(screen.getByLabelText('Електронна пошта (необов’язково)'), {
      target: { value: 'new@example.com' },
    });
    expect(latest.email).toBe('new@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Додати адресу реєстрації (якщо інша)' }));
    expect(latest.addresses.map((a) => a.type)).toContain('REGISTRATION');

    expect(usePersonStore.getState().draft).toBeNull();
  });
});
