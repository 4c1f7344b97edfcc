import { events, type EventName, type EventPayload } from '../../../shared/api/contract';

export type AnyEventListener = (name: EventName, payload: unknown) => void;

/**
 * The backend's side of the contract's events. Payloads are checked against their schema when emitted,
 * so a host forwarding them (IPC, SSE) never sends the UI something the contract does not describe.
 */
export class KioskEvents {
  readonly #listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].parse(payload);
    for (const listener of this.#listeners) listener(name, checked);
  }

  /** Every event, for hosts that forward them all; returns the unsubscribe function. */
  onAny(listener: AnyEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
