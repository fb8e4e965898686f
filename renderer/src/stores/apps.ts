import { create } from 'zustand';
import type { AppAccess, AppsList } from '#shared/contract/apps';
import type { OperationView } from '#shared/contract/outbox';
import { callKiosk } from './bridge';
import { failed, idle, loading, settled, type Action, type Loadable } from './loadable';
import { useReceiptsStore } from './receipts';
import { registerReset } from './reset';

export interface AppsState {
  list: Loadable<AppsList>;
  /** The e-cabinet whose revocation the patient is asked to confirm. */
  confirming: AppAccess | null;
  revoking: Action;
}

export interface AppsActions {
  load(): Promise<void>;
  askRevoke(app: AppAccess): void;
  cancelRevoke(): void;
  confirmRevoke(): Promise<void>;
  /** An outbox change pushed by main: a revocation shown as pending has moved on. */
  operationChanged(view: OperationView): void;
}

export const initialAppsState: AppsState = {
  list: idle(),
  confirming: null,
  revoking: idle(),
};

export const useAppsStore = create<AppsState & AppsActions>()((set, get) => ({
  ...initialAppsState,
  load: async () => {
    set((s) => ({ list: loading(s.list) }));
    const r = await callKiosk((b) => b.api.appsList({}));
    set((s) => ({ list: settled(r, s.list) }));
  },
  askRevoke: (app) => set({ confirming: app, revoking: idle() }),
  cancelRevoke: () => set({ confirming: null, revoking: idle() }),
  confirmRevoke: async () => {
    const app = get().confirming;
    if (!app || get().revoking.status === 'loading') return;
    set({ revoking: loading() });
    const r = await callKiosk((b) => b.api.appsRevoke({ appId: app.id }));
    if (!r.ok) {
      set({ revoking: failed(r.error) });
      return;
    }
    set({ confirming: null, revoking: idle(), list: initialAppsState.list });
    useReceiptsStore.getState().show({
      source: { operationId: r.value.operationId },
      kind: 'app.revoke',
      state: r.value.state,
      referenceCode: r.value.referenceCode,
      operationId: r.value.operationId,
      declarationNumber: null,
    });
  },
  operationChanged: (view) => {
    const shown = get().list.data?.apps.find((a) => a.pendingRevoke?.operationId === view.id);
    // reloaded from main, which knows what eHealth now has
    if (shown?.pendingRevoke && shown.pendingRevoke.state !== view.state) void get().load();
  },
}));

registerReset(() => useAppsStore.setState(initialAppsState), { subject: true });
