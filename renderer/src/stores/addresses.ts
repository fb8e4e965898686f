import { create } from 'zustand';
import type { Settlement, Street } from '#shared/contract/person';
import { ok, type KioskError, type Result } from '#shared/result';
import { callKiosk } from './bridge';
import type { Loadable } from './loadable';
import { registerReset } from './reset';

/**
 * The address register as the person forms look it up: the regions once, then per address of the
 * form (by its index) the settlements found by name in a region and the streets found by name in a
 * settlement. What was found is shown until the patient chooses, changes the region or leaves the
 * address; nothing here is sent anywhere.
 */
export interface Region {
  id: string;
  name: string;
}

export interface AddressLookup {
  settlements: Loadable<Settlement[]>;
  streets: Loadable<Street[]>;
}

export interface AddressesState {
  regions: Loadable<Region[]>;
  lookups: Record<number, AddressLookup>;
}

export interface AddressesActions {
  /** Loads the regions unless they are loaded or on their way. */
  loadRegions(): Promise<void>;
  searchSettlements(index: number, region: string, query: string): Promise<void>;
  searchStreets(index: number, settlementId: string, query: string): Promise<void>;
  /** The results were used or no longer apply: they are not shown (a message stays). */
  clearSettlements(index: number): void;
  clearStreets(index: number): void;
  /** The address left the form (or its editor closed): forget its lookups, late answers included. */
  forget(index: number): void;
}

type Part = keyof AddressLookup;
type Found = Settlement[] | Street[];

const idle = <T>(): Loadable<T> => ({ status: 'idle', data: null, error: null });
const emptyLookup = (): AddressLookup => ({ settlements: idle(), streets: idle() });

/** A search starts: the earlier message of either search goes, what was found stays until the answer. */
const quiet = <T>(l: Loadable<T>): Loadable<T> =>
  l.status === 'error' ? { status: 'idle', data: l.data, error: null } : l;

/** The answer: what was found, or the message with what was shown before kept on screen. */
const settled = <T>(r: Result<T>, before: T | null): Loadable<T> =>
  r.ok ? { status: 'ready', data: r.value, error: null } : { status: 'error', data: before, error: r.error };

export const initialAddressesState: AddressesState = { regions: idle(), lookups: {} };

export const useAddressesStore = create<AddressesState & AddressesActions>()((set, get) => {
  const lookupOf = (index: number): AddressLookup => get().lookups[index] ?? emptyLookup();
  const put = (index: number, lookup: AddressLookup) =>
    set((s) => ({ lookups: { ...s.lookups, [index]: lookup } }));

  /** One search of an address; an answer for an address forgotten, cleared or searched again meanwhile is dropped. */
  async function search(index: number, part: Part, call: () => Promise<Result<Found>>): Promise<void> {
    const before = lookupOf(index);
    const other: Part = part === 'settlements' ? 'streets' : 'settlements';
    const loading: Loadable<Found> = { status: 'loading', data: before[part].data, error: null };
    put(index, { ...before, [other]: quiet(before[other]), [part]: loading });
    const r = await call();
    const now = get().lookups[index];
    if (now?.[part] !== loading) return;
    put(index, { ...now, [part]: settled(r, loading.data) });
  }

  const clear = (index: number, part: Part) => {
    const now = get().lookups[index];
    if (now) put(index, { ...now, [part]: { ...now[part], data: null } });
  };

  return {
    ...initialAddressesState,

    loadRegions: async () => {
      const { status } = get().regions;
      if (status === 'loading' || status === 'ready') return;
      set({ regions: { status: 'loading', data: null, error: null } });
      const r = await callKiosk((b) => b.api.personAddressRegions({}));
      if (get().regions.status !== 'loading') return;
      set({ regions: settled(r.ok ? ok(r.value.regions) : r, null) });
    },

    searchSettlements: (index, region, query) =>
      search(index, 'settlements', async () => {
        const r = await callKiosk((b) => b.api.personAddressSettlements({ region, query }));
        return r.ok ? ok(r.value.settlements) : r;
      }),

    searchStreets: (index, settlementId, query) =>
      search(index, 'streets', async () => {
        const r = await callKiosk((b) => b.api.personAddressStreets({ settlementId, query }));
        return r.ok ? ok(r.value.streets) : r;
      }),

    clearSettlements: (index) => clear(index, 'settlements'),
    clearStreets: (index) => clear(index, 'streets'),

    forget: (index) =>
      set((s) => {
        if (!(index in s.lookups)) return s;
        const lookups = { ...s.lookups };
        delete lookups[index];
        return { lookups };
      }),
  };
});

/** A search of this address is running (one "searching" line and one message per address, as shown). */
export const lookupBusy = (l: AddressLookup | undefined): boolean =>
  l?.settlements.status === 'loading' || l?.streets.status === 'loading';

/** The latest message of this address's searches. */
export const lookupError = (l: AddressLookup | undefined): KioskError | null =>
  l?.settlements.error ?? l?.streets.error ?? null;

registerReset(() => useAddressesStore.setState(initialAddressesState), { subject: true });
