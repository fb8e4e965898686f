import { join } from 'node:path';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { AppsService } from '../apps';
import type { Outbox } from '../outbox';
import {
  htmlFilePrinter,
  type ReceiptPrinter,
  ReceiptService,
  type ReceiptActing,
  type ReceiptServiceOptions,
} from '../receipts';
import { DeclarationsService, type CabinetDirectoryPort } from './declarations-service';
import { NewDeclarationFlow } from './new-declaration';
import type { PatientPort } from '../session';

export interface CabinetDeps {
  dataDir: string;
  patient: PatientPort;
  outbox: Outbox;
  directory: CabinetDirectoryPort & ReceiptServiceOptions['directory'];
  session: { onEnd(cleanup: () => void): () => void };
  /**
   * Every end of a visit, signed in or not (`sessionEnded`): printed files go then too — a doctor
   * note printed without a session included. Without it, only ends of patient sessions purge.
   */
  events?: Pick<EventBus, 'on'> | undefined;
  /**
   * Where receipts are printed. Absent: saved as HTML files in `<data dir>/receipts` (null: none).
   * Given as a factory of the receipts folder, so the browser host's PDF printer writes there too.
   */
  printer?: ((receiptsDir: string | null) => ReceiptPrinter | null) | undefined;
  log: Logger;
  /** Whom the session acts for now, for receipts (initials and the acting person's role). */
  acting?: () => ReceiptActing | null;
  /** How long an action waits for eHealth before the patient is told "queued". */
  settleWaitMs?: number;
}

/** The patient cabinet's own services: declarations, a new declaration, e-cabinet access, receipts. */
export interface CabinetServices {
  declarations: DeclarationsService;
  newDeclaration: NewDeclarationFlow;
  apps: AppsService;
  receipts: ReceiptService;
  close(): Promise<void>;
}

export function createCabinetServices(d: CabinetDeps): CabinetServices {
  const receiptsDir = d.dataDir === ':memory:' ? null : join(d.dataDir, 'receipts');
  const printer = d.printer ? d.printer(receiptsDir) : receiptsDir ? htmlFilePrinter(receiptsDir) : null;
  const receipts = new ReceiptService({
    outbox: d.outbox,
    directory: d.directory,
    printer,
    receiptsDir,
    log: d.log,
    ...(d.acting ? { acting: d.acting } : {}),
  });
  const forget = () => void receipts.forgetSession();
  if (d.events) d.events.on('sessionEnded', forget);
  else d.session.onEnd(forget);
  const wait = d.settleWaitMs === undefined ? {} : { settleWaitMs: d.settleWaitMs };
  const declarations = new DeclarationsService({
    patient: d.patient,
    outbox: d.outbox,
    directory: d.directory,
    receipts,
    session: d.session,
    log: d.log,
    ...wait,
  });
  const newDeclaration = new NewDeclarationFlow({
    patient: d.patient,
    outbox: d.outbox,
    directory: d.directory,
    declarations,
    receipts,
    session: d.session,
    log: d.log,
    ...wait,
  });
  const apps = new AppsService({
    patient: d.patient,
    outbox: d.outbox,
    receipts,
    session: d.session,
    ...wait,
  });
  return { declarations, newDeclaration, apps, receipts, close: () => receipts.close() };
}
