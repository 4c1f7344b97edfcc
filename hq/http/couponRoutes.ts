import { z } from 'zod';
import { CouponIssue, PoolRequest, RedeemRequest } from '../../shared/sync/coupons';
import { LocationCode, Offer } from '../../shared/sync/entities';
import { codeHint } from '../store/couponCodes';
import { MAX_MINT } from '../store/coupons';
import { requireStore, type HqApp, type HqContext } from './context';
import { HttpError } from './errors';
import { KeyHeaders, claimOrAnswer, send } from './upstreamRoutes';

const MintRequest = z.object({ count: z.number().int('must be a whole number').min(1).max(MAX_MINT, `must be at most ${MAX_MINT}`) }).strict();
const OfferParams = z.object({ id: Offer.shape.id });
const TillRequest = z.object({ store: LocationCode, label: z.string().trim().min(1).max(80).optional() }).strict();
/** Any text a till may send: HQ itself tells a mistyped code (422) from one it never gave out (404). */
const RedeemParams = z.object({ code: z.string().min(1).max(64) });

/**
 * Single-use coupon codes (shared/sync/coupons.ts): HQ mints them, hands pillars pools of them, hears
 * which went to shoppers, and redeems each once at a till. No code, token or personal data reaches a log:
 * lines name codes by their last two characters, and the redeem route's address is logged as the route.
 */
export function couponRoutes(app: HqApp, context: HqContext): void {
  const { store, log, now } = context;

  app.post('/v1/coupons/pool', { config: { access: 'any-kiosk' }, schema: { headers: KeyHeaders, body: PoolRequest } }, async (request, reply) => {
    if (request.caller?.kind !== 'kiosk') throw new HttpError(403, 'FORBIDDEN', "Pools belong to pillars: ask with the pillar's own token");
    const pool = request.body;
    const claim = await claimOrAnswer(context, request, 'coupon-pool', pool, reply, { perPillar: true });
    if (!claim) return reply;
    const answer = await store.assignCouponPool(pool, claim);
    log.info({ pool: pool.id, store: pool.store, kiosk: claim.kioskId, offers: pool.offers.length, codes: answer.body.codes.length, short: answer.body.short }, 'coupon pool topped up');
    return send(reply, answer, false);
  });

  app.post('/v1/coupons/issued', { config: { access: 'any-kiosk' }, schema: { headers: KeyHeaders, body: CouponIssue } }, async (request, reply) => {
    const issue = request.body;
    const claim = await claimOrAnswer(context, request, 'coupon-issue', issue, reply);
    if (!claim) return reply;
    const answer = await store.receiveCouponIssue(issue, claim);
    log.info({ issue: issue.id, code: codeHint(issue.code), offer: issue.offerId, store: issue.store, kiosk: claim.kioskId }, 'coupon issue received');
    return send(reply, answer, false);
  });

  app.post(
    '/v1/coupons/:code/redeem',
    { config: { access: 'till', secretInUrl: true }, schema: { params: RedeemParams, body: RedeemRequest } },
    async (request, reply) => {
      requireStore(request.caller, request.body.store);
      const by = request.caller?.kind === 'till' ? request.caller.tillId : 'admin';
      const { store: storeCode, transaction, at } = request.body;
      const answer = await store.redeemCoupon({ code: request.params.code, store: storeCode, transaction, by, at }, now());
      return reply.code(answer.status).header('Cache-Control', 'no-store').send(answer.body);
    },
  );

  app.get('/v1/coupons/pools', { config: { access: 'admin' } }, async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ pools: await store.couponPools() }));

  app.post('/v1/offers/:id/coupons', { config: { access: 'admin' }, schema: { params: OfferParams, body: MintRequest } }, async (request, reply) => {
    const minted = await store.mintCoupons(request.params.id, request.body.count, now());
    if (!minted) throw new HttpError(404, 'NOT_FOUND', `HQ has no offer "${request.params.id}"`);
    return reply.code(201).send(minted);
  });

  app.post('/v1/tills', { config: { access: 'admin' }, schema: { body: TillRequest } }, async (request, reply) => {
    const token = await store.issueTillToken(request.body.store, request.body.label);
    log.info({ store: request.body.store }, 'till token issued');
    return reply.code(201).header('Cache-Control', 'no-store').send({ token });
  });
}
