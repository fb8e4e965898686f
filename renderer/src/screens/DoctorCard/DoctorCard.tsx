import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { useDeclarationsStore } from '../../stores/declarations';
import { useDoctorsStore } from '../../stores/doctors';
import { useReceiptsStore } from '../../stores/receipts';
import { useUiStore } from '../../stores/ui';
import { ErrorNote, Facts } from '../Declarations/parts';
import { specialityText } from '../Declarations/texts';
import { notForAge, placesText } from '../DoctorSearch/DoctorSearch';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * A doctor's card: specialities, clinic, address, phones, working hours, free places. A signed-in
 * patient who may act chooses the doctor here (the wizard starts); without a session the kiosk
 * prints a note of the chosen doctor instead.
 */
export function DoctorCard() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const selected = useDoctorsStore((s) => s.selected);
  const context = useDoctorsStore((s) => s.context);
  const startWizard = useDeclarationsStore((s) => s.startWizard);
  const showReceipt = useReceiptsStore((s) => s.show);

  const d = selected.data;
  const full = d?.freePlaces !== null && d?.freePlaces !== undefined && d.freePlaces <= 0;
  const isCurrent = Boolean(d && context?.currentEmployeeId === d.employeeId);
  // a signed-in patient's age allows only some specialities (a pediatrician until 18, a therapist from 18)
  const ageRefusal =
    d?.speciality && context?.signedIn && !context.specialities.some((s) => s === d.speciality)
      ? notForAge(t, 'doctor', d.speciality)
      : null;
  // why this patient cannot choose the doctor here, and what to do instead (the first that applies)
  const refusal = !d
    ? null
    : isCurrent
      ? t('doctor.alreadyYours')
      : !context?.signedIn
        ? t('doctor.noSession')
        : !context.canDeclare
          ? t('doctor.viewOnly')
          : (ageRefusal ?? (full ? t('doctor.fullNote') : null));
  const canChoose = Boolean(context?.canDeclare) && refusal === null;
  // without a session, or without the right to sign here, the kiosk prints a note for the desk
  const offersNote = !isCurrent && (!context?.signedIn || !context.canDeclare);
  return (
    <div className="screen">
      <ScreenTitle>{d?.fullName ?? t('doctor.title')}</ScreenTitle>
      {selected.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {selected.error && <ErrorNote error={selected.error} language={language} />}
      {d && (
        <>
          <div className="cabinet__card">
            <Facts
              rows={[
                [
                  t('doctor.specialities'),
                  d.specialities.length
                    ? d.specialities
                        .map((s) =>
                          [specialityText(t, s.speciality), s.officio ? `(${t('doctor.main')})` : null]
                            .filter(Boolean)
                            .join(' '),
                        )
                        .join(', ')
                    : specialityText(t, d.speciality),
                ],
                [t('declarations.clinic'), d.divisionName],
                [t('declarations.provider'), d.legalEntityName],
                [t('declarations.address'), [d.settlement, d.address].filter(Boolean).join(', ')],
                [t('doctor.phones'), d.divisionPhones.join(', ')],
                [t('doctor.freePlaces'), placesText(t, d.freePlaces)],
                [
                  t('doctor.education'),
                  d.education
                    .map((e) => [e.institution, e.year].filter(Boolean).join(', '))
                    .filter(Boolean)
                    .join('; '),
                ],
                [
                  t('doctor.about'),
                  [
                    d.workingExperience !== null
                      ? t('doctor.experience', { count: d.workingExperience })
                      : null,
                    d.aboutMyself,
                  ]
                    .filter(Boolean)
                    .join('. '),
                ],
              ]}
            />
            <h2>{t('doctor.hours')}</h2>
            {Object.keys(d.workingHours).length === 0 ? (
              <p>{t('doctor.noHours')}</p>
            ) : (
              <table className="cabinet__hours">
                <tbody>
                  {DAYS.filter((day) => d.workingHours[day]?.length).map((day) => (
                    <tr key={day}>
                      <th scope="row">{t(`day.${day}`)}</th>
                      <td>
                        {(d.workingHours[day] ?? [])
                          .map(([from, to]) => t('doctor.hoursSpan', { from, to }))
                          .join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          {refusal && <p className="cabinet__note">{refusal}</p>}
          <div className="screen__actions">
            {canChoose && (
              <BigButton variant="primary" onClick={() => startWizard(d)}>
                {t('doctor.choose')}
              </BigButton>
            )}
            {offersNote && (
              <BigButton
                variant="primary"
                onClick={() =>
                  showReceipt({
                    source: { doctorNoteFor: d.employeeId },
                    kind: 'doctor-note',
                    state: null,
                    referenceCode: null,
                    operationId: null,
                    declarationNumber: null,
                  })
                }
              >
                {t('doctor.printNote')}
              </BigButton>
            )}
          </div>
        </>
      )}
      <div className="screen__actions">
        <BigButton onClick={() => goTo('doctorSearch')}>{t('doctor.back')}</BigButton>
      </div>
    </div>
  );
}
