import { z } from 'zod';
import { LocationCode } from '../../shared/sync/entities';
import { OrderCode, OrderStatus, type OrderStatusList } from '../../shared/sync/upstream';
import type { StoredOrder } from '../store/store';
import { StoreParams, requireStore, type HqApp, type HqContext } from './context';
import { HttpError } from './errors';

/** Most ids one status question may ask about: a day's orders of a busy pillar. */
const MAX_STATUS_IDS = 100;

const ListParams = z.object({
  store: LocationCode.optional(),
  /** Received at or after this time (epoch ms). */
  since: z.coerce.number().int().nonnegative().optional(),
  /** The `next` of the previous page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const OrderParams = z.object({ code: OrderCode });
const OrderQuery = z.object({ store: LocationCode });
const StatusParams = z.object({ id: z.uuid() });
const StatusChange = z.object({ status: OrderStatus.exclude(['received'], { error: 'must be paid, shipped, ready-for-pickup, collected or cancelled' }) }).strict();
const StatusQuery = z.object({
  ids: z
    .string()
    .transform((list) => list.split(','))
    .pipe(z.array(z.uuid()).min(1).max(MAX_STATUS_IDS, `must be at most ${MAX_STATUS_IDS} ids`)),
});

/**
 * The staff and till side of orders, ratings and help requests: lists and one order for the admin token
 * (tills, the fault harness, IT), one order and the statuses of its own orders for a pillar. Personal data
 * (contact, address, delivery preferences) is read for the admin token only.
 */
export function orderRoutes(app: HqApp, { store, now, log }: HqContext): void {
  app.get('/v1/orders', { config: { access: 'admin' }, schema: { querystring: ListParams } }, async (request, reply) => {
    const page = await store.listOrders(request.query);
    return reply.header('Cache-Control', 'no-store').send({ orders: page.items, next: page.next });
  });

  app.get('/v1/orders/:code', { config: { access: 'any-kiosk' }, schema: { params: OrderParams, querystring: OrderQuery } }, async (request, reply) => {
    requireStore(request.caller, request.query.store);
    const personal = request.caller?.kind === 'admin';
    const order: StoredOrder | null = await store.getOrder(request.query.store, request.params.code, { personal });
    if (!order) throw new HttpError(404, 'NOT_FOUND', `Store "${request.query.store}" has no order ${request.params.code}`);
    return reply.header('Cache-Control', 'no-store').send(order);
  });

  app.post('/v1/orders/:id/status', { config: { access: 'admin' }, schema: { params: StatusParams, body: StatusChange } }, async (request) => {
    const order = await store.setOrderStatus(request.params.id, request.body.status, now());
    if (!order) throw new HttpError(404, 'NOT_FOUND', `HQ has no order ${request.params.id}`);
    log.info({ order: order.id, code: order.code, store: order.store, status: order.status }, 'order status');
    return order;
  });

  app.get('/v1/stores/:store/orders/status', { config: { access: 'kiosk' }, schema: { params: StoreParams, querystring: StatusQuery } }, async (request, reply) => {
    const answer: OrderStatusList = { orders: await store.orderStatuses(request.params.store, request.query.ids) };
    return reply.header('Cache-Control', 'no-store').send(answer);
  });

  app.get('/v1/ratings', { config: { access: 'admin' }, schema: { querystring: ListParams } }, async (request, reply) => {
    const page = await store.listRatings(request.query);
    return reply.header('Cache-Control', 'no-store').send({ ratings: page.items, next: page.next });
  });

  app.get('/v1/help-requests', { config: { access: 'admin' }, schema: { querystring: ListParams } }, async (request, reply) => {
    const page = await store.listHelpRequests(request.query);
    return reply.header('Cache-Control', 'no-store').send({ helpRequests: page.items, next: page.next });
  });
}
