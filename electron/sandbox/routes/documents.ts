import {
  documentsOfRequest,
  missingDocuments,
  submitUploads,
  uploadUrl,
  type DocumentRow,
} from '../domain/documents';
import { expireStaleRequests } from '../domain/expiry';
import { userOf, type RequestContext } from '../http/context';
import { created, ok } from '../http/reply';
import type { Route } from '../http/router';
import type { SandboxState } from '../state';

/**
 * `POST /api/pis/documents` — the documents the person (from the token) still has to upload, each
 * with a fresh pre-signed URL of the sandbox's storage; `PATCH /api/pis/documents/actions/complete` —
 * what is still missing, or (nothing missing) hands the uploads to the NHS check. See domain/documents.
 */

const urlOf = (state: SandboxState, row: DocumentRow): string =>
  uploadUrl(state.baseUrl, state.jwtSecret, row.id, state.now(), state.config.uploadUrlTtlSeconds);

/** `[{type, url}]` (`media_content`) of the documents still to upload. */
export const toUpload = (state: SandboxState, rows: readonly DocumentRow[]) =>
  rows.map((r) => ({ type: r.type, url: urlOf(state, r) }));

/** `[{type, is_uploaded, url}]` (`media_content_person_request_details`) of a person request. */
export const requestDocuments = (state: SandboxState, personRequestId: string) =>
  documentsOfRequest(state.db, personRequestId).map((r) => ({
    type: r.type,
    is_uploaded: r.status === 'UPLOADED' || r.status === 'SUBMITTED',
    url: urlOf(state, r),
  }));

function initialize(ctx: RequestContext) {
  expireStaleRequests(ctx.state);
  const user = userOf(ctx);
  return created(toUpload(ctx.state, missingDocuments(ctx.state.db, user.personId)));
}

function complete(ctx: RequestContext) {
  expireStaleRequests(ctx.state);
  const user = userOf(ctx);
  return ctx.commit(() => ok(toUpload(ctx.state, submitUploads(ctx.state.db, user.personId, ctx.now()))));
}

const WRITE = 'person_request:write';

export const documentRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/pis/documents',
    access: { kind: 'user', scope: WRITE },
    handler: initialize,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/documents/actions/complete',
    access: { kind: 'user', scope: WRITE },
    handler: complete,
  },
];
