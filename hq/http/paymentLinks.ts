import { randomBytes } from 'node:crypto';
import type { OrderSubmission } from '../../shared/sync/upstream';
import type { IssuedPayment } from '../store/store';

/**
 * Where "pay on your phone" sends the shopper. A retailer's HQ asks its payment provider for a hosted
 * payment page here (an outside call, which is why HQ claims an order's key before and stores the order
 * after); the reference HQ serves a page of its own that takes no money (`payRoutes.ts`).
 */
export interface PaymentLinks {
  issue(order: OrderSubmission): Promise<IssuedPayment>;
}

/** The token in a reference payment link: 32 random bytes, so a link cannot be guessed from another. */
export const PAY_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Links to HQ's own page, `<public URL>/pay/<token>`; the URL is read when a link is issued (known once HQ listens). */
export function referencePaymentPages(publicUrl: () => string): PaymentLinks {
  return {
    issue: async () => {
      const token = randomBytes(32).toString('base64url');
      return { url: `${publicUrl().replace(/\/+$/, '')}/pay/${token}`, token };
    },
  };
}
