/**
 * Every zustand store registers its reset here, so a wipe (idle timeout, "Finish") and each test
 * start from the initial state. No store is persisted (nothing is written to the page's storage);
 * the `ui` preferences (language, large text, contrast) reset to the kiosk's defaults like the rest.
 *
 * Stores holding what the cabinet shows about its patient register with `{ subject: true }`: a
 * parent switching between their own cabinet and a child's (or between children) gets those
 * reset too, so nothing of one person is ever shown as another's.
 */
const resetters = new Set<() => void>();
const subjectResetters = new Set<() => void>();

export const registerReset = (reset: () => void, opts: { subject?: boolean } = {}): void => {
  resetters.add(reset);
  if (opts.subject) subjectResetters.add(reset);
};

export const resetAllStores = (): void => {
  for (const r of resetters) r();
};

/** The cabinet is about another person now: forget what was shown about the previous one. */
export const resetSubjectStores = (): void => {
  for (const r of subjectResetters) r();
};
