import type { AddressDraft } from '#shared/contract/person';
import { STREET_TYPES } from '#shared/rules/person/index';
import { BigButton } from '../../components/BigButton';
import { lookupBusy, useAddressesStore } from '../../stores/addresses';
import { codeLabel } from '../PersonData/labels';
import { digitsCodec, textCodec } from './codecs';
import { GroupErrors, PersonField, useEdit } from './EditContext';

/** The parts of one address below its region: settlement, street, building. */
export interface AddressPartProps {
  index: number;
  address: AddressDraft;
  /** Changes this address of the draft. */
  edit(change: (a: AddressDraft) => void): void;
}

/** The settlement is no longer chosen (a new region, or "change"): neither is what lay inside it. */
export function clearSettlement(a: AddressDraft): void {
  a.settlement = '';
  a.settlement_type = '';
  a.settlement_id = '';
  delete a.region;
  delete a.street;
  delete a.street_type;
}

/** The settlement: the chosen one with "change", or a search by name in the region and the results. */
export function SettlementField({ index, address, edit }: AddressPartProps) {
  const { t, valueOf } = useEdit();
  const settlements = useAddressesStore((s) => s.lookups[index]?.settlements.data ?? null);
  const busy = useAddressesStore((s) => lookupBusy(s.lookups[index]));
  const { searchSettlements, clearSettlements, clearStreets } = useAddressesStore.getState();
  const query = `q:addresses.${index}.settlement`;
  const search = () => {
    const text = valueOf(query).trim();
    if (text && address.area) void searchSettlements(index, address.area, text);
  };

  return (
    <>
      <GroupErrors fieldKey={`addresses.${index}.settlement_id`} />
      {address.settlement_id ? (
        <div className="person-edit__row">
          <span data-private="">
            {t('personEdit.chosen', {
              value: `${codeLabel(t, 'person.settlement.', address.settlement_type, 'person.none')} ${address.settlement}`,
            })}
          </span>
          <BigButton
            onClick={() => {
              edit(clearSettlement);
              clearStreets(index);
            }}
          >
            {t('personEdit.changeChoice')} — {t('personEdit.settlement')}
          </BigButton>
        </div>
      ) : (
        address.area && (
          <>
            <PersonField
              fieldKey={query}
              label={t('personEdit.settlementSearch')}
              codec={textCodec('uk', 100)}
            />
            <BigButton onClick={search} disabled={busy}>
              {t('personEdit.search')} — {t('personEdit.settlement')}
            </BigButton>
            <Results
              items={settlements}
              label={(s) =>
                [
                  `${codeLabel(t, 'person.settlement.', s.type, 'person.none')} ${s.name}`,
                  s.district ? t('person.address.district', { value: s.district }) : '',
                ]
                  .filter(Boolean)
                  .join(', ')
              }
              onChoose={(s) => {
                edit((a) => {
                  a.settlement = s.name;
                  a.settlement_type = s.type ?? '';
                  a.settlement_id = s.id;
                  a.area = s.region || a.area;
                  if (s.district) a.region = s.district;
                  else delete a.region;
                });
                clearSettlements(index);
              }}
            />
          </>
        )
      )}
    </>
  );
}

/** The street inside the chosen settlement: the chosen one with "change", or a search by name. */
export function StreetField({ index, address, edit }: AddressPartProps) {
  const { t, valueOf } = useEdit();
  const streets = useAddressesStore((s) => s.lookups[index]?.streets.data ?? null);
  const busy = useAddressesStore((s) => lookupBusy(s.lookups[index]));
  const { searchStreets, clearStreets } = useAddressesStore.getState();
  const query = `q:addresses.${index}.street`;
  const search = () => {
    const text = valueOf(query).trim();
    if (text && address.settlement_id) void searchStreets(index, address.settlement_id, text);
  };
  const chosen = [
    address.street_type ? codeLabel(t, 'person.street.', address.street_type, 'person.none') : '',
    address.street,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <>
      <GroupErrors fieldKey={`addresses.${index}.street`} />
      {address.street ? (
        <div className="person-edit__row">
          <span data-private="">{t('personEdit.chosen', { value: chosen })}</span>
          <BigButton
            onClick={() =>
              edit((a) => {
                delete a.street;
                delete a.street_type;
              })
            }
          >
            {t('personEdit.changeChoice')} — {t('personEdit.street')}
          </BigButton>
        </div>
      ) : (
        <>
          <PersonField fieldKey={query} label={t('personEdit.streetSearch')} codec={textCodec('uk', 100)} />
          <BigButton onClick={search} disabled={busy}>
            {t('personEdit.search')} — {t('personEdit.street')}
          </BigButton>
          <Results
            items={streets}
            label={(s) =>
              [s.type ? codeLabel(t, 'person.street.', s.type, 'person.none') : '', s.name]
                .filter(Boolean)
                .join(' ')
            }
            onChoose={(s) => {
              edit((a) => {
                a.street = s.name;
                if (s.type && (STREET_TYPES as readonly string[]).includes(s.type)) a.street_type = s.type;
                else delete a.street_type;
              });
              clearStreets(index);
            }}
          />
        </>
      )}
    </>
  );
}

/** Building, apartment and postcode: typed. */
export function BuildingFields({ index }: { index: number }) {
  const { t } = useEdit();
  const at = (f: string) => `addresses.${index}.${f}`;
  return (
    <>
      <PersonField fieldKey={at('building')} label={t('personEdit.building')} codec={textCodec('uk', 20)} />
      <PersonField
        fieldKey={at('apartment')}
        label={t('personEdit.optional', { label: t('personEdit.apartment') })}
        codec={textCodec('uk', 20)}
      />
      <PersonField
        fieldKey={at('zip')}
        label={t('personEdit.optional', { label: t('personEdit.zip') })}
        codec={digitsCodec(5)}
      />
    </>
  );
}

function Results<T extends { id: string }>({
  items,
  label,
  onChoose,
}: {
  items: T[] | null;
  label: (item: T) => string;
  onChoose: (item: T) => void;
}) {
  const { t } = useEdit();
  if (items === null) return null;
  if (!items.length) return <p role="status">{t('personEdit.noResults')}</p>;
  return (
    <ul className="person-edit__results" aria-label={t('personEdit.results')}>
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" className="person-edit__result" onClick={() => onChoose(item)}>
            {label(item)}
          </button>
        </li>
      ))}
    </ul>
  );
}
