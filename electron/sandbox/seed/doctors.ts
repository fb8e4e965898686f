import { addDays, isoDate } from '../time';
import { MEDICAL_SCHOOLS, SPECIALITY_INFO, type Speciality } from './directory-data';
import type { SeedKit } from './kit';
import { randomName } from './names';

export interface DoctorPlace {
  legalEntityId: string;
  divisionId: string;
  divisionType: string;
  /** a sole practitioner (ФОП) employs family doctors only */
  solePractice: boolean;
  doctors: number;
}

const ABOUT = [
  'Працюю з дорослими та дітьми, веду хронічних пацієнтів.',
  'Спеціалізуюся на профілактиці та вакцинації.',
  'Маю досвід роботи в сільській амбулаторії.',
  'Уважно ставлюся до пацієнтів з цукровим діабетом і гіпертензією.',
];

/**
 * Doctors of one division: party (education, qualification, speciality), employee, a healthcare
 * service per speciality and the employee role. Every 17th doctor's list is full, every 41st dismissed.
 */
export function seedDoctors(kit: SeedKit & { doctorIndex: number }, place: DoctorPlace): void {
  const { rnd, seedTime } = kit;
  const leId = place.legalEntityId;
  const divId = place.divisionId;
  const divType = place.divisionType;
  const services = new Map<Speciality, string>();
  const doctors = place.doctors;
  for (let k = 0; k < doctors; k++) {
    kit.doctorIndex += 1;
    const doctorIndex = kit.doctorIndex;
    const speciality: Speciality =
      divType === 'FAP' || place.solePractice
        ? 'FAMILY_DOCTOR'
        : rnd.weighted([
            ['FAMILY_DOCTOR', 55],
            ['THERAPIST', 25],
            ['PEDIATRICIAN', 20],
          ] as const);
    const info = SPECIALITY_INFO[speciality];
    const person = randomName(rnd, rnd.chance(0.72) ? 'FEMALE' : 'MALE');
    const yearOfBirth = rnd.int(seedTime.getUTCFullYear() - 68, seedTime.getUTCFullYear() - 27);
    const graduated = `${yearOfBirth + rnd.int(23, 26)}-06-${String(rnd.int(20, 30))}`;
    const [schoolCity, school] = rnd.pick(MEDICAL_SCHOOLS);
    const attestation = kit.date(0, 4);
    const specialityObj = {
      speciality,
      speciality_officio: true,
      level: rnd.pick(['FIRST', 'SECOND', 'HIGHEST', 'SPECIALIST']),
      qualification_type: rnd.pick(['AWARDING', 'CONFIRMATION']),
      attestation_name: school,
      attestation_date: attestation,
      valid_to_date: isoDate(addDays(new Date(attestation), 5 * 365)),
      certificate_number: `${rnd.int(100, 999)}/${rnd.int(10, 99)}`,
    };
    const educations = [
      {
        country: 'UA',
        city: schoolCity,
        institution_name: school,
        issued_date: graduated,
        diploma_number: `${rnd.pick(['ВК', 'КВ', 'ХА', 'ЛВ'])}${rnd.digits(8)}`,
        degree: rnd.pick(['MASTER', 'SPECIALIST']),
        speciality: info.education,
      },
    ];
    const qualifications = [
      {
        type: 'SPECIALIZATION',
        institution_name: school,
        speciality: info.qualification,
        issued_date: `${yearOfBirth + rnd.int(25, 28)}-06-30`,
        certificate_number: `${rnd.int(1000, 99999)}`,
      },
    ];
    const partyId = rnd.uuid();
    const partyStamps = kit.stamps();
    const party: Record<string, unknown> = {
      id: partyId,
      ...person,
      year_of_birth: String(yearOfBirth),
      ...partyStamps,
      educations,
      qualifications,
      specialities: [specialityObj],
      working_experience: seedTime.getUTCFullYear() - yearOfBirth - 25,
      verification_status: rnd.chance(0.95) ? 'VERIFIED' : 'VERIFICATION_NEEDED',
    };
    if (rnd.chance(0.3)) party.about_myself = rnd.pick(ABOUT);
    const full = doctorIndex % 17 === 5 || rnd.chance(0.04);
    const base = full ? info.limit : Math.floor(info.limit * (0.1 + 0.85 * Math.pow(rnd.next(), 0.7)));
    kit.insert.party.run(partyId, info.limit, base, partyStamps.updated_at, JSON.stringify(party));
    kit.counts.parties += 1;

    const dismissed = doctorIndex % 41 === 7;
    const endDate = dismissed ? `${isoDate(addDays(seedTime, -rnd.int(10, 300)))}T00:00:00.000Z` : null;
    const empId = rnd.uuid();
    const empStamps = kit.stamps();
    const startDate = `${kit.date(1, 12)}T00:00:00.000Z`;
    const employee = {
      id: empId,
      position: info.position,
      status: dismissed ? 'DISMISSED' : 'APPROVED',
      employee_type: 'DOCTOR',
      is_active: !dismissed,
      start_date: startDate,
      ...(endDate ? { end_date: endDate, status_reason: 'manual_employee' } : {}),
      legal_entity_id: leId,
      division_id: divId,
      party_id: partyId,
      ...empStamps,
      speciality: specialityObj,
    };
    kit.insert.employee.run(
      empId,
      partyId,
      leId,
      divId,
      employee.status,
      'DOCTOR',
      speciality,
      info.position,
      empStamps.updated_at,
      JSON.stringify(employee),
    );
    kit.counts.doctors += 1;

    let serviceId = services.get(speciality);
    if (!serviceId) {
      serviceId = rnd.uuid();
      services.set(speciality, serviceId);
      const hsStamps = kit.stamps();
      kit.insert.healthcareService.run(
        serviceId,
        divId,
        hsStamps.updated_at,
        JSON.stringify({
          id: serviceId,
          legal_entity_id: leId,
          division_id: divId,
          speciality_type: speciality,
          providing_condition: 'OUTPATIENT',
          category: { coding: [{ system: 'HEALTHCARE_SERVICE_CATEGORIES', code: 'MSP' }] },
          status: 'ACTIVE',
          is_active: true,
          coverage_area: [],
          available_time: [
            {
              days_of_week: ['mon', 'tue', 'wed', 'thu', 'fri'],
              all_day: false,
              available_start_time: '08:00:00',
              available_end_time: '17:00:00',
            },
          ],
          not_available: [],
          license_id: rnd.uuid(),
          ...hsStamps,
        }),
      );
      kit.counts.healthcareServices += 1;
    }
    const roleId = rnd.uuid();
    const roleStamps = kit.stamps();
    kit.insert.employeeRole.run(
      roleId,
      empId,
      serviceId,
      roleStamps.updated_at,
      JSON.stringify({
        id: roleId,
        healthcare_service_id: serviceId,
        employee_id: empId,
        start_date: startDate,
        ...(endDate ? { end_date: endDate } : {}),
        status: dismissed ? 'INACTIVE' : 'ACTIVE',
        ...roleStamps,
      }),
    );
  }
}
