import { createHash } from 'node:crypto';
import { checkUploadSignature, documentById, STORAGE_PREFIX, storeImage } from '../../domain/documents';
import { ApiError, conflict, invalidEntry, notFound, validationFailed } from '../../errors';
import { inspectJpeg, MAX_DOCUMENT_BYTES, type JpegVerdict } from '../../rules/jpeg';
import type { SandboxState } from '../../state';
import { renderError } from '../envelope';
import { DROP, headerOf, type Exchange, type Front, type Verdict } from '../exchange';

/**
 * The sandbox's stand-in for eHealth's document storage: the pre-signed URLs that
 * `POST /api/pis/documents` and person requests hand out take one HTTP PUT of the raw image
 * (`Content-Type: image/jpeg`). No api-key or token: the URL's signature is the permission.
 * Answers 200 with an empty body and the image's digest as ETag, or an eHealth-style error.
 * The link's faults reach it like eHealth (it sits behind the same network); it is not recorded.
 */

const TOO_LARGE = `Document must be no more than 10 MB (${MAX_DOCUMENT_BYTES} bytes)`;

const NOT_AN_IMAGE: Record<Exclude<JpegVerdict, { ok: true }>['reason'], [string, string]> = {
  empty: ['required', 'The request body is empty: send the JPEG image'],
  'too-large': ['length', TOO_LARGE],
  'not-jpeg': ['format', 'Document must be a JPEG image (the bytes are not a JPEG file)'],
  truncated: ['format', 'The JPEG image is incomplete (no end-of-image marker)'],
  'no-frame': ['format', 'The JPEG image has no picture (no frame header with a size)'],
  'multi-page': ['invalid', 'Document must be one page: the JPEG holds several pictures'],
};

type UploadOutcome = { ok: true; store: () => string } | { ok: false; error: ApiError };

/**
 * Checks an upload; `store()` then saves the image and returns its ETag (the caller runs it unless the
 * fault plan drops the request before it lands).
 */
function checkUpload(
  state: SandboxState,
  method: string,
  path: string,
  query: URLSearchParams,
  contentType: string | undefined,
  raw: Buffer | 'too-large',
): UploadOutcome {
  const fail = (error: ApiError): UploadOutcome => ({ ok: false, error });
  const id = path.slice(STORAGE_PREFIX.length);
  if (method !== 'PUT')
    return fail(new ApiError(405, 'method_not_allowed', 'Upload URLs take one HTTP PUT of the image'));
  const signature = checkUploadSignature(
    state.jwtSecret,
    id,
    query.get('expires'),
    query.get('signature'),
    state.now(),
  );
  if (signature === 'invalid') return fail(new ApiError(403, 'forbidden', 'Upload URL signature is invalid'));
  if (signature === 'expired')
    return fail(
      new ApiError(403, 'forbidden', 'Upload URL has expired; ask for a new one (POST /api/pis/documents)'),
    );
  const doc = documentById(state.db, id);
  if (!doc) return fail(notFound('Document not found'));
  if (doc.status === 'CANCELLED')
    return fail(conflict('Document is no longer needed: its person request was cancelled'));
  if (doc.status === 'SUBMITTED')
    return fail(conflict('Document was already submitted for verification and can not be replaced'));
  if (raw === 'too-large') return fail(new ApiError(413, 'request_too_large', TOO_LARGE));
  if (!/^image\/jpeg\s*(;|$)/i.test(contentType ?? ''))
    return fail(
      new ApiError(415, 'content_type_invalid', 'Invalid content type. Upload the image as image/jpeg'),
    );
  const verdict = inspectJpeg(raw);
  if (!verdict.ok) {
    if (verdict.reason === 'too-large') return fail(new ApiError(413, 'request_too_large', TOO_LARGE));
    const [rule, description] = NOT_AN_IMAGE[verdict.reason];
    return fail(validationFailed([invalidEntry('$', rule, description, 'body')]));
  }
  return {
    ok: true,
    store: () => {
      const sha256 = createHash('sha256').update(raw).digest('hex');
      storeImage(
        state.db,
        id,
        { content: raw, sha256, width: verdict.width, height: verdict.height },
        state.now(),
      );
      return `"${sha256}"`;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The storage's whole answer to an upload: latency, checks, the drop faults around storing. */
export async function storage(x: Exchange, { state }: Front): Promise<Verdict> {
  if (x.kind !== 'storage') return undefined;
  if (x.raw === null) throw new Error('an upload checked before it was received');
  if (state.faults.config.latencyMs > 0) await sleep(state.faults.config.latencyMs);
  const upload = checkUpload(
    state,
    x.method,
    x.url.pathname,
    x.url.searchParams,
    headerOf(x.headers, 'content-type'),
    x.raw,
  );
  if (!upload.ok) return { reply: renderError(upload.error, x.meta) };
  if (x.faults.drop === 'before-commit') return DROP;
  const etag = upload.store();
  if (x.faults.drop === 'after-commit') return DROP;
  return { reply: { status: 200, body: null, headers: { etag }, contentType: null, bytes: null } };
}
