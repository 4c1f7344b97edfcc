import { z } from 'zod';

/**
 * Every error the kiosk API can answer with. A method lists the subset it may return in the contract;
 * these three can come from any method (bad input, a crash inside the core, a call from a foreign page).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INTERNAL',
  'FORBIDDEN',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'INVALID_BARCODE',
  'UNAVAILABLE',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Errors any method may return, whatever its contract entry says. */
export const UNIVERSAL_ERRORS = ['INVALID_INPUT', 'INTERNAL', 'FORBIDDEN', 'UNKNOWN_METHOD'] as const satisfies readonly ErrorCode[];

export const ApiIssue = z.object({
  /** Dotted path into the input, e.g. `query` or `filters.sizes.2`; empty for the whole input. */
  path: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

export const ApiError = z.object({
  code: ErrorCode,
  /** For developers and logs, in English; the UI translates by `code`, never shows this to a shopper. */
  message: z.string(),
  issues: z.array(ApiIssue).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, issues?: ApiIssue[]): Result<T> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** Turns zod's issues into the API's flat `{ path, message }` list. */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
