import { EnrolAnswer, EnrolRequest, normaliseEnrolCode } from '../../shared/sync/fleet';
import { AttemptLimit } from '../enrol/attempts';
import { CHAIN_BRANDING, storeProfile } from '../enrol/profile';
import type { HqApp, HqContext } from './context';
import { errorBody, HttpError } from './errors';

/** Attempts per client address and minute: a pillar being set up needs one or two. */
export const ENROL_ATTEMPTS_PER_MINUTE = 20;

/**
 * `POST /v1/enrol`: a pillar trades its one-time code (`npm run hq -- enrol`) for its own token and its
 * store's configuration. Public — the code is the key — and limited per client address. Neither the
 * code nor the token reaches a log line: the request log names the route only, and refusals say why
 * without echoing what was sent.
 */
export function enrolRoutes(app: HqApp, { store, log, now }: HqContext, publicUrl: string | null): void {
  const attempts = new AttemptLimit({ max: ENROL_ATTEMPTS_PER_MINUTE, windowMs: 60_000 });

  app.post('/v1/enrol', { config: { access: 'public' }, schema: { body: EnrolRequest } }, async (request, reply) => {
    const wait = attempts.take(request.ip, now());
    if (wait > 0) {
      return reply
        .code(429)
        .header('Retry-After', String(Math.ceil(wait / 1000)))
        .send(errorBody('TOO_MANY_ATTEMPTS', `Too many enrolment attempts from this address; try again in ${Math.ceil(wait / 1000)} s`));
    }
    const code = normaliseEnrolCode(request.body.code);
    const outcome = code === null ? ({ ok: false, reason: 'unknown' } as const) : await store.fleet.enrol(code, request.body.device, now());
    if (!outcome.ok) {
      log.info({ reason: outcome.reason, platform: request.body.device.platform }, 'enrolment refused');
      switch (outcome.reason) {
        case 'used':
          throw new HttpError(409, 'CODE_USED', 'This enrolment code has been used already; ask IT for a new one (npm run hq -- enrol)');
        case 'expired':
          throw new HttpError(410, 'CODE_EXPIRED', 'This enrolment code has expired; ask IT for a new one (npm run hq -- enrol)');
        default:
          throw new HttpError(404, 'UNKNOWN_CODE', 'HQ knows no such enrolment code; check it for typos (ENR-XXXX-XXXX-XXXX)');
      }
    }
    const published = await store.fleet.storeOf(outcome.storeCode);
    // The code's store was checked when it was made; a store HQ stopped publishing since cannot be set up.
    if (!published) throw new HttpError(404, 'NOT_FOUND', `HQ no longer publishes store "${outcome.storeCode}"; the pillar was created but cannot be configured`);
    log.info({ store: outcome.storeCode, kiosk: outcome.kioskId, platform: request.body.device.platform, version: request.body.device.appVersion }, 'pillar enrolled');
    const answer: EnrolAnswer = {
      kioskId: outcome.kioskId,
      label: outcome.label,
      token: outcome.token,
      store: storeProfile(published.location, published.settings),
      branding: CHAIN_BRANDING,
      // HQ's public address when it has one (behind a proxy the request's own scheme may be plain http);
      // else the address the pillar reached HQ at, which it can reach again.
      hq: { url: publicUrl ?? `${request.protocol}://${request.host}` },
    };
    return reply.code(201).header('Cache-Control', 'no-store').send(EnrolAnswer.parse(answer));
  });
}
