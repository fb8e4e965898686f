/**
 * The patient cabinet's services (declarations, doctors, apps, receipts) against the sandbox, on
 * the shared patient rig (./patient-rig.ts) with the directory synced.
 */
import { createCabinetServices, type CabinetServices } from '../../electron/core/declarations/compose';
import type { ReceiptPrinter } from '../../electron/core/receipts/printer';
import { startPatientRig, type PatientRig } from './patient-rig';

export { TestPatient } from './patient-rig';

export interface CabinetRig extends PatientRig {
  cabinet: CabinetServices;
}

export async function startCabinetRig(
  opts: { printer?: (dir: string | null) => ReceiptPrinter | null; settleWaitMs?: number } = {},
): Promise<CabinetRig> {
  const rig = await startPatientRig('cabinet');
  const synced = await rig.engine.directory.sync();
  if (!synced.ok) {
    await rig.close();
    throw new Error(`directory sync: ${synced.error.message}`);
  }
  const cabinet = createCabinetServices({
    dataDir: rig.dataDir,
    patient: rig.patient,
    outbox: rig.engine.outbox,
    directory: rig.engine.directory,
    session: rig.sessions,
    log: rig.log,
    ...(opts.printer ? { printer: opts.printer } : {}),
    settleWaitMs: opts.settleWaitMs ?? 15_000,
  });
  return {
    ...rig,
    cabinet,
    async close() {
      await rig.sessions.end('finish');
      await cabinet.close();
      await rig.close();
    },
  };
}
