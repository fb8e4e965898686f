import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RecordedExchange {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  status: number;
  /** request body as JSON text, or null */
  requestJson: string | null;
  /** response body as JSON text, or null */
  responseJson: string | null;
}

/**
 * Appends every exchange as one JSON line in the conformance checker's traffic format:
 * `{"method","path","query","status","request","response"}`. Bodies are spliced in as JSON text.
 */
export class Recorder {
  constructor(private readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
  }

  write(e: RecordedExchange): void {
    const line =
      `{"method":${JSON.stringify(e.method)},"path":${JSON.stringify(e.path)},"query":${JSON.stringify(e.query)},` +
      `"status":${e.status},"request":${e.requestJson ?? 'null'},"response":${e.responseJson ?? 'null'}}\n`;
    appendFileSync(this.file, line);
  }
}

export function queryObject(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(q.keys())) {
    const all = q.getAll(key);
    out[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
}
