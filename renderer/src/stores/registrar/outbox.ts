import type { OperationState } from '#shared/contract/outbox';
import type { RegistrarOperation } from '#shared/contract/registrar';
import { callKiosk } from '../bridge';
import { runAction } from './activity';
import type { RegistrarSlice } from './slice';

/** The outbox as the registrar sees it: the operations (no personal data beyond initials) and the two things they may do. */
export interface OutboxSlice {
  operations: RegistrarOperation[];
  loadOperations(states?: OperationState[]): Promise<void>;
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
}

export const initialOutbox: Pick<OutboxSlice, 'operations'> = { operations: [] };

/** How many operations the panel lists at once. */
const OPERATIONS_PAGE = 100;

export const outboxSlice: RegistrarSlice<OutboxSlice> = (set, get) => {
  const replace = (op: RegistrarOperation) =>
    set({ operations: get().operations.map((o) => (o.id === op.id ? op : o)) });
  return {
    ...initialOutbox,
    loadOperations: async (states) => {
      await runAction(
        set,
        get,
        () =>
          callKiosk((b) =>
            b.api.registrarOutboxList({ ...(states ? { states } : {}), limit: OPERATIONS_PAGE }),
          ),
        ({ operations }) => set({ operations }),
      );
    },
    retry: async (id) => {
      await runAction(
        set,
        get,
        () => callKiosk((b) => b.api.registrarOutboxRetry({ id })),
        (op) => {
          replace(op);
          return 'retried';
        },
      );
    },
    discard: async (id) => {
      await runAction(
        set,
        get,
        () => callKiosk((b) => b.api.registrarOutboxDiscard({ id })),
        (op) => {
          replace(op);
          return 'discarded';
        },
      );
    },
  };
};
