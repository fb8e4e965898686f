import type { Prng } from './prng';
import { REGIONS, STREET_NAMES, VILLAGE_NAMES } from './geography-data';

export interface GeoRegion {
  id: string;
  name: string;
  koatuu: string;
  clinics: boolean;
  lat: number;
  lon: number;
}

export interface GeoDistrict {
  id: string;
  regionId: string;
  name: string;
  koatuu: string;
}

export interface GeoSettlement {
  id: string;
  regionId: string;
  region: string;
  districtId: string | null;
  district: string | null;
  name: string;
  type: 'CITY' | 'TOWNSHIP' | 'VILLAGE' | 'SETTLEMENT';
  koatuu: string;
  mountainGroup: boolean;
  lat: number;
  lon: number;
}

export interface GeoStreet {
  id: string;
  settlementId: string;
  type: string;
  name: string;
}

export interface Geography {
  regions: GeoRegion[];
  districts: GeoDistrict[];
  settlements: GeoSettlement[];
  streets: GeoStreet[];
}

export interface GeographyOptions {
  villagesPerDistrict: number;
  streetsPerCity: number;
  streetsPerVillage: number;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Regions, districts and towns from the facts table, plus generated villages and streets. */
export function generateGeography(rnd: Prng, opts: GeographyOptions): Geography {
  const geo: Geography = { regions: [], districts: [], settlements: [], streets: [] };
  const addStreets = (settlementId: string, count: number) => {
    const pool = [...STREET_NAMES];
    for (let i = 0; i < count && pool.length > 0; i++) {
      const [type, name] = pool.splice(rnd.int(0, pool.length - 1), 1)[0] as readonly [string, string];
      geo.streets.push({ id: rnd.uuid(), settlementId, type, name });
    }
  };
  const near = (r: GeoRegion, spread: number) => ({
    lat: round(r.lat + (rnd.next() - 0.5) * spread, 6),
    lon: round(r.lon + (rnd.next() - 0.5) * spread * 1.6, 6),
  });

  for (const src of REGIONS) {
    const region: GeoRegion = {
      id: rnd.uuid(),
      name: src.name,
      koatuu: `${src.koatuu}00000000`,
      clinics: src.clinics,
      lat: src.lat,
      lon: src.lon,
    };
    geo.regions.push(region);
    if (src.districts.length === 0) {
      // a city with the status of a region: one settlement, no districts
      const city = src.name.replace(/^м\./, '');
      const id = rnd.uuid();
      geo.settlements.push({
        id,
        regionId: region.id,
        region: region.name,
        districtId: null,
        district: null,
        name: city,
        type: 'CITY',
        koatuu: `${src.koatuu}10000000`,
        mountainGroup: false,
        lat: src.lat,
        lon: src.lon,
      });
      addStreets(id, STREET_NAMES.length);
      continue;
    }
    src.districts.forEach((line, di) => {
      const [head, towns = ''] = line.split(':');
      const mountain = (head as string).endsWith('^');
      const districtName = (head as string).replace('^', '').trim();
      const dKoatuu = `${src.koatuu}2${String(di + 1).padStart(2, '0')}`;
      const district: GeoDistrict = {
        id: rnd.uuid(),
        regionId: region.id,
        name: districtName,
        koatuu: `${dKoatuu}00000`,
      };
      geo.districts.push(district);
      const centre = near(region, 1.6);
      const names = new Set<string>();
      let n = 0;
      const add = (name: string, type: GeoSettlement['type']) => {
        if (names.has(name)) return;
        names.add(name);
        n += 1;
        const id = rnd.uuid();
        const spot =
          type === 'CITY' && n === 1
            ? centre
            : {
                lat: round(centre.lat + (rnd.next() - 0.5) * 0.6, 6),
                lon: round(centre.lon + (rnd.next() - 0.5) * 0.9, 6),
              };
        geo.settlements.push({
          id,
          regionId: region.id,
          region: region.name,
          districtId: district.id,
          district: districtName,
          name,
          type,
          koatuu: `${dKoatuu}${String(n).padStart(5, '0')}`,
          mountainGroup: mountain && type !== 'CITY',
          ...spot,
        });
        addStreets(id, type === 'CITY' ? opts.streetsPerCity : opts.streetsPerVillage);
      };
      towns
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
        .forEach((t) => add(t.replace('*', ''), t.endsWith('*') ? 'TOWNSHIP' : 'CITY'));
      for (let i = 0; i < opts.villagesPerDistrict; i++)
        add(rnd.pick(VILLAGE_NAMES), rnd.chance(0.1) ? 'SETTLEMENT' : 'VILLAGE');
    });
  }
  return geo;
}
