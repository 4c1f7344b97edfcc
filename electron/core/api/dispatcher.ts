import type { Logger } from 'pino';
import {
  isMethodName,
  methods,
  type MethodName,
  type MethodSpec,
  type MethodOutput,
  type MethodParsedInput,
} from '../../../shared/api/contract';
import { UNIVERSAL_ERRORS, fail, issuesOf, ok, type ErrorCode, type Result } from '../../../shared/api/result';
import { STAFF_ROLE_RANK, type StaffRole } from '../../../shared/sync/entities';
import { KioskError } from './errors';

/** One implementation per contract method; the compiler refuses a contract method without one. */
export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export interface Dispatcher {
  /**
   * Calls a method by name with untrusted input. Never throws: unknown method, invalid input, a typed
   * failure or a crash inside the handler all come back as `{ ok: false, error }`.
   */
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
}

/**
 * The single gate between any transport and the core: every call from IPC or HTTP goes through here, so
 * validation cannot be forgotten for one handler.
 */
export function createDispatcher(handlers: Handlers, log: Logger, staffRole: () => StaffRole | null = () => null): Dispatcher {
  return {
    async dispatch(name, rawInput) {
      if (!isMethodName(name)) return fail('UNKNOWN_METHOD', `No kiosk method named "${name.slice(0, 64)}"`);
      const spec: MethodSpec = methods[name];

      // Staff methods: the role comes from the core's own staff session, never from the caller's input.
      if (spec.role) {
        const role = staffRole();
        if (!role || STAFF_ROLE_RANK[role] < STAFF_ROLE_RANK[spec.role]) return fail('FORBIDDEN', `${name} needs a signed-in ${spec.role}`);
      }

      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) {
        return fail('INVALID_INPUT', `Invalid input for ${name}`, issuesOf(parsed.error));
      }

      let value: unknown;
      try {
        // The union of handlers cannot be narrowed by `name` at compile time; the schema check above is what
        // makes this call safe.
        const handler = handlers[name] as (input: unknown) => unknown;
        value = await handler(parsed.data);
      } catch (error) {
        if (error instanceof KioskError && mayAnswer(spec.errors, error.code)) {
          return fail(error.code, error.message);
        }
        // Only the error's class and stack are logged: messages may quote input, which may be personal.
        log.error({ method: name, err: describe(error) }, 'kiosk method failed');
        return fail('INTERNAL', 'Something went wrong inside the kiosk');
      }

      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error({ method: name, issues: issuesOf(checked.error) }, 'kiosk method broke its output contract');
        return fail('INTERNAL', 'Something went wrong inside the kiosk');
      }
      return ok(checked.data);
    },
  };
}

function mayAnswer(declared: readonly ErrorCode[], code: ErrorCode): boolean {
  return declared.includes(code) || (UNIVERSAL_ERRORS as readonly ErrorCode[]).includes(code);
}

function describe(error: unknown): { type: string; stack?: string } {
  if (error instanceof Error) return { type: error.name, ...(error.stack ? { stack: stackOnly(error.stack) } : {}) };
  return { type: typeof error };
}

/** The stack frames without the first line, which repeats the message. */
function stackOnly(stack: string): string {
  return stack.split('\n').slice(1).join('\n');
}
