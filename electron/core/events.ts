import { events, type EventName, type EventPayload } from '#shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * Push events from main-side services to whoever hosts the renderer (Electron webContents or the
 * WebSocket bridge). Payloads are checked against the contract before they leave.
 */
export class EventBus {
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].parse(payload);
    for (const l of this.listeners) {
      try {
        l(name, parsed);
      } catch {
        // one broken transport must not stop delivery to the others
      }
    }
  }

  /** Subscribe to every event (transports). Returns an unsubscribe function. */
  subscribeAll(listener: (name: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    return this.subscribeAll((n, p) => {
      if (n === name) listener(p as EventPayload<E>);
    });
  }
}
