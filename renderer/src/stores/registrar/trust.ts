import { callKiosk } from '../bridge';
import { ready } from '../loadable';
import { runAction } from './activity';
import type { RegistrarSlice } from './slice';

export interface TrustCandidateView {
  id: string;
  fileName: string;
  medium: string;
  bytes: number;
}

/** The trust list: candidates found on a USB medium and the import of one (the installed list is in the overview). */
export interface TrustSlice {
  /** null until a scan; an empty list when the scan found none. */
  trustCandidates: TrustCandidateView[] | null;
  scanTrust(): Promise<void>;
  importTrust(id: string): Promise<void>;
}

export const initialTrust: Pick<TrustSlice, 'trustCandidates'> = { trustCandidates: null };

export const trustSlice: RegistrarSlice<TrustSlice> = (set, get) => ({
  ...initialTrust,
  scanTrust: async () => {
    await runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarTrustListScan({})),
      ({ candidates }) => set({ trustCandidates: candidates }),
    );
  },
  importTrust: async (id) => {
    const imported = await runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarTrustListImport({ id })),
      () => set({ trustCandidates: null }),
    );
    if (!imported) return;
    // the overview carries the installed list; fetched quietly so the confirmation stays
    const overview = await callKiosk((b) => b.api.registrarOverview({}));
    set({ activity: ready('trustImported'), ...(overview.ok ? { overview: overview.value } : {}) });
  },
});
