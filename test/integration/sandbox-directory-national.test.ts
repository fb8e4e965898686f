import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { call, TEST_KEYS_DIR } from './sandbox-helpers';

// One national-scale sandbox for the whole file: the directory endpoints at full size.
let sb: SandboxHandle;
const base = Date.parse('2026-08-03T12:00:00.000Z');

beforeAll(async () => {
  sb = await startSandbox({ keysCacheDir: TEST_KEYS_DIR, seed: 'national', now: () => new Date(base) });
}, 180_000);
afterAll(async () => {
  await sb?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bulk rows are read as JSON
type Bulk = { status: number; rows: any[]; meta: any; body: any };
const fullDumps = new Map<string, Bulk>();
/** Full dumps are fetched once per file (tens of megabytes); filtered ones every time. */
const bulk = async (what: string, query = ''): Promise<Bulk> => {
  const cached = query === '' ? fullDumps.get(what) : undefined;
  if (cached) return cached;
  const r = await call(sb, 'GET', `/api/pis/bulk/${what}${query}`);
  const result = {
    status: r.status,
    rows: r.status === 200 ? r.body.data : [],
    meta: r.body?.meta,
    body: r.body,
  };
  if (query === '' && r.status === 200) fullDumps.set(what, result);
  return result;
};

describe('national directory (bulk replication)', { timeout: 180_000 }, () => {
  it('has at least 1,500 legal entities, some suspended or closed', async () => {
    const { rows, meta } = await bulk('legal_entities');
    expect(meta).toMatchObject({ code: 200, type: 'list', date: new Date(base).toISOString() });
    expect(rows.length).toBeGreaterThanOrEqual(1500);
    const statuses = new Set(rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['ACTIVE', 'CLOSED', 'SUSPENDED']);
    expect(rows.filter((r) => r.status === 'CLOSED').every((r) => r.is_active === false)).toBe(true);
    expect(rows.every((r) => r.residence_address?.settlement_id && r.edrpou && r.public_name)).toBe(true);
  });

  it('has at least 9,000 divisions with coordinates and working hours in every oblast', async () => {
    const { rows } = await bulk('divisions');
    expect(rows.length).toBeGreaterThanOrEqual(9000);
    expect(
      rows.every(
        (d) => typeof d.location?.latitude === 'number' && typeof d.location?.longitude === 'number',
      ),
    ).toBe(true);
    expect(rows.every((d) => Array.isArray(d.working_hours?.mon) && d.working_hours.mon.length > 0)).toBe(
      true,
    );
    expect(
      rows.every(
        (d) =>
          d.location.latitude > 44 &&
          d.location.latitude < 53 &&
          d.location.longitude > 21 &&
          d.location.longitude < 41,
      ),
    ).toBe(true);
    const areas = new Set(rows.map((d) => d.addresses[0].area));
    expect(areas.size).toBe(25);
    const regions = await call(sb, 'GET', '/api/uaddresses/regions?page_size=100');
    const withClinics = regions.body.data
      .map((r: { region: string }) => r.region)
      .filter((r: string) => areas.has(r));
    expect(withClinics).toHaveLength(25);
    const settlements = new Set(rows.map((d) => d.addresses[0].settlement_id));
    expect(settlements.size).toBeGreaterThan(1000);
  });

  it('has at least 30,000 doctors across the three specialities, some dismissed, with realistic limits (some full)', async () => {
    const { rows } = await bulk('employees');
    const doctors = rows.filter((e) => e.employee_type === 'DOCTOR');
    expect(doctors.length).toBeGreaterThanOrEqual(30_000);
    const bySpeciality = new Map<string, number>();
    for (const d of doctors)
      bySpeciality.set(d.speciality.speciality, (bySpeciality.get(d.speciality.speciality) ?? 0) + 1);
    expect([...bySpeciality.keys()].sort()).toEqual(['FAMILY_DOCTOR', 'PEDIATRICIAN', 'THERAPIST']);
    for (const n of bySpeciality.values()) expect(n).toBeGreaterThan(3000);
    expect(doctors.some((d) => d.status === 'DISMISSED' && d.is_active === false)).toBe(true);
    expect(rows.some((e) => e.employee_type === 'OWNER')).toBe(true);

    const limits = (await bulk('declarations_limit')).rows;
    const doctorParties = new Set(doctors.map((d) => d.party_id));
    expect(limits.length).toBe(doctorParties.size);
    const full = limits.filter((l) => l.declarations_count >= l.declarations_limit);
    expect(full.length).toBeGreaterThan(500);
    expect(full.length).toBeLessThan(limits.length / 5);
    expect(new Set(limits.map((l) => l.declarations_limit))).toEqual(new Set([900, 1800, 2000]));
  });

  it('names doctors with plausible Ukrainian names, including apostrophes, ґ, ї and є', async () => {
    const { rows } = await bulk('parties');
    expect(rows.length).toBeGreaterThanOrEqual(30_000);
    const names = rows.map((p) => `${p.last_name} ${p.first_name} ${p.second_name}`);
    for (const ch of ["'", 'ґ', 'Ґ', 'ї', 'є', 'Є'])
      expect(
        names.some((n) => n.includes(ch)),
        ch,
      ).toBe(true);
    expect(names.every((n) => /^[А-ЩЬЮЯҐЄІЇа-щьюяґєії' -]+$/.test(n))).toBe(true);
    expect(
      rows.every((p) => /^\d{4}$/.test(p.year_of_birth) && (p.gender === 'MALE' || p.gender === 'FEMALE')),
    ).toBe(true);
    const doctor = rows.find((p) => p.specialities.length > 0);
    expect(doctor.educations[0]).toMatchObject({ country: 'UA' });
    expect(doctor.specialities[0]).toMatchObject({ speciality_officio: true });
  });

  it('returns only the rows changed in the last N days with depth, everything without it', async () => {
    for (const what of [
      'parties',
      'employees',
      'divisions',
      'legal_entities',
      'healthcare_services',
      'employee_roles',
    ]) {
      const all = await bulk(what);
      const week = await bulk(what, '?depth=7');
      expect(week.status, what).toBe(200);
      expect(week.rows.length, what).toBeGreaterThan(0);
      expect(week.rows.length, what).toBeLessThan(all.rows.length / 5);
      const cutoff = new Date(base - 7 * 86_400_000).toISOString();
      expect(
        week.rows.every((r) => r.updated_at >= cutoff),
        what,
      ).toBe(true);
      const expected = all.rows.filter((r) => r.updated_at >= cutoff).map((r) => r.id);
      expect(
        week.rows.map((r) => r.id),
        what,
      ).toEqual(expected);
    }
    const contracts = await bulk('contract_divisions');
    expect(contracts.rows.length).toBeGreaterThan(8000);
    const recent = await bulk('contract_divisions', '?depth=30');
    expect(recent.rows.every((r) => r.changed_at >= new Date(base - 30 * 86_400_000).toISOString())).toBe(
      true,
    );
    const bad = await bulk('parties', '?depth=week');
    expect(bad.status).toBe(422);
    expect(bad.body.error.invalid[0]).toMatchObject({ entry_type: 'query_param', entry: '$.depth' });
    expect((await call(sb, 'GET', '/api/pis/bulk/parties', { apiKey: null })).status).toBe(401);
  });
});

describe('addresses and dictionaries', { timeout: 60_000 }, () => {
  it('lists regions, districts, settlements and streets and searches names regardless of case and apostrophe', async () => {
    const regions = (await call(sb, 'GET', '/api/uaddresses/regions?page_size=100')).body;
    expect(regions.data).toHaveLength(27);
    const kyivRegion = regions.data.find((r: { region: string }) => r.region === 'Київська');
    const districts = await call(
      sb,
      'GET',
      `/api/uaddresses/districts?region_id=${kyivRegion.id}&region=${encodeURIComponent('Київська')}`,
    );
    expect(districts.body.data.map((d: { district: string }) => d.district)).toContain('Білоцерківський');
    const byRegion = await call(sb, 'GET', `/api/uaddresses/regions/${kyivRegion.id}/districts`);
    expect(byRegion.body.data).toHaveLength(districts.body.data.length);
    const found = await call(
      sb,
      'GET',
      `/api/uaddresses/settlements?region=${encodeURIComponent('київська')}&name=${encodeURIComponent('БІЛА')}`,
    );
    expect(found.body.data[0]).toMatchObject({
      name: 'Біла Церква',
      type: 'CITY',
      region: 'Київська',
      district: 'Білоцерківський',
      mountain_group: '0',
    });
    const apostrophe = await call(
      sb,
      'GET',
      `/api/uaddresses/settlements?region=${encodeURIComponent('Черкаська')}&name=${encodeURIComponent('камʼян')}`,
    );
    expect(apostrophe.body.data.map((s: { name: string }) => s.name)).toContain("Кам'янка");
    const bilaTserkva = found.body.data[0];
    const one = await call(sb, 'GET', `/api/uaddresses/settlements/${bilaTserkva.id}`);
    expect(one.body.data).toEqual(bilaTserkva);
    const inDistrict = await call(
      sb,
      'GET',
      `/api/uaddresses/districts/${bilaTserkva.district_id}/settlements?page_size=300`,
    );
    expect(inDistrict.body.data).toContainEqual({ id: bilaTserkva.id, settlement_name: 'Біла Церква' });
    const streets = await call(
      sb,
      'GET',
      `/api/uaddresses/streets?settlement_id=${bilaTserkva.id}&page_size=300`,
    );
    expect(streets.body.data.length).toBeGreaterThan(10);
    expect(streets.body.data[0]).toMatchObject({ settlement_id: bilaTserkva.id });
    const shevchenka = await call(
      sb,
      'GET',
      `/api/uaddresses/streets?settlement_id=${bilaTserkva.id}&name=${encodeURIComponent('шевч')}`,
    );
    expect(shevchenka.body.data.every((s: { name: string }) => s.name.includes('Шевченка'))).toBe(true);
    expect((await call(sb, 'GET', '/api/uaddresses/settlements?name=x')).status).toBe(422);
    expect((await call(sb, 'GET', '/api/uaddresses/streets')).status).toBe(422);
    expect((await call(sb, 'GET', '/api/uaddresses/districts')).status).toBe(422);
  });

  it('serves v2 dictionaries with filters', async () => {
    const all = (await call(sb, 'GET', '/api/v2/dictionaries')).body.data;
    const names = all.map((d: { name: string }) => d.name);
    for (const n of [
      'GENDER',
      'DOCUMENT_TYPE',
      'SETTLEMENT_TYPE',
      'STREET_TYPE',
      'SPECIALITY_TYPE',
      'POSITION',
      'DIVISION_TYPE',
      'LEGAL_FORM',
    ])
      expect(names).toContain(n);
    const gender = (await call(sb, 'GET', '/api/v2/dictionaries?name=GENDER')).body.data;
    expect(gender).toEqual([
      {
        name: 'GENDER',
        description: 'Стать',
        values: [
          { code: 'MALE', description: 'чоловіча', is_active: true, child_values: [] },
          { code: 'FEMALE', description: 'жіноча', is_active: true, child_values: [] },
        ],
        labels: ['SYSTEM'],
        is_active: true,
      },
    ]);
    const byCode = (await call(sb, 'GET', '/api/v2/dictionaries?value_code=PEDIATRICIAN')).body.data;
    expect(byCode.map((d: { name: string }) => d.name)).toEqual(['SPECIALITY_TYPE']);
    expect(byCode[0].values).toHaveLength(1);
    expect((await call(sb, 'GET', '/api/v2/dictionaries?is_active=false')).body.data).toEqual([]);
  });
});
