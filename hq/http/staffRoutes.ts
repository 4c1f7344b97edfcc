import { z } from 'zod';
import { LocationCode } from '../../shared/sync/entities';
import { HelpUpdate, StaffAction, type HelpQueue } from '../../shared/sync/staff';
import { UPSTREAM } from '../../shared/sync/upstream';
import { StoreParams, regionOf, requireStore, type HqApp, type HqContext } from './context';
import { HttpError } from './errors';
import { etagOf, ifNoneMatch, sha256Hex } from './etag';
import { KeyHeaders, claimOrAnswer, send } from './upstreamRoutes';

/** How far back a store's help queue reaches: a shift's requests, not yesterday's. */
export const HELP_QUEUE_HOURS = 12;

const ListParams = z.object({
  store: LocationCode.optional(),
  /** Received at or after this time (epoch ms). */
  since: z.coerce.number().int().nonnegative().optional(),
  /** The `next` of the previous page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * HQ's side of staff mode (issue 8): the pillars' staff actions (the chain's audit trail) and help request
 * updates arrive through their outboxes, exactly once as the other upstream kinds (upstreamRoutes.ts); each
 * pillar polls its store's help queue to show staff every pillar's requests and a waiting shopper that
 * someone is on their way.
 */
export function staffRoutes(app: HqApp, context: HqContext): void {
  const { store, log, now } = context;

  app.post(UPSTREAM['staff-action'].path, { config: { access: 'any-kiosk' }, schema: { headers: KeyHeaders, body: StaffAction } }, async (request, reply) => {
    const action = request.body;
    const claim = await claimOrAnswer(context, request, 'staff-action', action, reply);
    if (!claim) return reply;
    const answer = await store.staff.receiveStaffAction(action, claim);
    // Who did it is the audit trail's business (hq.db), not the log's; nor is the detail, the pillar's text.
    log.info({ staffAction: action.id, store: action.store, kiosk: claim.kioskId, action: action.action }, 'staff action received');
    return send(reply, answer, false);
  });

  app.get('/v1/staff-actions', { config: { access: 'admin' }, schema: { querystring: ListParams } }, async (request, reply) => {
    const page = await store.staff.listStaffActions(request.query);
    return reply.header('Cache-Control', 'no-store').send({ staffActions: page.items, next: page.next });
  });

  app.post(UPSTREAM['help-update'].path, { config: { access: 'any-kiosk' }, schema: { headers: KeyHeaders, body: HelpUpdate } }, async (request, reply) => {
    const update = request.body;
    requireStore(request.caller, update.store);
    // Help requests are never deleted nor moved: checked before the claim, the answer cannot change under it.
    const requestStore = await store.staff.helpRequestStore(update.requestId);
    if (requestStore === null) {
      throw new HttpError(404, 'NOT_FOUND', `HQ has no help request ${update.requestId} (a request made offline is delivered before its updates: send this again later)`);
    }
    if (requestStore !== update.store) {
      throw new HttpError(403, 'FORBIDDEN', `Help request ${update.requestId} was made in another store than "${update.store}"; only that store's staff may take it`);
    }
    const claim = await claimOrAnswer(context, request, 'help-update', update, reply);
    if (!claim) return reply;
    const answer = await store.staff.receiveHelpUpdate(update, claim);
    log.info({ helpUpdate: update.id, help: update.requestId, store: update.store, kiosk: claim.kioskId, status: update.status }, 'help request update received');
    return send(reply, answer, false);
  });

  app.get('/v1/stores/:store/help-requests', { config: { access: 'kiosk' }, schema: { params: StoreParams } }, async (request, reply) => {
    // Only the admin token reaches another store's address: an unknown one is a 404, not an empty queue.
    await regionOf(store, request.params.store);
    const queue: HelpQueue = await store.staff.helpQueue(request.params.store, now() - HELP_QUEUE_HOURS * 3_600_000);
    const body = JSON.stringify(queue);
    // From the answer itself: the window moves with the clock, so nothing short of the rows says it is unchanged.
    const tag = etagOf('help-queue', request.params.store, sha256Hex(body));
    void reply.header('ETag', tag).header('Cache-Control', 'no-cache');
    if (ifNoneMatch(request.headers['if-none-match'], tag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
