/**
 * The personal-data services against the sandbox, on the shared patient rig (./patient-rig.ts).
 */
import { createPersonServices, type PersonServices } from '../../electron/core/person';
import type { SandboxHandle, SandboxOptions } from '../../electron/sandbox';
import { startPatientRig, type PatientRig } from './patient-rig';

export interface PersonRig extends PatientRig {
  person: PersonServices;
  /** Operation ids the services reported as queued (the receipts service's hook). */
  queued: string[];
}

export async function startPersonRig(opts: Pick<SandboxOptions, 'now'> = {}): Promise<PersonRig> {
  const rig = await startPatientRig('person', opts);
  const queued: string[] = [];
  const person = createPersonServices({
    patient: rig.patient,
    outbox: rig.engine.outbox,
    sessions: rig.sessions,
    log: rig.log,
    now: () => rig.sb.clock.now(),
    onQueued: (id) => queued.push(id),
  });
  return { ...rig, person, queued };
}

/** The SMS codes the sandbox sent to a phone, newest first. */
export async function smsCodes(sb: SandboxHandle, phone: string): Promise<string[]> {
  const r = await fetch(`${sb.baseUrl}/sandbox/sms?phone=${encodeURIComponent(phone)}`);
  const body = (await r.json()) as { data: { code: string }[] };
  return body.data.map((m) => m.code);
}
