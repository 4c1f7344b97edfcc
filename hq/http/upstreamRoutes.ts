import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { canonicalJson } from '../../shared/sync/digest';
import { HelpSubmission, OrderSubmission, RatingSubmission, UPSTREAM } from '../../shared/sync/upstream';
import type { Answer, ClaimedRequest, IssuedPayment, KeyKind } from '../store/store';
import type { Caller } from './auth';
import { requireStore, type HqApp, type HqContext } from './context';
import { HttpError } from './errors';

export const KeyHeaders = z.looseObject({
  'idempotency-key': z.uuid("must be the id of the row sent (the body's id), a UUID"),
});

/**
 * What the pillars' outboxes deliver (shared/sync/upstream.ts), each applied exactly once:
 *  1. the body is validated, its store must be the caller's, and `Idempotency-Key` must be its id;
 *  2. the key is claimed — or the first answer is sent again (`Idempotent-Replayed: true`), or refused:
 *     422 IDEMPOTENCY_MISMATCH for another body, 409 IN_FLIGHT while the first request still runs;
 *  3. for "pay on your phone", the payment link is issued (outside any transaction: it may be a provider's);
 *  4. the row and the answer commit together. A refusal (422, 409 CODE_TAKEN) frees the key.
 */
export function upstreamRoutes(app: HqApp, context: HqContext): void {
  const { store, log, payments } = context;

  app.post(UPSTREAM.order.path, { config: { access: 'any-kiosk' }, schema: { headers: KeyHeaders, body: OrderSubmission } }, async (request, reply) => {
    const order = request.body;
    const claim = await claimOrAnswer(context, request, 'order', order, reply);
    if (!claim) return reply;
    let payment: IssuedPayment | null = null;
    if (order.payment === 'phone') {
      try {
        payment = await payments.issue(order);
      } catch (error) {
        await store.releaseClaim(claim.key, claim.claimId);
        log.error({ err: error, order: order.id }, 'no payment link for an order');
        throw new HttpError(503, 'UNAVAILABLE', 'HQ could not issue the payment link just now; send the order again later');
      }
    }
    const answer = await store.receiveOrder(order, { ...claim, payment });
    const items = order.lines.reduce((sum, line) => sum + line.quantity, 0);
    log.info({ order: order.id, code: order.code, store: order.store, kiosk: claim.kioskId, lines: order.lines.length, items, totalMinor: order.quote.totalMinor, currency: order.quote.currency, payment: order.payment }, 'order received');
    return send(reply, answer, false);
  });

  app.post(UPSTREAM.rating.path, { config: { access: 'any-kiosk' }, schema: { headers: KeyHeaders, body: RatingSubmission } }, async (request, reply) => {
    const rating = request.body;
    const claim = await claimOrAnswer(context, request, 'rating', rating, reply);
    if (!claim) return reply;
    const answer = await store.receiveRating(rating, claim);
    // Never the comment: a shopper may write anything in it, their name included.
    log.info({ rating: rating.id, store: rating.store, kiosk: claim.kioskId, stars: rating.stars, order: rating.orderId }, 'rating received');
    return send(reply, answer, false);
  });

  app.post(UPSTREAM.help.path, { config: { access: 'any-kiosk' }, schema: { headers: KeyHeaders, body: HelpSubmission } }, async (request, reply) => {
    const help = request.body;
    const claim = await claimOrAnswer(context, request, 'help', help, reply);
    if (!claim) return reply;
    const answer = await store.receiveHelpRequest(help, claim);
    log.info({ help: help.id, store: help.store, kiosk: claim.kioskId, screen: help.screen }, 'help request received');
    return send(reply, answer, false);
  });
}

/**
 * Steps 1 and 2: the claim to go on with, or null when the answer (a replay) has been sent. Throws the
 * refusals. `perPillar`: the request is the same only from the same pillar (a pool request's answer is
 * that pillar's codes, never another's).
 */
export async function claimOrAnswer(
  { store, now }: HqContext,
  request: { caller: Caller | null; headers: z.infer<typeof KeyHeaders> },
  kind: KeyKind,
  body: { id: string; store: string },
  reply: FastifyReply,
  options: { perPillar?: boolean } = {},
): Promise<ClaimedRequest | null> {
  requireStore(request.caller, body.store);
  const key = request.headers['idempotency-key'];
  if (key !== body.id) {
    throw new HttpError(400, 'INVALID_INPUT', "The Idempotency-Key header must be the body's id", [{ path: 'idempotency-key', message: `must be "${body.id}", the body's id` }]);
  }
  const kioskId = request.caller?.kind === 'kiosk' ? request.caller.kioskId : null;
  const upstream = {
    kind,
    key,
    storeCode: body.store,
    kioskId,
    // The validated body in canonical form: a retry that orders its keys differently is the same request.
    requestSha256: createHash('sha256')
      .update(canonicalJson(options.perPillar ? { body, kioskId } : body))
      .digest('hex'),
    now: now(),
  };
  const claim = await store.claimUpstream(upstream);
  if (claim.kind === 'claimed') return { ...upstream, claimId: claim.claimId };
  send(reply, claim.answer, true);
  return null;
}

export function send(reply: FastifyReply, answer: Answer<unknown>, replayed: boolean): FastifyReply {
  if (replayed) void reply.header('Idempotent-Replayed', 'true');
  // A receipt may carry a payment link: no cache keeps it.
  return reply.code(answer.status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
}
