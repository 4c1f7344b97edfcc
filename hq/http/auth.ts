import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { HqStore } from '../store/store';
import { HttpError } from './errors';

/**
 * Who may call a route, declared on the route itself (`config: { access }`):
 *  - `public`: anyone (health only);
 *  - `kiosk`: a pillar's token for the store named in the address, or the admin token;
 *  - `any-kiosk`: any pillar's token or the admin token (media are the same for every store);
 *  - `till`: a till's token or the admin token (redeeming coupons; the route checks the store);
 *  - `admin`: the admin token only.
 * A route that declares nothing is admin-only, so a forgotten declaration never opens a route.
 */
export type Access = 'public' | 'kiosk' | 'any-kiosk' | 'till' | 'admin';

export type Caller = { kind: 'admin' } | { kind: 'kiosk'; storeCode: string; kioskId: string } | { kind: 'till'; storeCode: string; tillId: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export function authenticator(store: HqStore, adminToken: string) {
  // Compared as fixed-length digests so neither the length nor the bytes of the admin token leak through timing.
  const adminDigest = sha256(adminToken);

  return async function authenticate(request: FastifyRequest): Promise<void> {
    // An unknown route is a 404 for everyone: the routes are documented, so there is nothing to hide.
    if (request.is404) return;
    const access = request.routeOptions.config.access ?? 'admin';
    if (access === 'public') return;
    const token = bearerToken(request.headers.authorization);
    if (token === null) throw new HttpError(401, 'UNAUTHORIZED', 'Send "Authorization: Bearer <token>": a pillar token or the admin token');

    if (timingSafeEqual(sha256(token), adminDigest)) {
      request.caller = { kind: 'admin' };
      return;
    }
    const kiosk = await store.authenticateKiosk(token);
    if (!kiosk) {
      // A till's token opens the till routes and nothing else.
      const till = await store.authenticateTill(token);
      if (!till) throw new HttpError(401, 'UNAUTHORIZED', 'This token is unknown or revoked');
      request.caller = { kind: 'till', ...till };
      if (access !== 'till') throw new HttpError(403, 'FORBIDDEN', 'A till token may only redeem coupons');
      return;
    }
    request.caller = { kind: 'kiosk', ...kiosk };

    if (access === 'admin') throw new HttpError(403, 'FORBIDDEN', 'Only the admin token may do this; a pillar token may not');
    if (access === 'till') throw new HttpError(403, 'FORBIDDEN', "Only a till's token may redeem coupons; a pillar token may not");
    if (access === 'kiosk') {
      const wanted = (request.params as { store?: unknown }).store;
      if (wanted !== kiosk.storeCode) throw new HttpError(403, 'FORBIDDEN', "This pillar's token opens its own store's region only");
    }
  };
}

/** The token of `Bearer <token>`, or null when the header is missing or of another scheme. */
function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+([\x21-\x7e]{1,512})[ ]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
