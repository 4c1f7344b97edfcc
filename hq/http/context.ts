import type { FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { LocationCode } from '../../shared/sync/entities';
import type { Region } from '../../shared/sync/protocol';
import type { HqStore } from '../store/store';
import { HttpError } from './errors';
import type { HeadWatch } from './headWatch';

/** HQ's Fastify instance: routes declare zod schemas and get their parsed types. */
export type HqApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger, ZodTypeProvider>;

/** What the route modules share. */
export interface HqContext {
  store: HqStore;
  watch: HeadWatch;
  dataDir: string;
  log: Logger;
}

export const StoreParams = z.object({ store: LocationCode });

/** The store's region, or 404 for a store HQ does not know (only the admin token can ask for one). */
export async function regionOf(store: HqStore, storeCode: string): Promise<Region> {
  const region = await store.region(storeCode);
  if (!region) throw new HttpError(404, 'NOT_FOUND', `HQ knows no store "${storeCode}"`);
  return region;
}
