import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../core/db';
import { isoDateTime, unixSeconds } from '../time';

/**
 * Documents a person must upload, and the pre-signed upload URLs of the sandbox's own storage.
 *
 * A row is asked for (`NEW`), gets an image by PUT to its URL (`UPLOADED`, a retake replaces it) and
 * is handed to the NHS check by `PATCH /api/pis/documents/actions/complete` (`SUBMITTED`). A row whose
 * person request is cancelled, rejected or expires is `CANCELLED`. Other processes (registration)
 * ask for documents with `askForDocuments` and no request id.
 */

export type DocumentStatus = 'NEW' | 'UPLOADED' | 'SUBMITTED' | 'CANCELLED';

export interface DocumentRow {
  id: string;
  person_id: string;
  type: string;
  person_request_id: string | null;
  status: DocumentStatus;
  size: number | null;
  sha256: string | null;
  width: number | null;
  height: number | null;
  inserted_at: string;
  uploaded_at: string | null;
  submitted_at: string | null;
}

/** The storage path a document is uploaded to (the URL adds `expires` and `signature`). */
export const STORAGE_PREFIX = '/storage/person_documents/';

const COLUMNS =
  'id, person_id, type, person_request_id, status, size, sha256, width, height, inserted_at, uploaded_at, submitted_at';

const signatureOf = (secret: Buffer, id: string, expires: number): string =>
  createHmac('sha256', secret).update(`PUT\n${STORAGE_PREFIX}${id}\n${expires}`).digest('hex');

/** A pre-signed URL for one HTTP PUT of the document's image, valid for `ttlSeconds`. */
export function uploadUrl(
  baseUrl: string,
  secret: Buffer,
  id: string,
  now: Date,
  ttlSeconds: number,
): string {
  const expires = unixSeconds(now) + ttlSeconds;
  return `${baseUrl}${STORAGE_PREFIX}${id}?expires=${expires}&signature=${signatureOf(secret, id, expires)}`;
}

/** Why a pre-signed URL is refused, or null when it is good now. */
export function checkUploadSignature(
  secret: Buffer,
  id: string,
  expires: string | null,
  signature: string | null,
  now: Date,
): 'invalid' | 'expired' | null {
  if (!expires || !/^\d{1,12}$/.test(expires) || !signature || !/^[0-9a-f]{64}$/.test(signature))
    return 'invalid';
  const expected = Buffer.from(signatureOf(secret, id, Number(expires)), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return 'invalid';
  return Number(expires) <= unixSeconds(now) ? 'expired' : null;
}

/** Asks the person for scans of `types` (one row each; an open row of the same request and type is kept). */
export function askForDocuments(
  db: Db,
  personId: string,
  types: readonly string[],
  personRequestId: string | null,
  now: Date,
): void {
  const open = db.prepare(
    "SELECT 1 FROM person_documents WHERE person_id = ? AND type = ? AND person_request_id IS ? AND status IN ('NEW', 'UPLOADED')",
  );
  const insert = db.prepare(
    "INSERT INTO person_documents (id, person_id, type, person_request_id, status, inserted_at) VALUES (?, ?, ?, ?, 'NEW', ?)",
  );
  for (const type of types) {
    if (open.get(personId, type, personRequestId)) continue;
    insert.run(randomUUID(), personId, type, personRequestId, isoDateTime(now));
  }
}

/** Documents of the given person requests that were not handed over yet are no longer asked for. */
export function cancelDocumentsOf(db: Db, personRequestIds: readonly string[]): void {
  const cancel = db.prepare(
    "UPDATE person_documents SET status = 'CANCELLED', content = NULL WHERE person_request_id = ? AND status IN ('NEW', 'UPLOADED')",
  );
  for (const id of personRequestIds) cancel.run(id);
}

export function documentsOfRequest(db: Db, personRequestId: string): DocumentRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM person_documents WHERE person_request_id = ? AND status != 'CANCELLED' ORDER BY rowid`,
    )
    .all(personRequestId) as DocumentRow[];
}

/** Documents the person still has to upload (asked for, no image yet). */
export function missingDocuments(db: Db, personId: string): DocumentRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM person_documents WHERE person_id = ? AND status = 'NEW' ORDER BY rowid`)
    .all(personId) as DocumentRow[];
}

export function documentById(db: Db, id: string): DocumentRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM person_documents WHERE id = ?`).get(id) as
    DocumentRow | undefined;
}

export interface StoredImage {
  content: Buffer;
  sha256: string;
  width: number;
  height: number;
}

export function storeImage(db: Db, id: string, image: StoredImage, now: Date): void {
  db.prepare(
    "UPDATE person_documents SET status = 'UPLOADED', content = ?, size = ?, sha256 = ?, width = ?, height = ?, uploaded_at = ? WHERE id = ?",
  ).run(image.content, image.content.length, image.sha256, image.width, image.height, isoDateTime(now), id);
}

export function imageOf(db: Db, id: string): Buffer | null {
  const row = db.prepare('SELECT content FROM person_documents WHERE id = ?').get(id) as
    { content: Buffer | null } | undefined;
  return row?.content ?? null;
}

/**
 * `PATCH /api/pis/documents/actions/complete`: when nothing is missing, every uploaded document goes to
 * the NHS check (`SUBMITTED`) and the person's `verification.details.nhs` becomes VERIFICATION_NEEDED.
 * Returns what is still missing.
 */
export function submitUploads(db: Db, personId: string, now: Date): DocumentRow[] {
  const missing = missingDocuments(db, personId);
  if (missing.length > 0) return missing;
  const stamp = isoDateTime(now);
  const submitted = db
    .prepare(
      "UPDATE person_documents SET status = 'SUBMITTED', submitted_at = ? WHERE person_id = ? AND status = 'UPLOADED'",
    )
    .run(stamp, personId);
  if (submitted.changes === 0) return [];
  const row = db.prepare('SELECT verification FROM persons WHERE id = ?').get(personId) as
    { verification: string } | undefined;
  if (!row) return [];
  const verification = JSON.parse(row.verification) as { details?: Record<string, unknown> };
  verification.details = {
    ...verification.details,
    nhs: {
      verification_status: 'VERIFICATION_NEEDED',
      verification_reason: 'AUTO',
      verification_comment: 'Документи завантажено, очікують перевірки НСЗУ',
    },
  };
  db.prepare('UPDATE persons SET verification = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(verification),
    stamp,
    personId,
  );
  return [];
}
