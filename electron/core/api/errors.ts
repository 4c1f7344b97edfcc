import type { ErrorCode } from '../../../shared/api/result';

/**
 * A failure a handler means to report to the UI with a typed code (`NOT_FOUND`, `INVALID_BARCODE`, …).
 * Anything else a handler throws is a bug: the dispatcher logs it and answers `INTERNAL`.
 */
export class KioskError extends Error {
  override readonly name = 'KioskError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
