import type { DirectoryProgress } from '#shared/contract/doctors';
import { callKiosk } from '../bridge';
import { runAction } from './activity';
import type { RegistrarSlice } from './slice';

/** The doctors' directory: a sync started by the registrar and its progress as main pushes it. */
export interface DirectorySlice {
  progress: DirectoryProgress | null;
  syncDirectory(): Promise<void>;
  setProgress(progress: DirectoryProgress): void;
}

export const initialDirectory: Pick<DirectorySlice, 'progress'> = { progress: null };

export const directorySlice: RegistrarSlice<DirectorySlice> = (set, get) => ({
  ...initialDirectory,
  syncDirectory: async () => {
    await runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarDirectorySync({})),
      ({ started }) => {
        set({ progress: null });
        return started ? 'syncStarted' : 'syncRunning';
      },
    );
  },
  setProgress: (progress) => {
    set({ progress });
    // a finished sync changes the overview's doctor count and last sync time
    if (progress.phase === 'done' || progress.phase === 'failed') void get().loadOverview();
  },
});
