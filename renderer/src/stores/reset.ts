/**
 * Every zustand store registers its reset here, so a wipe (idle timeout, "Finish") and each test
 * start from the initial state. Only `ui` preferences are ever persisted — and those reset too.
 */
const resetters = new Set<() => void>();

export const registerReset = (reset: () => void): void => {
  resetters.add(reset);
};

export const resetAllStores = (): void => {
  for (const r of resetters) r();
};
