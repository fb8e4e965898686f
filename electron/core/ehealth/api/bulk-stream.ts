/**
 * Directory replication, streamed: `GET /api/pis/bulk/<entity>?depth=<days>` with the api-key, the
 * body read as it arrives and every row validated and handed over on its own — a national dump
 * (about 100 MiB of JSON) is never held in memory. Errors map exactly as the client maps them.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EhealthConfig } from '../config';
import { Meta } from '../envelope';
import { failure, mapHttpError, networkFailure, type EhealthFailure } from '../errors';
import { EnvelopeReader, EnvelopeSyntaxError } from '../json-stream';
import { PIS_PATHS } from '../paths';
import { BULK_SCHEMAS, type BulkEntity, type BulkRow } from '../schemas/bulk';
import type { HttpTransport } from '../transport';
import type { CallOutcome } from '../client';
import { MAX_BULK_BYTES } from './bulk';

export interface BulkStreamed {
  rows: number;
  /** Rows that did not match the schema (skipped, counted — one bad row must not stop replication). */
  rejected: number;
  /** `meta.date`: the moment the dump (and the limits/counts) is valid for. */
  date: string | null;
}

export interface BulkStreamOptions {
  depth?: number;
  timeoutMs?: number;
  now?: () => Date;
  onOutcome?: (o: CallOutcome) => void;
  /** The most a dump may hold (default MAX_BULK_BYTES: it only stops a body without end). */
  maxBodyBytes?: number;
}

export type BulkStreamResult = { ok: true; value: BulkStreamed } | { ok: false; error: EhealthFailure };

function bulkUrl(config: Pick<EhealthConfig, 'baseUrl'>, entity: BulkEntity, depth?: number): string {
  const u = new URL(config.baseUrl + PIS_PATHS.bulk(entity));
  // declarations_limit has no depth: it is always the whole table
  if (depth !== undefined && entity !== 'declarations_limit') u.searchParams.set('depth', String(depth));
  return u.toString();
}

const rejectedAnswer = (status: number, reason: string): EhealthFailure =>
  failure('EHEALTH_REJECTED', `unexpected answer from eHealth: ${reason}`, {
    retryable: false,
    status,
    reason,
  });

/** Downloads one entity; `onRow` gets each valid row as soon as it has been read. */
export async function streamBulk<E extends BulkEntity>(
  config: Pick<EhealthConfig, 'baseUrl' | 'apiKey' | 'timeoutMs'>,
  transport: HttpTransport,
  entity: E,
  onRow: (row: BulkRow<E>) => void,
  opts: BulkStreamOptions = {},
): Promise<BulkStreamResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs ?? config.timeoutMs);
  const schema = BULK_SCHEMAS[entity] as unknown as z.ZodType<BulkRow<E>>;
  let rows = 0;
  let rejected = 0;
  let status = 0;
  try {
    const res = await transport(bulkUrl(config, entity, opts.depth), {
      method: 'GET',
      headers: { Accept: 'application/json', 'X-Request-ID': randomUUID(), 'api-key': config.apiKey },
      signal: controller.signal,
      maxBodyBytes: opts.maxBodyBytes ?? MAX_BULK_BYTES,
    });
    status = res.status;
    if (status < 200 || status >= 300) {
      const text = await res.text();
      opts.onOutcome?.(status >= 500 || status === 429 ? 'server-error' : 'ok');
      return { ok: false, error: mapHttpError(status, text, res.headers.get('retry-after'), opts.now?.()) };
    }
    const reader = new EnvelopeReader((raw) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) {
        rows++;
        onRow(parsed.data);
      } else rejected++;
    });
    if (res.body) {
      for await (const chunk of res.body) reader.write(chunk);
    } else reader.write(Buffer.from(await res.text(), 'utf8'));
    opts.onOutcome?.('ok');
    const { members, sawArray } = reader.end();
    if (!sawArray)
      return { ok: false, error: rejectedAnswer(status, 'response data does not match the expected shape') };
    const meta = Meta.safeParse(members.meta ?? {});
    return { ok: true, value: { rows, rejected, date: (meta.success ? meta.data.date : undefined) ?? null } };
  } catch (e) {
    if (e instanceof EnvelopeSyntaxError) return { ok: false, error: rejectedAnswer(status, e.message) };
    // anything the row handler throws (a full disk) is not the network's fault
    if (status !== 0 && !(e instanceof Error && (e.name === 'AbortError' || e.name === 'TypeError'))) throw e;
    opts.onOutcome?.('network-error');
    return { ok: false, error: networkFailure(e, timedOut) };
  } finally {
    clearTimeout(timer);
  }
}
