import { useEffect, useState } from 'react';
import type { AddressDraft, PersonDraft, Settlement, Street } from '#shared/contract/person';
import type { KioskError } from '#shared/result';
import { STREET_TYPES } from '#shared/rules/person/index';
import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { errorText } from '../../i18n/errors';
import { callKiosk } from '../../kiosk/call';
import { usePersonStore } from '../../stores/person';
import { useUiStore } from '../../stores/ui';
import { addressLine, codeLabel } from '../PersonData/labels';
import { digitsCodec, textCodec } from './codecs';
import { GroupErrors, PersonField, useEdit } from './EditContext';

type Region = { id: string; name: string };

/**
 * The addresses: exactly one where the patient lives, optionally the registered one. A settlement
 * and a street are picked from the address register (region → settlement by name → street by
 * name), so eHealth gets the register's ids and spellings; the building, apartment and postcode
 * are typed.
 */
export function AddressesSection({ draft }: { draft: PersonDraft }) {
  const { t } = useEdit();
  const update = usePersonStore((s) => s.updateDraft);
  const [regions, setRegions] = useState<Region[] | null>(null);
  const [regionsError, setRegionsError] = useState<KioskError | null>(null);
  const language = useUiStore((s) => s.language);

  useEffect(() => {
    let live = true;
    void callKiosk((b) => b.api.personAddressRegions({})).then((r) => {
      if (!live) return;
      if (r.ok) setRegions(r.value.regions);
      else setRegionsError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const hasRegistration = draft.addresses.some((a) => a.type === 'REGISTRATION');
  return (
    <>
      <GroupErrors fieldKey="addresses" />
      {regionsError && <p role="alert">{errorText(language, regionsError)}</p>}
      {draft.addresses.map((a, i) => (
        <AddressEditor key={i} index={i} address={a} regions={regions} />
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
  regions: Region[] | null;
}) {
  const { t, valueOf } = useEdit();
  const language = useUiStore((s) => s.language);
  const update = usePersonStore((s) => s.updateDraft);
  const at = (f: string) => `addresses.${index}.${f}`;
  const edit = (change: (a: AddressDraft) => void) =>
    update((p) => {
      const a = p.addresses[index];
      if (a) change(a);
    });
  const [settlements, setSettlements] = useState<Settlement[] | null>(null);
  const [streets, setStreets] = useState<Street[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  const title = codeLabel(t, 'person.address.', address.type, 'person.section.addresses');
  const settlementQuery = `q:${at('settlement')}`;
  const streetQuery = `q:${at('street')}`;

  const searchSettlements = async () => {
    const query = valueOf(settlementQuery).trim();
    if (!query || !address.area) return;
    setBusy(true);
    setError(null);
    const r = await callKiosk((b) => b.api.personAddressSettlements({ region: address.area, query }));
    setBusy(false);
    if (r.ok) setSettlements(r.value.settlements);
    else setError(r.error);
  };
  const searchStreets = async () => {
    const query = valueOf(streetQuery).trim();
    if (!query || !address.settlement_id) return;
    setBusy(true);
    setError(null);
    const r = await callKiosk((b) =>
      b.api.personAddressStreets({ settlementId: address.settlement_id, query }),
    );
    setBusy(false);
    if (r.ok) setStreets(r.value.streets);
    else setError(r.error);
  };
  const clearSettlement = (a: AddressDraft) => {
    a.settlement = '';
    a.settlement_type = '';
    a.settlement_id = '';
    delete a.region;
    delete a.street;
    delete a.street_type;
  };

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
              setSettlements(null);
              setStreets(null);
            }}
          />
        )}
      </div>

      <GroupErrors fieldKey={at('settlement_id')} />
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
              setStreets(null);
            }}
          >
            {t('personEdit.changeChoice')} — {t('personEdit.settlement')}
          </BigButton>
        </div>
      ) : (
        address.area && (
          <>
            <PersonField
              fieldKey={settlementQuery}
              label={t('personEdit.settlementSearch')}
              codec={textCodec('uk', 100)}
            />
            <BigButton onClick={() => void searchSettlements()} disabled={busy}>
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
                setSettlements(null);
              }}
            />
          </>
        )
      )}

      {address.settlement_id && (
        <>
          <GroupErrors fieldKey={at('street')} />
          {address.street ? (
            <div className="person-edit__row">
              <span data-private="">
                {t('personEdit.chosen', {
                  value: [
                    address.street_type
                      ? codeLabel(t, 'person.street.', address.street_type, 'person.none')
                      : '',
                    address.street,
                  ]
                    .filter(Boolean)
                    .join(' '),
                })}
              </span>
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
              <PersonField
                fieldKey={streetQuery}
                label={t('personEdit.streetSearch')}
                codec={textCodec('uk', 100)}
              />
              <BigButton onClick={() => void searchStreets()} disabled={busy}>
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
                    if (s.type && (STREET_TYPES as readonly string[]).includes(s.type))
                      a.street_type = s.type;
                    else delete a.street_type;
                  });
                  setStreets(null);
                }}
              />
            </>
          )}
          <PersonField
            fieldKey={at('building')}
            label={t('personEdit.building')}
            codec={textCodec('uk', 20)}
          />
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
