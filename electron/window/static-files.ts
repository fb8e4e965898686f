/**
 * Serving the built renderer (dist/renderer) to the kiosk page: Electron's app:// handler and the
 * browser host's HTTP server share this. Pure Node (no `electron` import).
 *
 * The path arrives from an untrusted page. Refused: methods other than GET/HEAD, malformed percent
 * escapes, null bytes, backslashes, drive letters, `..` segments (also when percent-encoded),
 * dot-files, anything resolving outside the root (including through symlinks).
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export type StaticRefusal = { ok: false; status: 400 | 403 | 404 | 405; reason: string };
export type StaticResolution = { ok: true; relativePath: string } | StaticRefusal;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

const refuse = (status: StaticRefusal['status'], reason: string): StaticRefusal => ({
  ok: false,
  status,
  reason,
});

/**
 * Turns a raw URL path (still percent-encoded, possibly with a query) into a path relative to the
 * root, or a refusal. `/` and paths ending in `/` mean their index.html.
 */
export function resolveStaticPath(rawPath: string): StaticResolution {
  const pathOnly = rawPath.split(/[?#]/, 1)[0] ?? '';
  if (!pathOnly.startsWith('/')) return refuse(400, 'path must be absolute within the site');
  if (pathOnly.includes('\0') || /%00/i.test(pathOnly)) return refuse(400, 'null byte in path');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (decoded.includes('\0')) return refuse(400, 'null byte in path');
  if (decoded.includes('\\')) return refuse(403, 'backslash in path');
  const segments = decoded.split('/').slice(1);
  for (const s of segments) {
    if (s === '..' || s === '.') return refuse(403, 'dot segment in path');
    if (s.startsWith('.')) return refuse(404, 'hidden file');
    if (s.includes(':')) return refuse(403, 'colon in path');
  }
  if (segments.some((s, i) => s === '' && i < segments.length - 1))
    return refuse(403, 'empty segment in path');
  const last = segments[segments.length - 1];
  const relativePath = [...segments.slice(0, -1), last ? last : 'index.html'].join('/');
  return { ok: true, relativePath };
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  /** null for HEAD and for refusals without a body. */
  body: Buffer | null;
}

export interface StaticServeOptions {
  rootDir: string;
  /** Security headers (CSP & co.) added to every response, refusals included. */
  headers: Record<string, string>;
}

const isInside = (root: string, file: string): boolean =>
  file.startsWith(root.endsWith(sep) ? root : root + sep);

const plain = (
  status: number,
  text: string,
  headers: Record<string, string>,
  head: boolean,
): StaticResponse => {
  const body = Buffer.from(`${text}\n`, 'utf8');
  return {
    status,
    headers: {
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.length),
      ...(status === 405 ? { Allow: 'GET, HEAD' } : {}),
    },
    body: head ? null : body,
  };
};

/** Serves one request for a file below `rootDir`. Never throws: I/O failures become 404/500. */
export async function serveStatic(
  method: string,
  rawPath: string,
  opts: StaticServeOptions,
): Promise<StaticResponse> {
  const head = method === 'HEAD';
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'method not allowed', opts.headers, false);
  const resolved = resolveStaticPath(rawPath);
  if (!resolved.ok) return plain(resolved.status, resolved.reason, opts.headers, head);
  try {
    const root = await realpath(resolve(opts.rootDir));
    const candidate = resolve(root, resolved.relativePath);
    if (!isInside(root, candidate)) return plain(403, 'outside the site', opts.headers, head);
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return plain(404, 'not found', opts.headers, head);
    }
    if (!isInside(root, real)) return plain(403, 'outside the site', opts.headers, head);
    const info = await stat(real);
    if (!info.isFile()) return plain(404, 'not found', opts.headers, head);
    const body = head ? null : await readFile(real);
    return {
      status: 200,
      headers: { ...opts.headers, 'Content-Type': contentTypeOf(real), 'Content-Length': String(info.size) },
      body,
    };
  } catch {
    return plain(500, 'cannot read the file', opts.headers, head);
  }
}
