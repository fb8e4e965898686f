import { create } from 'zustand';
import type { DirectoryProgress } from '#shared/contract/doctors';
import type { OperationState } from '#shared/contract/outbox';
import type {
  AuditEntryView,
  RegistrarOperation,
  RegistrarOverview,
  RegistrarSettings,
  RegistrarSettingsPatch,
  RegistrarState,
} from '#shared/contract/registrar';
import type { KioskError, Result } from '#shared/result';
import { callKiosk } from '../kiosk/call';
import { registerReset } from './reset';

export interface TrustCandidateView {
  id: string;
  fileName: string;
  medium: string;
  bytes: number;
}

export interface AuditCheck {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
}

/**
 * Registrar mode as the renderer sees it. Main holds the truth (who is signed in, the assisted
 * session); this store mirrors it and caches the panel's views. Never a PIN or a credential: the
 * screens keep what is typed in their own state and hand it over once. A wipe resets everything.
 */
export interface RegistrarStoreState {
  status: RegistrarState | null;
  overview: RegistrarOverview | null;
  operations: RegistrarOperation[];
  settings: RegistrarSettings | null;
  audit: AuditEntryView[];
  auditCheck: AuditCheck | null;
  trustCandidates: TrustCandidateView[] | null;
  progress: DirectoryProgress | null;
  busy: boolean;
  error: KioskError | null;
  /** A short confirmation of the last action (a message key is chosen by the screen). */
  done: string | null;
}

export interface RegistrarActions {
  refreshStatus(): Promise<RegistrarState | null>;
  setStatus(status: RegistrarState): void;
  setFirstPin(registrarId: string, pin: string, enrollmentCode: string): Promise<boolean>;
  signIn(registrarId: string, pin: string): Promise<boolean>;
  signOut(): Promise<void>;
  loadOverview(): Promise<void>;
  loadOperations(states?: OperationState[]): Promise<void>;
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
  syncDirectory(): Promise<void>;
  setProgress(progress: DirectoryProgress): void;
  loadSettings(): Promise<void>;
  updateSettings(patch: RegistrarSettingsPatch, done?: string): Promise<boolean>;
  scanTrust(): Promise<void>;
  importTrust(id: string): Promise<void>;
  loadAudit(older?: boolean): Promise<void>;
  verifyAudit(): Promise<void>;
  startAssisted(): Promise<boolean>;
  confirmBirthDate(birthDate: string): Promise<boolean>;
  handBack(): Promise<void>;
  /** Closes the kiosk program (where the host allows it). */
  quitKiosk(): Promise<boolean>;
  addRegistrar(registrarId: string, pin: string): Promise<boolean>;
  changePin(currentPin: string, pin: string): Promise<boolean>;
  clearMessages(): void;
}

export const initialRegistrarState: RegistrarStoreState = {
  status: null,
  overview: null,
  operations: [],
  settings: null,
  audit: [],
  auditCheck: null,
  trustCandidates: null,
  progress: null,
  busy: false,
  error: null,
  done: null,
};

const AUDIT_PAGE = 50;

