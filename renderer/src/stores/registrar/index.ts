import { create } from 'zustand';
import { registerReset } from '../reset';
import { accountsSlice } from './accounts';
import { activitySlice, initialActivity } from './activity';
import { assistedSlice } from './assisted';
import { auditSlice, initialAudit } from './audit';
import { directorySlice, initialDirectory } from './directory';
import { initialMode, modeSlice } from './mode';
import { initialOutbox, outboxSlice } from './outbox';
import { initialOverview, overviewSlice } from './overview';
import { initialSettings, settingsSlice } from './settings';
import type { RegistrarStore } from './slice';
import { initialTrust, trustSlice } from './trust';

export type { DoneKey } from './activity';
export type { AuditCheck } from './audit';
export type { RegistrarStore } from './slice';
export type { TrustCandidateView } from './trust';

/**
 * Registrar mode as the renderer sees it. Main holds the truth (who is signed in, the assisted
 * session); this store mirrors it and caches the panel's views, one slice per part of the panel
 * (mode, assisted session, overview, outbox, directory, settings, trust list, audit, staff). The
 * slices share one `activity`: the panel runs one action at a time and every page shows its error
 * or confirmation. Never a PIN or a credential: the screens keep what is typed in their own state
 * and hand it over once. A wipe resets everything.
 */
export const initialRegistrarState = {
  ...initialActivity,
  ...initialMode,
  ...initialOverview,
  ...initialOutbox,
  ...initialDirectory,
  ...initialSettings,
  ...initialTrust,
  ...initialAudit,
};

export const useRegistrarStore = create<RegistrarStore>()((...a) => ({
  ...activitySlice(...a),
  ...modeSlice(...a),
  ...assistedSlice(...a),
  ...overviewSlice(...a),
  ...outboxSlice(...a),
  ...directorySlice(...a),
  ...settingsSlice(...a),
  ...trustSlice(...a),
  ...auditSlice(...a),
  ...accountsSlice(...a),
  forget: (status) => a[0]({ ...initialRegistrarState, status }),
}));

registerReset(() => useRegistrarStore.setState(initialRegistrarState));

// ── selectors that compute (plain field picks stay inline) ─────────────────────────────────────

export const selectRegistrarMode = (s: RegistrarStore) => s.status?.mode ?? 'off';
export const selectInPanel = (s: RegistrarStore): boolean => s.status?.mode === 'panel';
export const selectAssisted = (s: RegistrarStore): boolean => s.status?.mode === 'assisted';
/** Whether main has told the renderer its registrar state yet. */
export const selectHasStatus = (s: RegistrarStore): boolean => s.status !== null;
/** A panel action is running: its buttons wait. */
export const selectBusy = (s: RegistrarStore): boolean => s.activity.status === 'loading';
/** The trust list installed, as the overview tells it (null when none or not read yet). */
export const selectTrustList = (s: RegistrarStore) => s.overview?.trustList ?? null;
