import type { AuditEntryView } from '#shared/contract/registrar';
import { callKiosk } from '../bridge';
import { runAction } from './activity';
import type { RegistrarSlice } from './slice';

export interface AuditCheck {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
}

/** The audit log, newest first, a page at a time, and the check of its hash chain. */
export interface AuditSlice {
  audit: AuditEntryView[];
  auditCheck: AuditCheck | null;
  /** The newest page, or (`older`) the page after the last entry shown. */
  loadAudit(older?: boolean): Promise<void>;
  verifyAudit(): Promise<void>;
}

export const initialAudit: Pick<AuditSlice, 'audit' | 'auditCheck'> = { audit: [], auditCheck: null };

export const AUDIT_PAGE = 50;

export const auditSlice: RegistrarSlice<AuditSlice> = (set, get) => ({
  ...initialAudit,
  loadAudit: async (older = false) => {
    const last = get().audit.at(-1);
    const beforeSeq = older && last ? last.seq : undefined;
    await runAction(
      set,
      get,
      () =>
        callKiosk((b) => b.api.registrarAudit({ limit: AUDIT_PAGE, ...(beforeSeq ? { beforeSeq } : {}) })),
      ({ entries }) => set({ audit: older ? [...get().audit, ...entries] : entries }),
    );
  },
  verifyAudit: async () => {
    await runAction(
      set,
      get,
      () => callKiosk((b) => b.api.registrarAuditVerify({})),
      (auditCheck) => set({ auditCheck }),
    );
    await get().loadAudit();
  },
});
