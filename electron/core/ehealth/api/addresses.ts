import { z } from 'zod';
import type { EhealthClient, EhealthResult } from '../client';
import { PIS_PATHS } from '../paths';
import { Dictionary, District, Region, Settlement, Street } from '../schemas/addresses';

type Q = Record<string, string | number | boolean | undefined>;

/** uaddresses (regions, districts, settlements, streets) and the v2 dictionaries. */
export const addressesApi = (client: EhealthClient) => ({
  regions: (q: { name?: string; koatuu?: string } = {}): Promise<EhealthResult<z.infer<typeof Region>[]>> =>
    client.call({ method: 'GET', path: PIS_PATHS.regions, query: q, data: z.array(Region) }),

  districts: (
    q: { region_id?: string; region?: string; name?: string; koatuu?: string } = {},
  ): Promise<EhealthResult<z.infer<typeof District>[]>> =>
    client.call({ method: 'GET', path: PIS_PATHS.districts, query: q, data: z.array(District) }),

  regionDistricts: (regionId: string, q: Q = {}): Promise<EhealthResult<z.infer<typeof District>[]>> =>
    client.call({
      method: 'GET',
      path: PIS_PATHS.regionDistricts(regionId),
      query: q,
      data: z.array(District),
    }),

  /** `region` is required by the PIS API. */
  settlements: (q: {
    region: string;
    name?: string;
    district?: string;
    koatuu?: string;
    type?: string;
    page?: number;
    page_size?: number;
  }): Promise<EhealthResult<z.infer<typeof Settlement>[]>> =>
    client.call({ method: 'GET', path: PIS_PATHS.settlements, query: q, data: z.array(Settlement) }),

  settlement: (id: string): Promise<EhealthResult<z.infer<typeof Settlement>>> =>
    client.call({ method: 'GET', path: PIS_PATHS.settlement(id), data: Settlement }),

  districtSettlements: (
    districtId: string,
    q: Q = {},
  ): Promise<EhealthResult<z.infer<typeof Settlement>[]>> =>
    client.call({
      method: 'GET',
      path: PIS_PATHS.districtSettlements(districtId),
      query: q,
      data: z.array(Settlement),
    }),

  streets: (q: {
    settlement_id: string;
    name?: string;
    type?: string;
    page?: number;
    page_size?: number;
  }): Promise<EhealthResult<z.infer<typeof Street>[]>> =>
    client.call({ method: 'GET', path: PIS_PATHS.streets, query: q, data: z.array(Street) }),

  dictionaries: (
    q: { name?: string; is_active?: boolean; value_code?: string } = {},
  ): Promise<EhealthResult<Dictionary[]>> =>
    client.call({ method: 'GET', path: PIS_PATHS.dictionaries, query: q, data: z.array(Dictionary) }),
});
