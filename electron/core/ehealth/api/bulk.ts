import { z } from 'zod';
import type { EhealthClient, EhealthResult } from '../client';
import { PIS_PATHS } from '../paths';
import { BULK_SCHEMAS, type BulkEntity, type BulkRow } from '../schemas/bulk';

export interface BulkBatch<E extends BulkEntity> {
  entity: E;
  rows: BulkRow<E>[];
  /** Rows that did not match the schema (skipped, counted — one bad row must not stop replication). */
  rejected: number;
  /** `meta.date`: the moment the dump (and the limits/counts) is valid for. */
  date: string | null;
}

/** A national dump of one entity is tens of megabytes; this ceiling only stops a body without end. */
export const MAX_BULK_BYTES = 512 * 1024 * 1024;

/** Directory replication: `GET /api/pis/bulk/<entity>?depth=<days of changes>`, api-key only. */
export const bulkApi = (client: EhealthClient) => ({
  async fetch<E extends BulkEntity>(
    entity: E,
    opts: { depth?: number; timeoutMs?: number } = {},
  ): Promise<EhealthResult<BulkBatch<E>>> {
    const res = await client.call({
      method: 'GET',
      path: PIS_PATHS.bulk(entity),
      auth: 'api-key',
      // declarations_limit has no depth: it is always the whole table
      query: entity === 'declarations_limit' ? {} : { depth: opts.depth },
      data: z.array(z.unknown()),
      maxBodyBytes: MAX_BULK_BYTES,
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    });
    if (!res.ok) return res;
    const schema = BULK_SCHEMAS[entity] as unknown as z.ZodType<BulkRow<E>>;
    const rows: BulkRow<E>[] = [];
    let rejected = 0;
    for (const raw of res.value.data) {
      const parsed = schema.safeParse(raw);
      if (parsed.success) rows.push(parsed.data);
      else rejected++;
    }
    return {
      ok: true,
      value: { ...res.value, data: { entity, rows, rejected, date: res.value.meta?.date ?? null } },
    };
  },
});
