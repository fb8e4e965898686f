/**
 * eHealth error values. Every failure a handler can produce is an ApiError; the HTTP front turns it
 * into the `{meta, error:{type, message, invalid}}` envelope with the matching HTTP status
 * (http/envelope.ts). A leaf: it imports nothing, so auth, rules, domain and the signature check
 * can raise eHealth's errors without depending on the HTTP front that renders them.
 */

export type EntryType = 'json_data_property' | 'query_param' | 'header' | 'body' | 'path_param';

export interface InvalidRule {
  rule: string;
  description: string;
  params: unknown[];
}

export interface InvalidEntry {
  entry_type: EntryType;
  entry: string;
  rules: InvalidRule[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly invalid?: InvalidEntry[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const invalidEntry = (
  entry: string,
  rule: string,
  description: string,
  entryType: EntryType = 'json_data_property',
  params: unknown[] = [],
): InvalidEntry => ({ entry_type: entryType, entry, rules: [{ rule, description, params }] });

/** 422 validation_failed with one or more invalid entries. */
export const validationFailed = (invalid: InvalidEntry[]): ApiError =>
  new ApiError(
    422,
    'validation_failed',
    'Validation failed. You can find validators description at our API Manifest: http://docs.apimanifest.apiary.io/#introduction/interacting-with-api/errors.',
    invalid,
  );

/** 422 validation_failed for a single field. */
export const invalidField = (
  entry: string,
  rule: string,
  description: string,
  entryType: EntryType = 'json_data_property',
): ApiError => validationFailed([invalidEntry(entry, rule, description, entryType)]);

/** 422 business rule violation with a message (eHealth `request_malformed`). */
export const unprocessable = (message: string, type = 'request_malformed'): ApiError =>
  new ApiError(422, type, message);
export const badRequest = (message: string): ApiError => new ApiError(400, 'bad_request', message);
export const accessDenied = (message: string): ApiError => new ApiError(401, 'access_denied', message);
export const forbidden = (message: string): ApiError => new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Resource not found'): ApiError => new ApiError(404, 'not_found', message);
export const conflict = (message: string): ApiError => new ApiError(409, 'request_conflict', message);
