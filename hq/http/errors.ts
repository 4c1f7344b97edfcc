import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { HqError } from '../../shared/sync/protocol';
import { CursorExpired, IdempotencyConflict, IdempotencyMismatch, KeyInFlight, OrderCodeTaken, StatusRefused, StoreInputError, SubmissionRefused } from '../store/store';

/** The words the protocol fixes for a 410: pillars and people both read them. */
export const CURSOR_EXPIRED_MESSAGE = 'cursor too old, take a snapshot';

export type HqErrorCode = HqError['error']['code'];
export type Issue = { path: string; message: string };

/** An answer HQ refuses with on purpose: thrown by handlers and hooks, sent by `handleError`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HqErrorCode,
    message: string,
    readonly issues?: readonly Issue[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(code: HqErrorCode, message: string, issues?: readonly Issue[]): HqError {
  return { error: { code, message, ...(issues && issues.length > 0 ? { issues: [...issues] } : {}) } };
}

const PART_NAMES: Record<string, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'address',
  headers: 'request headers',
};

/** Fastify's own refusals of a request it could not read, in words a till integrator can act on. */
const FASTIFY_REFUSALS: Record<string, { status: number; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, message: 'The request body is empty; send a JSON document' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, message: 'The request body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, message: 'The Content-Length header does not match the body' },
};

/**
 * Every error ends here. Bad input is always a 4xx with a reason, never a 500; a real bug is a 500
 * `INTERNAL` whose message stays in HQ's log (it may name files or SQL) and never reaches the caller.
 */
export function handleError(log: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = classify(error);
    if (status >= 500) log.error({ err: error, reqId: request.id, route: request.routeOptions.url }, 'request failed inside HQ');
    else log.debug({ reqId: request.id, code: body.error.code, reason: body.error.message }, 'request refused');
    if (status === 401) void reply.header('WWW-Authenticate', 'Bearer realm="pillar-hq"');
    // A claim lives for seconds; the pillar's own backoff would do, this says how soon is sensible.
    if (body.error.code === 'IN_FLIGHT') void reply.header('Retry-After', '5');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  };
}

function classify(error: FastifyError): { status: number; body: HqError } {
  if (error instanceof HttpError) return { status: error.status, body: errorBody(error.code, error.message, error.issues) };
  // Well-formed, but not something HQ can accept (an unknown SKU): 422, so the pillar stops retrying it.
  if (error instanceof SubmissionRefused) return { status: 422, body: errorBody('INVALID_INPUT', error.message, error.issues) };
  if (error instanceof StoreInputError) return { status: 400, body: errorBody('INVALID_INPUT', error.message, error.issues) };
  if (error instanceof IdempotencyMismatch) return { status: 422, body: errorBody('IDEMPOTENCY_MISMATCH', error.message) };
  if (error instanceof KeyInFlight) return { status: 409, body: errorBody('IN_FLIGHT', error.message) };
  if (error instanceof OrderCodeTaken) return { status: 409, body: errorBody('CODE_TAKEN', error.message, [{ path: 'code', message: 'is taken by another order of this store' }]) };
  if (error instanceof StatusRefused) return { status: 409, body: errorBody('CONFLICT', error.message, [{ path: 'status', message: error.message }]) };
  // The store's own check, for a compaction that ran between the route's check and the store's read.
  if (error instanceof CursorExpired) return { status: 410, body: errorBody('CURSOR_EXPIRED', CURSOR_EXPIRED_MESSAGE) };
  if (error instanceof IdempotencyConflict) return { status: 409, body: errorBody('CONFLICT', error.message) };
  if (error.validation) {
    const part = PART_NAMES[error.validationContext ?? ''] ?? 'request';
    const issues = error.validation.map((issue) => ({ path: toPath(issue.instancePath), message: issue.message ?? 'is not valid' }));
    return { status: 400, body: errorBody('INVALID_INPUT', `The ${part} is not valid`, issues) };
  }
  const refusal = FASTIFY_REFUSALS[error.code];
  if (refusal) return { status: refusal.status, body: errorBody('INVALID_INPUT', refusal.message) };
  // JSON.parse's SyntaxError, which Fastify marks 400, and any other 4xx Fastify raises about the request.
  const status = error.statusCode ?? 500;
  if (error instanceof SyntaxError && status === 400) return { status, body: errorBody('INVALID_INPUT', 'The request body is not valid JSON') };
  if (status >= 400 && status < 500) return { status, body: errorBody(codeFor(status), error.message || 'The request is not valid') };
  return { status: 500, body: errorBody('INTERNAL', 'HQ could not answer this request; the cause is in its log') };
}

function codeFor(status: number): HqErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    default:
      return 'INVALID_INPUT';
  }
}

/** `/changes/0/sku` → `changes.0.sku`: the same path notation as the store's own issues. */
function toPath(instancePath: string): string {
  return instancePath.split('/').filter(Boolean).join('.');
}
