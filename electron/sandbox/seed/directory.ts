import type { Db } from '../../core/db';
import { addDays, isoDate } from '../time';
import { PRIVATE_BRANDS, REGION_WEIGHTS } from './directory-data';
import { seedDoctors } from './doctors';
import { SeedKit, type DirectoryCounts } from './kit';
import type { Geography, GeoSettlement } from './geography';
import { randomName } from './names';
import type { Prng } from './prng';

export interface DirectoryProfile {
  legalEntities: number;
  divisionsPerLegalEntity: readonly [number, number];
  doctorsPerDivision: readonly [number, number];
}

export type { DirectoryCounts } from './kit';

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
  const kit = Object.assign(new SeedKit(db, rnd, seedTime), { doctorIndex: 0 });
  const { counts } = kit;
  const stamps = () => kit.stamps();
  const phone = (type?: 'MOBILE' | 'LAND_LINE') => kit.phone(type);
  const date = (min: number, max: number) => kit.date(min, max);

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
    let brandName = '';
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
      name = `Товариство з обмеженою відповідальністю «Медичний центр «${brand}»»`;
      shortName = `ТОВ «МЦ «${brand}»»`;
      brandName = brand;
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
    kit.insert.legalEntity.run(
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
    kit.insert.party.run(
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
    kit.insert.employee.run(
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
              ? `Медичний центр «${brandName}», ${where}`
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
      kit.insert.division.run(divId, leId, divStatus, division.updated_at, JSON.stringify(division));
      counts.divisions += 1;
      if (type !== 'OUTPATIENT' && status !== 'CLOSED') {
        const contractStamps = stamps();
        kit.insert.contractDivision.run(
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

      seedDoctors(kit, {
        legalEntityId: leId,
        divisionId: divId,
        divisionType: divType,
        solePractice: kind === 'fop',
        doctors: divType === 'FAP' ? 1 : rnd.int(...profile.doctorsPerDivision),
      });
    }
  }
  return counts;
}
