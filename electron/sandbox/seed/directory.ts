import type { Db } from '../../core/db/database';
import { addDays, isoDate, isoDateTime } from '../time';
import {
  MEDICAL_SCHOOLS,
  MOBILE_CODES,
  PRIVATE_BRANDS,
  REGION_WEIGHTS,
  SPECIALITY_INFO,
  type Speciality,
} from './directory-data';
import type { Geography, GeoSettlement } from './geography';
import { randomName } from './names';
import type { Prng } from './prng';

export interface DirectoryProfile {
  legalEntities: number;
  divisionsPerLegalEntity: readonly [number, number];
  doctorsPerDivision: readonly [number, number];
}

export interface DirectoryCounts {
  legalEntities: number;
  divisions: number;
  doctors: number;
  parties: number;
  healthcareServices: number;
}

type Address = Record<string, string>;

const SETTLEMENT_PREFIX: Record<GeoSettlement['type'], string> = {
  CITY: 'м.',
  TOWNSHIP: 'смт',
  VILLAGE: 'с.',
  SETTLEMENT: 'с-ще',
};

/**
 * Generates the national directory (legal entities, divisions, doctors, healthcare services,
 * employee roles, contracts) and inserts it. Call inside one transaction: bulk inserts are fast.
 */
export function seedDirectory(
  db: Db,
  rnd: Prng,
  geo: Geography,
  profile: DirectoryProfile,
  seedTime: Date,
): DirectoryCounts {
  const counts: DirectoryCounts = {
    legalEntities: 0,
    divisions: 0,
    doctors: 0,
    parties: 0,
    healthcareServices: 0,
  };
  const insLe = db.prepare(
    'INSERT INTO legal_entities (id, type, status, is_active, updated_at, doc, license) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insDiv = db.prepare(
    'INSERT INTO divisions (id, legal_entity_id, status, updated_at, doc) VALUES (?, ?, ?, ?, ?)',
  );
  const insParty = db.prepare(
    'INSERT INTO parties (id, declarations_limit, declarations_base_count, updated_at, doc) VALUES (?, ?, ?, ?, ?)',
  );
  const insEmp = db.prepare(
    'INSERT INTO employees (id, party_id, legal_entity_id, division_id, status, employee_type, speciality, position, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insHs = db.prepare(
    'INSERT INTO healthcare_services (id, division_id, updated_at, doc) VALUES (?, ?, ?, ?)',
  );
  const insRole = db.prepare(
    'INSERT INTO employee_roles (id, employee_id, healthcare_service_id, updated_at, doc) VALUES (?, ?, ?, ?, ?)',
  );
  const insContract = db.prepare(
    'INSERT INTO contract_divisions (contract_id, division_id, changed_at, doc) VALUES (?, ?, ?, ?)',
  );

  const streetsBySettlement = new Map<string, { type: string; name: string }[]>();
  for (const s of geo.streets) {
    const list = streetsBySettlement.get(s.settlementId) ?? [];
    list.push(s);
    streetsBySettlement.set(s.settlementId, list);
  }
  const settlementsByRegion = new Map<string, GeoSettlement[]>();
  for (const s of geo.settlements) {
    const list = settlementsByRegion.get(s.regionId) ?? [];
    list.push(s);
    settlementsByRegion.set(s.regionId, list);
  }
  const regionWeights = geo.regions
    .filter((r) => r.clinics)
    .map((r) => [r, REGION_WEIGHTS[r.name] ?? 2] as const);

  /** inserted/updated stamps: most rows old, some changed in the last days (for `depth`). */
  const stamps = () => {
    const bucket = rnd.next();
    const updatedAgo = bucket < 0.05 ? rnd.int(0, 6) : bucket < 0.15 ? rnd.int(7, 30) : rnd.int(31, 900);
    const updated = new Date(seedTime.getTime() - updatedAgo * 86_400_000 - rnd.int(0, 86_399) * 1000);
    const inserted = addDays(updated, -rnd.int(0, 1500));
    return { inserted_at: isoDateTime(inserted), updated_at: isoDateTime(updated) };
  };
  const phone = (type: 'MOBILE' | 'LAND_LINE' = 'MOBILE') => ({
    type,
    number: `+380${rnd.pick(MOBILE_CODES)}${rnd.digits(7)}`,
  });
  const addressIn = (s: GeoSettlement, type: string): Address => {
    const street = rnd.pick(streetsBySettlement.get(s.id) ?? [{ type: 'STREET', name: 'Центральна' }]);
    const a: Address = { type, country: 'UA', area: s.region };
    if (s.district) a.region = s.district;
    Object.assign(a, {
      settlement: s.name,
      settlement_type: s.type,
      settlement_id: s.id,
      street_type: street.type,
      street: street.name,
      building: `${rnd.int(1, 120)}${rnd.chance(0.15) ? rnd.pick(['А', 'Б', '/2']) : ''}`,
      zip: `${rnd.int(1, 99).toString().padStart(2, '0')}${rnd.digits(3)}`,
    });
    return a;
  };
  const workingHours = () => {
    const split = rnd.chance(0.3);
    const day = split
      ? [
          ['08.00', '13.00'],
          ['14.00', '18.00'],
        ]
      : [[rnd.pick(['07.30', '08.00', '08.30']), rnd.pick(['16.00', '17.00', '18.00', '19.00'])]];
    const wh: Record<string, string[][]> = { mon: day, tue: day, wed: day, thu: day, fri: day };
    if (rnd.chance(0.4)) wh.sat = [['09.00', '13.00']];
    return wh;
  };
  const date = (yearsAgoMin: number, yearsAgoMax: number) =>
    isoDate(addDays(seedTime, -rnd.int(yearsAgoMin * 365, yearsAgoMax * 365)));

  let doctorIndex = 0;
  for (let li = 0; li < profile.legalEntities; li++) {
    const region = rnd.weighted(regionWeights);
    const settlements = settlementsByRegion.get(region.id) ?? [];
    const towns = settlements.filter((s) => s.type === 'CITY');
    const home = rnd.pick(towns.length > 0 ? towns : settlements);
    // fixed positions guarantee every kind of entity even in the small seed
    const status =
      li === 1
        ? 'SUSPENDED'
        : li === 2
          ? 'CLOSED'
          : rnd.weighted([
              ['ACTIVE', 90],
              ['SUSPENDED', 5],
              ['CLOSED', 5],
            ] as const);
    const type =
      li === 3
        ? 'OUTPATIENT'
        : li === 4
          ? 'MSP'
          : rnd.weighted([
              ['PRIMARY_CARE', 88],
              ['MSP', 4],
              ['OUTPATIENT', 8],
            ] as const);
    const kind =
      li === 5
        ? 'fop'
        : rnd.weighted([
            ['communal', 70],
            ['private', 20],
            ['fop', 10],
          ] as const);
    let name: string;
    let shortName: string;
    let legalForm: string;
    let edrpou: string;
    if (kind === 'communal') {
      const n = rnd.int(1, 12);
      name = home.district
        ? `Комунальне некомерційне підприємство «${home.district} центр первинної медичної допомоги №${n}»`
        : `Комунальне некомерційне підприємство «Центр первинної медико-санітарної допомоги №${n} м. ${home.name}»`;
      shortName = home.district ? `КНП «${home.district} ЦПМД №${n}»` : `КНП «ЦПМСД №${n}»`;
      legalForm = '430';
      edrpou = rnd.digits(8);
    } else if (kind === 'private') {
      const brand = rnd.pick(PRIVATE_BRANDS);
      name = `Товариство з обмеженою відповідальністю «Медичний центр «${brand}»`;
      shortName = `ТОВ «МЦ «${brand}»`;
      legalForm = '240';
      edrpou = rnd.digits(8);
    } else {
      const owner = randomName(rnd);
      name = `Фізична особа-підприємець ${owner.last_name} ${owner.first_name} ${owner.second_name}`;
      shortName = `ФОП ${owner.last_name} ${owner.first_name[0]}. ${owner.second_name[0]}.`;
      legalForm = '940';
      edrpou = rnd.digits(10);
    }
    const leId = rnd.uuid();
    const leStamps = stamps();
    const leAddress = addressIn(home, 'REGISTRATION');
    const accreditationDate = date(1, 6);
    const le = {
      id: leId,
      name,
      short_name: shortName,
      public_name: shortName,
      status,
      type,
      owner_property_type: kind === 'communal' ? 'STATE' : 'PRIVATE',
      legal_form: legalForm,
      edrpou,
      kveds: type === 'OUTPATIENT' ? ['86.22'] : ['86.21'],
      addresses: [leAddress],
      residence_address: { ...leAddress, type: 'RESIDENCE' },
      phones: [phone('LAND_LINE')],
      email: `office${li + 1}@clinic${li + 1}.example`,
      is_active: status !== 'CLOSED',
      ...(status === 'SUSPENDED'
        ? { status_reason: 'AUTO_SUSPEND' }
        : status === 'CLOSED'
          ? { status_reason: 'MANUAL_LEGAL_ENTITY_STATUS_UPDATE' }
          : {}),
      ...leStamps,
      accreditation: {
        category: rnd.pick(['FIRST', 'SECOND', 'HIGHEST', 'NO_ACCREDITATION']),
        issued_date: accreditationDate,
        expiry_date: isoDate(addDays(new Date(accreditationDate), 3 * 365)),
        order_no: `${rnd.int(100, 2999)}`,
        order_date: accreditationDate,
      },
    };
    const licenseDate = date(2, 10);
    const license = {
      type: 'MSP',
      license_number: `${rnd.int(10, 99)}-${rnd.int(1000, 9999)}`,
      issued_by: 'Міністерство охорони здоровʼя України',
      issued_date: licenseDate,
      active_from_date: licenseDate,
      what_licensed: 'Медична практика',
      order_no: `${rnd.int(100, 2999)}`,
    };
    insLe.run(
      leId,
      type,
      status,
      le.is_active ? 1 : 0,
      le.updated_at,
      JSON.stringify(le),
      JSON.stringify(license),
    );
    counts.legalEntities += 1;

    const owner = randomName(rnd);
    const ownerPartyId = rnd.uuid();
    const ownerStamps = stamps();
    insParty.run(
      ownerPartyId,
      0,
      0,
      ownerStamps.updated_at,
      JSON.stringify({
        id: ownerPartyId,
        ...owner,
        year_of_birth: String(rnd.int(1955, 1990)),
        ...ownerStamps,
        educations: [],
        specialities: [],
        verification_status: 'VERIFIED',
      }),
    );
    counts.parties += 1;
    const ownerEmpId = rnd.uuid();
    insEmp.run(
      ownerEmpId,
      ownerPartyId,
      leId,
      null,
      'APPROVED',
      'OWNER',
      null,
      'P1',
      ownerStamps.updated_at,
      JSON.stringify({
        id: ownerEmpId,
        position: 'P1',
        status: 'APPROVED',
        employee_type: 'OWNER',
        is_active: true,
        start_date: `${date(2, 10)}T00:00:00.000Z`,
        legal_entity_id: leId,
        party_id: ownerPartyId,
        ...ownerStamps,
      }),
    );

    const contractId = rnd.uuid();
    const contractYear = seedTime.getUTCFullYear();
    const divisionsCount = kind === 'fop' ? 1 : rnd.int(...profile.divisionsPerLegalEntity);
    for (let di = 0; di < divisionsCount; di++) {
      const place = di === 0 ? home : rnd.pick(settlements);
      const divType =
        di === 0
          ? kind === 'fop'
            ? 'AMBULANT_CLINIC'
            : 'CLINIC'
          : place.type === 'VILLAGE' && rnd.chance(0.4)
            ? 'FAP'
            : 'AMBULANT_CLINIC';
      const where = `${SETTLEMENT_PREFIX[place.type]} ${place.name}`;
      const divName =
        divType === 'FAP'
          ? `Фельдшерсько-акушерський пункт ${where}`
          : divType === 'CLINIC'
            ? kind === 'private'
              ? `${shortName.replace('ТОВ ', '')}, ${where}`
              : `Центральна амбулаторія ${where}`
            : `Амбулаторія загальної практики сімейної медицини №${di} ${where}`;
      const divId = rnd.uuid();
      const divStatus = di > 0 && rnd.chance(0.03) ? 'INACTIVE' : 'ACTIVE';
      const divStamps = stamps();
      const division = {
        id: divId,
        external_id: String(rnd.int(100000, 9999999)),
        name: divName,
        type: divType,
        mountain_group: place.mountainGroup,
        phones: [phone(rnd.chance(0.5) ? 'LAND_LINE' : 'MOBILE')],
        email: `division${di + 1}@clinic${li + 1}.example`,
        ...divStamps,
        legal_entity_id: leId,
        location: {
          latitude: Math.round((place.lat + (rnd.next() - 0.5) * 0.02) * 1e6) / 1e6,
          longitude: Math.round((place.lon + (rnd.next() - 0.5) * 0.03) * 1e6) / 1e6,
        },
        status: divStatus,
        is_active: divStatus === 'ACTIVE',
        working_hours: workingHours(),
        dls_id: String(rnd.int(1000000, 9999999)),
        dls_verified: rnd.chance(0.9),
        addresses: [addressIn(place, 'RESIDENCE')],
      };
      insDiv.run(divId, leId, divStatus, division.updated_at, JSON.stringify(division));
      counts.divisions += 1;
      if (type !== 'OUTPATIENT' && status !== 'CLOSED') {
        const contractStamps = stamps();
        insContract.run(
          contractId,
          divId,
          contractStamps.updated_at,
          JSON.stringify({
            contract_id: contractId,
            changed_at: contractStamps.updated_at,
            division_id: divId,
            contract_status: status === 'ACTIVE' ? 'VERIFIED' : 'SUSPENDED',
            contract_start_date: `${contractYear}-01-01`,
            contract_end_date: `${contractYear}-12-31`,
            contract_division_status: divStatus === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE',
          }),
        );
      }

      const services = new Map<Speciality, string>();
      const doctors = divType === 'FAP' ? 1 : rnd.int(...profile.doctorsPerDivision);
      for (let k = 0; k < doctors; k++) {
        doctorIndex += 1;
        const speciality: Speciality =
          divType === 'FAP' || kind === 'fop'
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
        const attestation = date(0, 4);
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
        const partyStamps = stamps();
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
        if (rnd.chance(0.3))
          party.about_myself = rnd.pick([
            'Працюю з дорослими та дітьми, веду хронічних пацієнтів.',
            'Спеціалізуюся на профілактиці та вакцинації.',
            'Маю досвід роботи в сільській амбулаторії.',
            'Уважно ставлюся до пацієнтів з цукровим діабетом і гіпертензією.',
          ]);
        const full = doctorIndex % 17 === 5 || rnd.chance(0.04);
        const base = full ? info.limit : Math.floor(info.limit * (0.1 + 0.85 * Math.pow(rnd.next(), 0.7)));
        insParty.run(partyId, info.limit, base, partyStamps.updated_at, JSON.stringify(party));
        counts.parties += 1;

        const dismissed = doctorIndex % 41 === 7;
        const empId = rnd.uuid();
        const empStamps = stamps();
        const startDate = `${date(1, 12)}T00:00:00.000Z`;
        const employee = {
          id: empId,
          position: info.position,
          status: dismissed ? 'DISMISSED' : 'APPROVED',
          employee_type: 'DOCTOR',
          is_active: !dismissed,
          start_date: startDate,
          ...(dismissed
            ? {
                end_date: `${isoDate(addDays(seedTime, -rnd.int(10, 300)))}T00:00:00.000Z`,
                status_reason: 'manual_employee',
              }
            : {}),
          legal_entity_id: leId,
          division_id: divId,
          party_id: partyId,
          ...empStamps,
          speciality: specialityObj,
        };
        insEmp.run(
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
        counts.doctors += 1;

        let serviceId = services.get(speciality);
        if (!serviceId) {
          serviceId = rnd.uuid();
          services.set(speciality, serviceId);
          const hsStamps = stamps();
          insHs.run(
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
          counts.healthcareServices += 1;
        }
        const roleId = rnd.uuid();
        const roleStamps = stamps();
        insRole.run(
          roleId,
          empId,
          serviceId,
          roleStamps.updated_at,
          JSON.stringify({
            id: roleId,
            healthcare_service_id: serviceId,
            employee_id: empId,
            start_date: startDate,
            ...(dismissed ? { end_date: employee.end_date } : {}),
            status: dismissed ? 'INACTIVE' : 'ACTIVE',
            ...roleStamps,
          }),
        );
      }
    }
  }
  return counts;
}
