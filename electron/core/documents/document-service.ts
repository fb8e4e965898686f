/**
 * Documents eHealth asks for (a person request whose answer lists documents, a registration): the
 * types still needed with their pre-signed upload URLs, the patient's captured page arriving from the
 * page in parts, its check (one JPEG page within the limits, shared/documents.ts), the upload by
 * HTTP PUT from main — only to a URL eHealth returned and only to eHealth (./upload-url.ts), bounded,
 * no redirects — and the completion. The camera is open to the kiosk page only while a document is
 * being captured (the host's camera port). Images live in memory only: an upload that failed keeps
 * its image for the retry, an uploaded one is wiped, and the end of the session wipes everything.
 */
import { z } from 'zod';
import { DOCUMENT_LIMITS, checkDocumentJpeg, partsFor } from '#shared/documents';
import type { DocumentsView } from '#shared/contract/documents';
import { err, ok, type Result } from '#shared/result';
import { PIS_PATHS, type EhealthFailure } from '../ehealth';
import { HttpStatusError, RedirectRefusedError, TooLargeError, putBinary } from '../io';
import type { MediaSource } from '../esign';
import type { Logger } from '../log';
import { MediumImages, type MediumImage, type MediumImagePart } from './medium-images';
import type { PatientPort, SessionEnds } from '../session';
import { uploadUrlAllowed } from './upload-url';

/** Opens and closes the document camera to the kiosk page (Electron: the partition's permission rule). */
export interface CameraPort {
  open(): void;
  close(): void;
}

export interface DocumentServicePorts {
  patient: PatientPort;
  sessions: SessionEnds;
  log: Logger;
  camera?: CameraPort;
  /** The removable media a picture of the document may come from (absent: none). */
  media?: MediaSource;
  /** The upload's HTTP (default: bounded PUT over fetch). */
  put?: typeof putBinary;
  uploadTimeoutMs?: number;
}

/** A document type as eHealth names them (PASSPORT, BIRTH_CERTIFICATE, …). */
const DocumentType = z.string().regex(/^[A-Z][A-Z0-9_]{0,59}$/);
const UploadLink = z.looseObject({ type: DocumentType, url: z.string().max(4096).nullish() });
/** `urgent.documents` of a person request, or the data of the documents endpoints. */
const UploadLinks = z.array(UploadLink).max(20);
const UrgentDocuments = z.looseObject({ documents: UploadLinks.nullish() }).nullish();

interface Needed {
  type: string;
  url: string | null;
  uploaded: boolean;
}

interface Image {
  parts: (Buffer | undefined)[];
  received: number;
}

interface Held {
  sessionId: string;
  needed: Map<string, Needed>;
  images: Map<string, Image>;
  cameraOpen: boolean;
}

const wipe = (image: Image) => {
  for (const p of image.parts) p?.fill(0);
  image.parts.length = 0;
};

export class DocumentService {
  private held: Held | null = null;
  private uploading = false;
  private readonly medium: MediumImages | null;

  constructor(private readonly ports: DocumentServicePorts) {
    this.medium = ports.media ? new MediumImages(ports.media) : null;
    ports.sessions.onEnd(() => this.forget());
  }

  /** Wipes every image and forgets what was asked; the camera is closed (session end). */
  forget(): void {
    if (this.held) for (const image of this.held.images.values()) wipe(image);
    const wasOpen = this.held?.cameraOpen ?? false;
    this.held = null;
    this.medium?.forget();
    // closed whatever this service believed: a new page must never find the camera open
    this.ports.camera?.close();
    if (wasOpen) this.ports.log.info({ op: 'documents.camera' }, 'document camera closed with the session');
  }

  /**
   * eHealth listed documents in an answer (`urgent` of a person request): they are needed now. Returns
   * the types (empty when none were asked for or the list is not one eHealth would send).
   */
  require(sessionId: string, urgent: unknown): string[] {
    const parsed = UrgentDocuments.safeParse(urgent);
    const links = parsed.success ? (parsed.data?.documents ?? []) : [];
    if (!parsed.success) this.ports.log.warn({ op: 'documents.require' }, 'documents list not understood');
    if (!links.length) return [];
    this.setNeeded(sessionId, links);
    return links.map((l) => l.type);
  }

  /** What is needed for this session and what is uploaded already. */
  view(): Result<DocumentsView> {
    const ctx = this.ports.patient.requireView();
    if (!ctx.ok) return ctx;
    return ok(this.viewOf(this.mine(ctx.value.sessionId)));
  }

