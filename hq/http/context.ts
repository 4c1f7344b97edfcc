import type { FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { LocationCode } from '../../shared/sync/entities';
import type { Region } from '../../shared/sync/protocol';
import type { HqStore } from '../store/store';
import type { Caller } from './auth';
import { HttpError } from './errors';
import type { HeadWatch } from './headWatch';
import type { PaymentLinks } from './paymentLinks';

/** HQ's Fastify instance: routes declare zod schemas and get their parsed types. */
export type HqApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger, ZodTypeProvider>;

/** What the route modules share. */
export interface HqContext {
  store: HqStore;
  watch: HeadWatch;
  dataDir: string;
  log: Logger;
  /** HQ's clock (epoch ms): tests move it instead of waiting. */
  now: () => number;
  payments: PaymentLinks;
}

export const StoreParams = z.object({ store: LocationCode });

/** The store's region, or 404 for a store HQ does not know (only the admin token can ask for one). */
export async function regionOf(store: HqStore, storeCode: string): Promise<Region> {
  const region = await store.region(storeCode);
  if (!region) throw new HttpError(404, 'NOT_FOUND', `HQ knows no store "${storeCode}"`);
  return region;
}

/**
 * The caller may act for this store: a pillar of that store, or the admin. Routes whose store is in the
 * body or the query check it here (routes with `:store` in the address are checked by `authenticator`).
 */
export function requireStore(caller: Caller | null, storeCode: string): void {
  if (caller !== null && caller.kind !== 'admin' && caller.storeCode !== storeCode) {
    const whose = caller.kind === 'kiosk' ? "This pillar's" : "This till's";
    throw new HttpError(403, 'FORBIDDEN', `${whose} token is for store "${caller.storeCode}"; it cannot act for "${storeCode}"`);
  }
}
