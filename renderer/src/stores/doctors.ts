import { create } from 'zustand';
import type { DoctorSearchContext } from '#shared/contract/declarations';
import type {
  DeclarationSpeciality,
  DoctorCard,
  DoctorDetails,
  DoctorSearchQuery,
} from '#shared/contract/doctors';
import type { KioskError } from '#shared/result';
import { callKiosk } from './bridge';
import { idle, loading, settled, type Loadable } from './loadable';
import { registerReset } from './reset';
import { useUiStore } from './ui';

export interface DoctorFilters {
  text: string;
  settlement: string;
  oblast: string;
  speciality: DeclarationSpeciality | 'any';
  inThisClinic: boolean;
  includeFull: boolean;
}

export interface DoctorResults {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: DoctorCard[];
  total: number;
  page: number;
  directoryUpdatedAt: string | null;
  error: KioskError | null;
}

export interface DoctorsState {
  context: DoctorSearchContext | null;
  contextError: KioskError | null;
  filters: DoctorFilters;
  results: DoctorResults;
  selected: Loadable<DoctorDetails>;
}

export interface DoctorsActions {
  loadContext(): Promise<void>;
  /**
   * Changes one filter and searches again by itself: at once for a choice (speciality, a switch),
   * after a short pause in typing for text — so the list follows what the patient chooses.
   */
  setFilter<K extends keyof DoctorFilters>(key: K, value: DoctorFilters[K]): void;
  /** Searches now ("Шукати"), dropping a search that was waiting for typing to pause. */
  search(): Promise<void>;
  more(): Promise<void>;
  open(employeeId: string): Promise<void>;
}

export const PAGE_SIZE = 10;

/** How long typing must pause before the list follows it (a tap on a key restarts the wait). */
export const TYPING_PAUSE_MS = 400;

const TYPED: ReadonlySet<keyof DoctorFilters> = new Set(['text', 'settlement', 'oblast']);

export const initialFilters: DoctorFilters = {
  text: '',
  settlement: '',
  oblast: '',
  speciality: 'any',
  inThisClinic: false,
  includeFull: false,
};

export const initialDoctorsState: DoctorsState = {
  context: null,
  contextError: null,
  filters: initialFilters,
  results: { status: 'idle', items: [], total: 0, page: 1, directoryUpdatedAt: null, error: null },
  selected: idle(),
};

/** The directory query for these filters: the patient's age limits the specialities. */
export function queryFor(
  filters: DoctorFilters,
  context: DoctorSearchContext | null,
  page: number,
): DoctorSearchQuery {
  const clinic = filters.inThisClinic ? context?.clinic : null;
  const trimmed = (s: string) => s.trim();
  return {
    ...(trimmed(filters.text) ? { text: trimmed(filters.text) } : {}),
    ...(trimmed(filters.settlement) ? { settlement: trimmed(filters.settlement) } : {}),
    ...(trimmed(filters.oblast) ? { oblast: trimmed(filters.oblast) } : {}),
    ...(filters.speciality !== 'any' ? { speciality: filters.speciality } : {}),
    ...(context?.ageYears != null ? { age: context.ageYears } : {}),
    ...(clinic?.legalEntityId ? { legalEntityId: clinic.legalEntityId } : {}),
    ...(clinic?.divisionId ? { divisionId: clinic.divisionId } : {}),
    includeFull: filters.includeFull,
    page,
    pageSize: PAGE_SIZE,
  };
}

// the search waiting for typing to pause (one at a time; a wipe or a direct search drops it)
let pending: ReturnType<typeof setTimeout> | null = null;
const dropPending = (): void => {
  if (pending) clearTimeout(pending);
  pending = null;
};

export const useDoctorsStore = create<DoctorsState & DoctorsActions>()((set, get) => {
  const run = async (page: number) => {
    dropPending();
    const { filters, context } = get();
    set((s) => ({ results: { ...s.results, status: 'loading', error: null } }));
    const r = await callKiosk((b) => b.api.doctorsSearch(queryFor(filters, context, page)));
    if (get().filters !== filters) return;
    set((s) => ({
      results: r.ok
        ? {
            status: 'ready',
            items: page === 1 ? r.value.items : [...s.results.items, ...r.value.items],
            total: r.value.total,
            page,
            directoryUpdatedAt: r.value.directoryUpdatedAt,
            error: null,
          }
        : { ...s.results, status: 'error', error: r.error },
    }));
  };
  return {
    ...initialDoctorsState,
    loadContext: async () => {
      const r = await callKiosk((b) => b.api.doctorSearchContext({}));
      if (!r.ok) {
        set({ contextError: r.error });
        return;
      }
      const speciality = get().filters.speciality;
      set((s) => ({
        context: r.value,
        contextError: null,
        // a speciality the patient's age does not allow is never kept as a filter
        filters:
          speciality !== 'any' && !r.value.specialities.includes(speciality)
            ? { ...s.filters, speciality: 'any' }
            : s.filters,
      }));
    },
    setFilter: (key, value) => {
      if (get().filters[key] === value) return;
      dropPending();
      // the count on screen belongs to the old filters: say "searching" until the new answer
      set((s) => ({
        filters: { ...s.filters, [key]: value },
        results: { ...s.results, status: 'loading', error: null },
      }));
      if (TYPED.has(key)) pending = setTimeout(() => void run(1), TYPING_PAUSE_MS);
      else void run(1);
    },
    search: () => run(1),
    more: () => run(get().results.page + 1),
    open: async (employeeId) => {
      set({ selected: loading() });
      useUiStore.getState().goTo('doctorCard');
      const r = await callKiosk((b) => b.api.doctorsGet({ employeeId }));
      set({ selected: settled(r) });
    },
  };
});

registerReset(
  () => {
    dropPending();
    useDoctorsStore.setState(initialDoctorsState);
  },
  { subject: true },
);

// ── selectors that compute (plain field picks stay inline) ─────────────────────────────────────

/** The doctor of the patient's current declaration, to mark in the results (none before the context is read). */
export const selectCurrentDoctorId = (s: DoctorsState): string | null => s.context?.currentEmployeeId ?? null;
