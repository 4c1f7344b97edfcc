import { z } from 'zod';
import { LocationCode, Offer, Settings } from '../../shared/sync/entities';
import { StockUpdate, type StockUpdateResult } from '../../shared/sync/protocol';
import type { PublishResult } from '../store/store';
import type { HqApp, HqContext } from './context';
import { HttpError } from './errors';

const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1–200 visible ASCII characters, such as a UUID')
    .optional(),
});

const KioskRequest = z.object({ store: LocationCode, label: z.string().trim().min(1).max(80).optional() }).strict();
const OfferParams = z.object({ id: Offer.shape.id });
const CompactRequest = z.object({ keep: z.number().int('must be a whole number').nonnegative('must not be negative') }).strict();

/** The biggest stock update (200 000 rows) is about 20 MB of JSON; everything else stays under the default 1 MiB. */
const STOCK_BODY_LIMIT = 32 * 1024 * 1024;

/** What the retailer's systems and IT do: stock from tills and the ERP, pillar tokens, offers, settings, compaction (of the log and of old idempotency keys). */
export function adminRoutes(app: HqApp, { store, log, now }: HqContext): void {
  app.post(
    '/v1/stock',
    { config: { access: 'admin' }, bodyLimit: STOCK_BODY_LIMIT, schema: { headers: IdempotencyHeaders, body: StockUpdate } },
    async (request): Promise<StockUpdateResult> => {
      const idempotencyKey = request.headers['idempotency-key'];
      const result = await store.updateStock(request.body, idempotencyKey === undefined ? {} : { idempotencyKey });
      log.info({ reason: request.body.reason, rows: request.body.changes.length, applied: result.applied, clamped: result.clamped.length, cursor: result.cursor }, 'stock updated');
      return result;
    },
  );

  app.post('/v1/kiosks', { config: { access: 'admin' }, schema: { body: KioskRequest } }, async (request, reply) => {
    const token = await store.issueKioskToken(request.body.store, request.body.label);
    log.info({ store: request.body.store }, 'pillar token issued');
    return reply.code(201).header('Cache-Control', 'no-store').send({ token });
  });

  app.put('/v1/offers/:id', { config: { access: 'admin' }, schema: { params: OfferParams, body: Offer } }, async (request): Promise<PublishResult> => {
    if (request.body.id !== request.params.id) {
      throw new HttpError(400, 'INVALID_INPUT', 'The offer in the body has another id than the address', [{ path: 'id', message: `must be "${request.params.id}", as in the address` }]);
    }
    return store.putOffer(request.body);
  });

  app.delete('/v1/offers/:id', { config: { access: 'admin' }, schema: { params: OfferParams } }, async (request): Promise<PublishResult> => store.deleteOffer(request.params.id));

  app.put('/v1/settings', { config: { access: 'admin' }, schema: { body: Settings } }, async (request): Promise<PublishResult> => store.putSettings(request.body));

  app.post('/v1/compact', { config: { access: 'admin' }, schema: { body: CompactRequest } }, async (request) => {
    const head = await store.head();
    const floor = await store.compact(Math.max(0, head - request.body.keep));
    // Upstream idempotency keys are kept 30 days, then forgotten here (the rows they created stay).
    const forgottenKeys = await store.forgetUpstreamKeys(now());
    log.info({ head, floor, forgottenKeys }, 'change log compacted');
    return { floor, forgottenKeys };
  });
}
