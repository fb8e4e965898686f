import type { RegistrarOverview } from '#shared/contract/registrar';
import { callKiosk } from '../bridge';
import { runAction } from './activity';
import type { RegistrarSlice } from './slice';

/** How the kiosk stands (connectivity, environment, outbox counts, directory, trust list, warnings). */
export interface OverviewSlice {
  overview: RegistrarOverview | null;
  loadOverview(): Promise<void>;
}

export const initialOverview: Pick<OverviewSlice, 'overview'> = { overview: null };

export const overviewSlice: RegistrarSlice<OverviewSlice> = (set, get) => ({
  ...initialOverview,
  loadOverview: async () => {
    await runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarOverview({})),
      (overview) => set({ overview }),
    );
  },
});
