import { useEffect } from 'react';
import type { OperationView } from '#shared/contract/outbox';
import { useAppsStore } from '../stores/apps';
import { useDeclarationsStore } from '../stores/declarations';
import { usePersonStore } from '../stores/person';
import { useReceiptsStore } from '../stores/receipts';
import { listenKiosk } from './call';

/** Every store that follows an operation the patient started in this session. */
export function operationChanged(view: OperationView): void {
  usePersonStore.getState().operationChanged(view);
  useReceiptsStore.getState().operationChanged(view);
  useDeclarationsStore.getState().operationChanged(view);
  useAppsStore.getState().operationChanged(view);
}

/**
 * The one subscription to main's `outboxChanged`, for the frame's whole life: whatever screen the
 * patient is on, every store that shows one of their operations hears how it ends ("still being
 * sent" turns into "done" on the data screen too). The stores forget their operations when the
 * session ends (they are reset with everything else).
 */
export function useOutboxLink(): void {
  useEffect(() => {
    const sub = listenKiosk((events) => events.outboxChanged(operationChanged));
    return sub.ok ? sub.value : undefined;
  }, []);
}
