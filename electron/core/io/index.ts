/**
 * Bounded reads: files and HTTP bodies read only up to a ceiling the caller names; HTTP without
 * redirects.
 */
export {
  bodyChunksBounded,
  HttpStatusError,
  isRedirect,
  postBinary,
  putBinary,
  readBodyBounded,
  readFileBounded,
  RedirectRefusedError,
  TooLargeError,
} from './bounded';
