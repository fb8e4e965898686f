import { create } from 'zustand';
import type { AppAccess, AppsList } from '#shared/contract/apps';
import type { OperationView } from '#shared/contract/outbox';
import type { KioskError } from '#shared/result';
import { callKiosk } from '../kiosk/call';
import type { Loadable } from './declarations';
import { useReceiptsStore } from './receipts';
import { registerReset } from './reset';

export interface AppsState {
  list: Loadable<AppsList>;
  /** The e-cabinet whose revocation the patient is asked to confirm. */
  confirming: AppAccess | null;
  revoking: { status: 'idle' | 'sending' | 'error'; error: KioskError | null };
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
  list: { status: 'idle', data: null, error: null },
  confirming: null,
  revoking: { status: 'idle', error: null },
};

export const useAppsStore = create<AppsState & AppsActions>()((set, get) => ({
  ...initialAppsState,
  load: async () => {
    set((s) => ({ list: { ...s.list, status: 'loading', error: null } }));
    const r = await callKiosk((b) => b.api.appsList({}));
    set((s) => ({
      list: r.ok
        ? { status: 'ready', data: r.value, error: null }
        : { status: 'error', data: s.list.data, error: r.error },
    }));
  },
  askRevoke: (app) => set({ confirming: app, revoking: { status: 'idle', error: null } }),
  cancelRevoke: () => set({ confirming: null, revoking: { status: 'idle', error: null } }),
  confirmRevoke: async () => {
    const app = get().confirming;
    if (!app || get().revoking.status === 'sending') return;
    set({ revoking: { status: 'sending', error: null } });
    const r = await callKiosk((b) => b.api.appsRevoke({ appId: app.id }));
    if (!r.ok) {
      set({ revoking: { status: 'error', error: r.error } });
      return;
    }
    set({ confirming: null, revoking: { status: 'idle', error: null }, list: initialAppsState.list });
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
