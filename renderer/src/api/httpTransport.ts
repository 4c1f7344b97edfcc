import type { KioskTransport } from '../../../shared/api/bridge';
import type { EventName } from '../../../shared/api/contract';
import { ApiError, fail, type Result } from '../../../shared/api/result';

/**
 * The browser preview's transport: `POST /api/<method>` for calls, one shared `EventSource` on
 * `/api/events` for events. A host that cannot be reached answers `UNAVAILABLE`, like any other error.
 */
export function createHttpTransport(baseUrl = ''): KioskTransport {
  let source: EventSource | undefined;

  return {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
      } catch {
        return fail('UNAVAILABLE', 'The kiosk host cannot be reached');
      }
      try {
        return parseResult(await response.json());
      } catch {
        return fail('UNAVAILABLE', `The kiosk host answered ${response.status} without a result`);
      }
    },

    subscribe(event: EventName, listener) {
      source ??= new EventSource(`${baseUrl}/api/events`);
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data));
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}

function parseResult(body: unknown): Result<unknown> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
    if (body.ok === false && 'error' in body) {
      const error = ApiError.safeParse(body.error);
      if (error.success) return { ok: false, error: error.data };
    }
  }
  return fail('UNAVAILABLE', 'The kiosk host answered with something that is not a result');
}
