/**
 * What the hosts tell the patient services about this machine: where key files come from and which
 * time-stamp service signs. Production: removable media (the platform's mount points) plus a key
 * folder the operator configured (KIOSK_KEY_FOLDER, e.g. a card reader's mount); the time-stamp
 * service named in the patient's certificate, and the trust list the registrar imported. Training: the
 * sandbox's persona key folder, its /tsa and its test CA as the trust list. KIOSK_MEDIA_DIR makes every subfolder of a folder count as an inserted medium (development
 * and e2e tests: create a subfolder to insert, delete it to pull).
 */
import type { SignerLauncher } from '../core/esign';
import { type PatientPorts, folderMedia } from '../core/session';
import { trainingKeyFolder, type TrainingBackend } from './training';

export function patientPortsFor(opts: {
  training: TrainingBackend | null;
  signerLauncher?: SignerLauncher;
  env?: NodeJS.ProcessEnv;
}): PatientPorts {
  const env = opts.env ?? process.env;
  const keyFolder = env.KIOSK_KEY_FOLDER || (opts.training ? trainingKeyFolder(opts.training) : null);
  return {
    keyFolder,
    tsaUrl: opts.training?.tsaUrl ?? null,
    trustList: opts.training?.trustList ?? null,
    ...(env.KIOSK_MEDIA_DIR ? { media: folderMedia(env.KIOSK_MEDIA_DIR) } : {}),
    ...(opts.signerLauncher ? { signerLauncher: opts.signerLauncher } : {}),
  };
}