  /** Asks eHealth which documents are still needed, with fresh upload URLs (POST /api/pis/documents). */
  async refresh(): Promise<Result<DocumentsView>> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const tokens = this.ports.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient is not signed in to eHealth');
    const r = await this.ports.patient.pis().client.call({
      method: 'POST',
      path: PIS_PATHS.documents,
      auth: tokens,
      data: UploadLinks,
    });
    if (!r.ok) return this.failed('ask which documents are needed', r.error);
    this.setNeeded(ctx.value.sessionId, r.value.data, true);
    return ok(this.viewOf(this.mine(ctx.value.sessionId)));
  }

  /** The capture screen is up: the kiosk page may use the camera (only while a document is needed). */
  openCamera(): Result<{ open: boolean }> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const held = this.mine(ctx.value.sessionId);
    if (!held || ![...held.needed.values()].some((n) => !n.uploaded))
      return err('FLOW_EXPIRED', 'no document is waiting to be captured');
    if (!this.ports.camera) return ok({ open: false });
    this.ports.camera.open();
    held.cameraOpen = true;
    this.ports.log.info({ op: 'documents.camera' }, 'document camera opened to the kiosk page');
    return ok({ open: true });
  }

  /** The capture screen is gone (or the picture taken): the camera is closed to the page again. */
  closeCamera(): Result<{ open: boolean }> {
    this.ports.camera?.close();
    if (this.held?.cameraOpen) {
      this.held.cameraOpen = false;
      this.ports.log.info({ op: 'documents.camera' }, 'document camera closed');
    }
    return ok({ open: false });
  }

  /** Pictures on the inserted media, while a document is waiting to be captured. */
  async mediumList(): Promise<Result<{ images: MediumImage[] }>> {
    const ctx = this.waiting();
    if (!ctx.ok) return ctx;
    if (!this.medium) return err('MEDIUM_NO_IMAGES', 'this kiosk reads no removable media');
    return this.medium.list(ctx.value);
  }

  /** One part of a picture from the medium, for the page to convert it into a document page. */
  async mediumPart(id: string, part: number): Promise<Result<MediumImagePart>> {
    const ctx = this.waiting();
    if (!ctx.ok) return ctx;
    if (!this.medium) return err('FLOW_EXPIRED', 'this kiosk reads no removable media');
    return this.medium.part(ctx.value, id, part);
  }

  /** The session id when the patient may act and a document of theirs waits for its picture. */
  private waiting(): Result<string> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const held = this.mine(ctx.value.sessionId);
    if (!held || ![...held.needed.values()].some((n) => !n.uploaded))
      return err('FLOW_EXPIRED', 'no document is waiting to be captured');
    return ok(ctx.value.sessionId);
  }

  /** One part of a captured page (base64, in order or not); a part 0 starts the image afresh. */
  receivePart(req: {
    type: string;
    part: number;
    parts: number;
    data: string;
  }): Result<{ received: number }> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const held = this.mine(ctx.value.sessionId);
    const needed = held?.needed.get(req.type);
    if (!held || !needed) return err('FLOW_EXPIRED', 'this document is not asked for');
    if (needed.uploaded) return err('FLOW_EXPIRED', 'this document is uploaded already');
    if (this.uploading) return err('SESSION_BUSY', 'a document is being uploaded');
    if (req.parts > partsFor(DOCUMENT_LIMITS.maxBytes) || req.part >= req.parts)
      return err('DOCUMENT_TOO_LARGE', 'the image is larger than eHealth takes');
    const bytes = Buffer.from(req.data, 'base64');
    if (bytes.byteLength > DOCUMENT_LIMITS.partBytes)
      return err('BAD_REQUEST', 'a part of the image is larger than a part may be');
    let image = held.images.get(req.type);
    if (req.part === 0 || !image || image.parts.length !== req.parts) {
      if (image) wipe(image);
      image = { parts: new Array<Buffer | undefined>(req.parts).fill(undefined), received: 0 };
      held.images.set(req.type, image);
    }
    const total =
      image.parts.reduce((n, p) => n + (p?.byteLength ?? 0), 0) - (image.parts[req.part]?.byteLength ?? 0);
    if (total + bytes.byteLength > DOCUMENT_LIMITS.maxBytes) {
      wipe(image);
      held.images.delete(req.type);
      return err('DOCUMENT_TOO_LARGE', 'the image is larger than eHealth takes');
    }
    if (!image.parts[req.part]) image.received++;
    image.parts[req.part]?.fill(0);
    image.parts[req.part] = bytes;
    return ok({ received: image.received });
  }

  /**
   * Checks the whole image and PUTs it to eHealth's upload URL for its type. A URL eHealth no longer
   * honours (4xx) is asked for again once. A failed upload keeps the image: the patient retries without
   * taking the picture again.
   */
  async upload(type: string): Promise<Result<DocumentsView>> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const held = this.mine(ctx.value.sessionId);
    const needed = held?.needed.get(type);
    if (!held || !needed) return err('FLOW_EXPIRED', 'this document is not asked for');
    if (needed.uploaded) return ok(this.viewOf(held));
    const image = held.images.get(type);
    if (!image || image.received !== image.parts.length || image.parts.length === 0)
      return err('DOCUMENT_INVALID', 'the image has not fully arrived', { problem: 'truncated' });
    if (this.uploading) return err('SESSION_BUSY', 'a document is being uploaded');
    const bytes = Buffer.concat(image.parts as Buffer[]);
    const checked = checkDocumentJpeg(bytes);
    if (!checked.ok) {
      bytes.fill(0);
      wipe(image);
      held.images.delete(type);
      return checked.problem === 'too-large'
        ? err('DOCUMENT_TOO_LARGE', 'the image is larger than eHealth takes')
        : err('DOCUMENT_INVALID', 'the image is not one JPEG page within the limits', {
            problem: checked.problem,
          });
    }
    this.uploading = true;
    try {
      let put = await this.put(needed, bytes);
      if (!put.ok && put.refresh) {
        const fresh = await this.refresh();
        const again = this.mine(ctx.value.sessionId)?.needed.get(type);
        if (fresh.ok && again && !again.uploaded) put = await this.put(again, bytes);
      }
      if (!put.ok) return err('DOCUMENT_UPLOAD_FAILED', put.reason, { retryable: true });
      const now = this.mine(ctx.value.sessionId)?.needed.get(type);
      if (now) now.uploaded = true;
      wipe(image);
      held.images.delete(type);
      this.ports.log.info({ op: 'documents.upload', type }, 'document uploaded');
      return ok(this.viewOf(this.mine(ctx.value.sessionId)));
    } finally {
      bytes.fill(0);
      this.uploading = false;
    }
  }

  /**
   * Tells eHealth the uploads are done (PATCH /api/pis/documents/actions/complete). eHealth answers
   * with what is still missing; an empty answer means the documents are complete.
   */
  async complete(): Promise<Result<DocumentsView>> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const tokens = this.ports.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient is not signed in to eHealth');
    const r = await this.ports.patient.pis().client.call({
      method: 'PATCH',
      path: PIS_PATHS.documentsComplete,
      auth: tokens,
      data: UploadLinks,
    });
    if (!r.ok) return this.failed('complete the documents', r.error);
    this.setNeeded(ctx.value.sessionId, r.value.data, true);
    if (r.value.data.length === 0) this.closeCamera();
    this.ports.log.info({ op: 'documents.complete', missing: r.value.data.length }, 'documents completed');
    return ok(this.viewOf(this.mine(ctx.value.sessionId)));
  }

  private async put(
    needed: Needed,
    bytes: Buffer,
  ): Promise<{ ok: true } | { ok: false; reason: string; refresh: boolean }> {
    const api = this.ports.patient.pis();
    if (!needed.url) return { ok: false, reason: 'eHealth gave no upload URL', refresh: true };
    if (!uploadUrlAllowed(needed.url, api.client.config.baseUrl)) {
      this.ports.log.warn({ op: 'documents.upload' }, 'upload URL refused: not an eHealth host');
      return { ok: false, reason: 'the upload URL is not eHealth’s', refresh: false };
    }
    try {
      await (this.ports.put ?? putBinary)(needed.url, bytes, {
        contentType: 'image/jpeg',
        timeoutMs: this.ports.uploadTimeoutMs ?? 120_000,
        maxAnswerBytes: 64 * 1024,
        what: 'the document upload',
      });
      return { ok: true };
    } catch (e) {
      const status = e instanceof HttpStatusError ? e.status : null;
      const code =
        e instanceof RedirectRefusedError || e instanceof TooLargeError || e instanceof HttpStatusError
          ? e.code
          : ((e as { cause?: { code?: unknown } }).cause?.code ?? (e as { name?: unknown }).name ?? null);
      this.ports.log.warn({ op: 'documents.upload', status, code }, 'document upload failed');
      // a URL eHealth no longer honours (expired, already used): a fresh one may work
      const refresh = status !== null && status >= 400 && status < 500 && status !== 413;
      return {
        ok: false,
        reason: status ? `the upload came with HTTP ${status}` : 'the upload failed',
        refresh,
      };
    }
  }

  private setNeeded(sessionId: string, links: z.infer<typeof UploadLinks>, replace = false): void {
    if (!this.held || this.held.sessionId !== sessionId) {
      if (this.held) this.forget();
      this.held = { sessionId, needed: new Map(), images: new Map(), cameraOpen: false };
    }
    const held = this.held;
    if (replace) {
      // eHealth's list is what is still missing: what it no longer lists is done
      const listed = new Set(links.map((l) => l.type));
      for (const n of held.needed.values()) if (!listed.has(n.type)) n.uploaded = true;
    }
    for (const l of links) held.needed.set(l.type, { type: l.type, url: l.url ?? null, uploaded: false });
  }

  private mine(sessionId: string): Held | null {
    return this.held?.sessionId === sessionId ? this.held : null;
  }

  private viewOf(held: Held | null): DocumentsView {
    const documents = held
      ? [...held.needed.values()].map((n) => ({ type: n.type, uploaded: n.uploaded }))
      : [];
    return { documents, complete: documents.every((d) => d.uploaded) };
  }

  private failed(what: string, e: EhealthFailure): Result<never> {
    this.ports.log.warn({ code: e.code, status: e.details.status ?? null }, `could not ${what}`);
    return { ok: false, error: e };
  }
}
