import { z } from 'zod';
import type { HqApp, HqContext } from './context';
import { PAY_TOKEN } from './paymentLinks';
import { payNotFoundPage, payPage } from './payPage';

/**
 * A page, not an API: whoever holds the link (the shopper's phone) may open it, and the token — 256
 * random bits — is the only key. Nothing on it is personal; it stays out of caches, referrers, search
 * engines and the request log (`secretInUrl`).
 */
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
};

// Any token is looked up or refused as "not found": a malformed one must not get a JSON 400 on a page.
const PayParams = z.object({ token: z.string().max(512) });

export function payRoutes(app: HqApp, { store }: HqContext): void {
  app.get('/pay/:token', { config: { access: 'public', secretInUrl: true }, schema: { params: PayParams } }, async (request, reply) => {
    const { token } = request.params;
    const view = PAY_TOKEN.test(token) ? await store.orderForPayment(token) : null;
    if (!view) return reply.code(404).headers(PAGE_HEADERS).send(payNotFoundPage());
    return reply.headers(PAGE_HEADERS).send(payPage(view));
  });
}
