import { useEffect } from 'react';
import type { AddressDraft } from '#shared/contract/person';
import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { errorText } from '../../i18n/errors';
import { lookupBusy, lookupError, useAddressesStore } from '../../stores/addresses';
import { useUiStore } from '../../stores/ui';
import { addressLine, codeLabel } from '../PersonData/labels';
import {
  BuildingFields,
  SettlementField,
  StreetField,
  clearSettlement,
  type AddressPartProps,
} from './address-fields';
import { GroupErrors, useEdit } from './EditContext';

/**
 * The addresses: exactly one where the patient lives, optionally the registered one. A settlement
 * and a street are picked from the address register (region → settlement by name → street by
 * name), so eHealth gets the register's ids and spellings; the building, apartment and postcode
 * are typed.
 */
export function AddressesSection() {
  const { t, draft, updateDraft: update } = useEdit();
  const regions = useAddressesStore((s) => s.regions);
  const loadRegions = useAddressesStore((s) => s.loadRegions);
  const language = useUiStore((s) => s.language);

  useEffect(() => {
    void loadRegions();
  }, [loadRegions]);

  const hasRegistration = draft.addresses.some((a) => a.type === 'REGISTRATION');
  return (
    <>
      <GroupErrors fieldKey="addresses" />
      {regions.error && <p role="alert">{errorText(language, regions.error)}</p>}
      {draft.addresses.map((a, i) => (
        <AddressEditor key={i} index={i} address={a} regions={regions.data} />
      ))}
      {!hasRegistration && (
        <BigButton
          onClick={() =>
            update(
              (p) =>
                void p.addresses.push({
                  type: 'REGISTRATION',
                  country: 'UA',
                  area: '',
                  settlement: '',
                  settlement_type: '',
                  settlement_id: '',
                }),
            )
          }
        >
          {t('personEdit.addRegistration')}
        </BigButton>
      )}
    </>
  );
}

function AddressEditor({
  index,
  address,
  regions,
}: {
  index: number;
  address: AddressDraft;
  regions: { id: string; name: string }[] | null;
}) {
  const { t, updateDraft: update } = useEdit();
  const language = useUiStore((s) => s.language);
  const busy = useAddressesStore((s) => lookupBusy(s.lookups[index]));
  const error = useAddressesStore((s) => lookupError(s.lookups[index]));
  const { clearSettlements, clearStreets, forget } = useAddressesStore.getState();
  useEffect(() => () => forget(index), [forget, index]);
  const edit = (change: (a: AddressDraft) => void) =>
    update((p) => {
      const a = p.addresses[index];
      if (a) change(a);
    });
  const title = codeLabel(t, 'person.address.', address.type, 'person.section.addresses');
  const part: AddressPartProps = { index, address, edit };

  return (
    <fieldset className="person-edit__group">
      <legend>{title}</legend>
      {address.settlement_id && address.settlement ? <p data-private="">{addressLine(t, address)}</p> : null}
      <div className="pfield">
        <span className="pfield__label" aria-hidden="true">
          {t('personEdit.region')}
        </span>
        {regions === null ? (
          <p role="status">{t('personEdit.regionsLoading')}</p>
        ) : (
          <ChoiceGroup
            label={`${title}: ${t('personEdit.region')}`}
            choices={regions.map((r) => ({ value: r.name, label: r.name }))}
            value={address.area}
            onChange={(area) => {
              edit((a) => {
                a.area = area;
                clearSettlement(a);
              });
              clearSettlements(index);
              clearStreets(index);
            }}
          />
        )}
      </div>
      <SettlementField {...part} />
      {address.settlement_id && (
        <>
          <StreetField {...part} />
          <BuildingFields index={index} />
        </>
      )}
      {busy && <p role="status">{t('personEdit.searching')}</p>}
      {error && <p role="alert">{errorText(language, error)}</p>}
      {address.type === 'REGISTRATION' && (
        <BigButton onClick={() => update((p) => void p.addresses.splice(index, 1))}>
          {t('personEdit.remove')} — {title}
        </BigButton>
      )}
    </fieldset>
  );
}
