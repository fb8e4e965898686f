/** What a route handler returns; the server wraps it into the eHealth envelope. */

export interface PagePaging {
  page_number: number;
  page_size: number;
  total_entries: number;
  total_pages: number;
}

export type Reply =
  | {
      kind: 'json';
      status: number;
      data: unknown;
      paging?: PagePaging;
      urgent?: unknown;
      /** extra meta fields, e.g. `date` of the bulk endpoints */
      meta?: Record<string, unknown>;
      headers?: Record<string, string>;
      contentType?: string;
    }
  /** A list whose items are already JSON text (bulk dumps): avoids parsing tens of megabytes. */
  | {
      kind: 'raw-list';
      status: number;
      items: string[];
      meta?: Record<string, unknown>;
      contentType?: string;
    }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | {
      kind: 'bytes';
      status: number;
      body: Uint8Array;
      contentType: string;
      headers?: Record<string, string>;
    };

export const json = (
  status: number,
  data: unknown,
  extra: Omit<Extract<Reply, { kind: 'json' }>, 'kind' | 'status' | 'data'> = {},
): Reply => ({
  kind: 'json',
  status,
  data,
  ...extra,
});

export const ok = (
  data: unknown,
  extra: Omit<Extract<Reply, { kind: 'json' }>, 'kind' | 'status' | 'data'> = {},
): Reply => json(200, data, extra);

export const created = (
  data: unknown,
  extra: Omit<Extract<Reply, { kind: 'json' }>, 'kind' | 'status' | 'data'> = {},
): Reply => json(201, data, extra);

export const noContent = (): Reply => ({ kind: 'empty', status: 204 });