export const useRegistrarStore = create<RegistrarStoreState & RegistrarActions>()((set, get) => {
  /** Runs one call with the busy flag; an error is kept for the screen, success clears it. */
  async function run<T>(call: () => Promise<Result<T>>, onOk: (value: T) => void): Promise<boolean> {
    set({ busy: true, error: null, done: null });
    const r = await call();
    if (r.ok) {
      onOk(r.value);
      set({ busy: false });
      return true;
    }
    set({ busy: false, error: r.error });
    // refused for want of a registrar (idle, signed out elsewhere): the screen follows main
    if (r.error.code === 'REGISTRAR_REQUIRED') void get().refreshStatus();
    return false;
  }

  const replaceOperation = (op: RegistrarOperation) =>
    set({ operations: get().operations.map((o) => (o.id === op.id ? op : o)) });

  return {
    ...initialRegistrarState,

    refreshStatus: async () => {
      const r = await callKiosk((b) => b.api.registrarStatus({}));
      if (!r.ok) {
        set({ error: r.error });
        return null;
      }
      set({ status: r.value });
      return r.value;
    },
    setStatus: (status) => set({ status }),

    setFirstPin: (registrarId, pin, enrollmentCode) =>
      run(
        () => callKiosk((b) => b.api.registrarSetFirstPin({ registrarId, pin, enrollmentCode })),
        (status) => set({ status }),
      ),
    signIn: (registrarId, pin) =>
      run(
        () => callKiosk((b) => b.api.registrarSignIn({ registrarId, pin })),
        (status) => set({ status }),
      ),
    signOut: async () => {
      await run(
        () => callKiosk((b) => b.api.registrarSignOut({})),
        (status) => set({ ...initialRegistrarState, status }),
      );
    },

    loadOverview: async () => {
      await run(
        () => callKiosk((b) => b.api.registrarOverview({})),
        (overview) => set({ overview }),
      );
    },
    loadOperations: async (states) => {
      await run(
        () => callKiosk((b) => b.api.registrarOutboxList({ ...(states ? { states } : {}), limit: 100 })),
        ({ operations }) => set({ operations }),
      );
    },
    retry: async (id) => {
      await run(
        () => callKiosk((b) => b.api.registrarOutboxRetry({ id })),
        (op) => {
          replaceOperation(op);
          set({ done: 'retried' });
        },
      );
    },
    discard: async (id) => {
      await run(
        () => callKiosk((b) => b.api.registrarOutboxDiscard({ id })),
        (op) => {
          replaceOperation(op);
          set({ done: 'discarded' });
        },
      );
    },

    syncDirectory: async () => {
      await run(
        () => callKiosk((b) => b.api.registrarDirectorySync({})),
        ({ started }) => set({ done: started ? 'syncStarted' : 'syncRunning', progress: null }),
      );
    },
    setProgress: (progress) => {
      set({ progress });
      if (progress.phase === 'done' || progress.phase === 'failed') void get().loadOverview();
    },

    loadSettings: async () => {
      await run(
        () => callKiosk((b) => b.api.registrarSettings({})),
        (settings) => set({ settings }),
      );
    },
    updateSettings: (patch, done = 'saved') =>
      run(
        () => callKiosk((b) => b.api.registrarUpdateSettings(patch)),
        (settings) => set({ settings, done }),
      ),

    scanTrust: async () => {
      await run(
        () => callKiosk((b) => b.api.registrarTrustListScan({})),
        ({ candidates }) => set({ trustCandidates: candidates }),
      );
    },
    importTrust: async (id) => {
      const imported = await run(
        () => callKiosk((b) => b.api.registrarTrustListImport({ id })),
        () => set({ trustCandidates: null }),
      );
      if (!imported) return;
      // the overview carries the installed list; fetched quietly so the confirmation stays
      const overview = await callKiosk((b) => b.api.registrarOverview({}));
      set({ done: 'trustImported', ...(overview.ok ? { overview: overview.value } : {}) });
    },

    loadAudit: async (older = false) => {
      const last = get().audit.at(-1);
      const beforeSeq = older && last ? last.seq : undefined;
      await run(
        () =>
          callKiosk((b) => b.api.registrarAudit({ limit: AUDIT_PAGE, ...(beforeSeq ? { beforeSeq } : {}) })),
        ({ entries }) => set({ audit: older ? [...get().audit, ...entries] : entries }),
      );
    },
    verifyAudit: async () => {
      await run(
        () => callKiosk((b) => b.api.registrarAuditVerify({})),
        (auditCheck) => set({ auditCheck }),
      );
      await get().loadAudit();
    },

    startAssisted: () =>
      run(
        () => callKiosk((b) => b.api.registrarAssistStart({})),
        (status) => set({ status }),
      ),
    confirmBirthDate: (birthDate) =>
      run(
        () => callKiosk((b) => b.api.registrarConfirmBirthDate({ birthDate })),
        (status) => set({ status }),
      ),
    handBack: async () => {
      await run(
        () => callKiosk((b) => b.api.registrarHandBack({})),
        (status) => set({ ...initialRegistrarState, status }),
      );
    },

    quitKiosk: () =>
      run(
        () => callKiosk((b) => b.api.registrarQuit({})),
        () => undefined,
      ),

    addRegistrar: (registrarId, pin) =>
      run(
        () => callKiosk((b) => b.api.registrarAddAccount({ registrarId, pin })),
        () => set({ done: 'registrarAdded' }),
      ),
    changePin: (currentPin, pin) =>
      run(
        () => callKiosk((b) => b.api.registrarChangePin({ currentPin, pin })),
        () => set({ done: 'pinChanged' }),
      ),

    clearMessages: () => set({ error: null, done: null }),
  };
});

registerReset(() => useRegistrarStore.setState(initialRegistrarState));

// ── pure selectors ────────────────────────────────────────────────────────────────────────────

export const selectRegistrarMode = (s: RegistrarStoreState) => s.status?.mode ?? 'off';
export const selectInPanel = (s: RegistrarStoreState): boolean => s.status?.mode === 'panel';
export const selectAssisted = (s: RegistrarStoreState): boolean => s.status?.mode === 'assisted';
