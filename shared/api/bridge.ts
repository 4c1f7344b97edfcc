import {
  eventNames,
  isEventName,
  methodNames,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from './contract';
import type { Result } from './result';

/** How a bridge reaches the backend: Electron IPC in the preload, HTTP + SSE in the browser preview. */
export interface KioskTransport {
  invoke(method: MethodName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Call<M extends MethodName> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` is exactly "a method without input"
  {} extends MethodInput<M>
    ? (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
    : (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;

/** `window.kiosk`: `kiosk.system.info()`, … — one function per contract method, plus typed event subscription. */
export type KioskApi = {
  readonly [N in Namespace]: {
    readonly [M in MethodName as M extends `${N}.${infer Short}` ? Short : never]: Call<M>;
  };
} & {
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Builds the nested API object from the contract over any transport. */
export function buildKioskApi(transport: KioskTransport): KioskApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of methodNames) {
    const [namespace, short] = splitMethod(name);
    api[namespace] ??= {};
    api[namespace][short] = (input?: unknown) => transport.invoke(name, input ?? {});
  }
  const subscribe = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`Unknown kiosk event "${event}"; known: ${eventNames.join(', ')}`);
    return transport.subscribe(event, listener);
  };
  // The loop above fills exactly the shape KioskApi describes; TypeScript cannot follow a loop over keys.
  return { ...api, subscribe } as unknown as KioskApi;
}

function splitMethod(name: MethodName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
