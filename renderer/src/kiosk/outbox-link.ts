import { useEffect } from 'react';
import { followOutbox } from '../stores/links';

export { operationChanged } from '../stores/links';

/**
 * The one subscription to main's `outboxChanged`, for the frame's whole life: whatever screen the
 * patient is on, every store that shows one of their operations hears how it ends ("still being
 * sent" turns into "done" on the data screen too). The stores forget their operations when the
 * session ends (they are reset with everything else).
 */
export function useOutboxLink(): void {
  useEffect(() => {
    const sub = followOutbox();
    return sub.ok ? sub.value : undefined;
  }, []);
}
