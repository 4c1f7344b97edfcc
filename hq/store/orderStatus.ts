import type { OrderLine, OrderStatus } from '../../shared/sync/upstream';

/**
 * An order only moves forward: received → paid → shipped (home delivery) or ready-for-pickup (a hold)
 * → collected; taken from the shelf here, a paid order is collected at once. It can be cancelled until
 * it has left (shipped) or been collected — an uncollected hold is cancelled from ready-for-pickup.
 */
const FROM: Record<OrderStatus, readonly OrderStatus[]> = {
  received: [],
  paid: ['received'],
  shipped: ['paid'],
  'ready-for-pickup': ['paid'],
  collected: ['paid', 'ready-for-pickup'],
  cancelled: ['received', 'paid', 'ready-for-pickup'],
};

/** Why `from` cannot become `to` for an order with these lines, or null when it can. Staying put is not a step. */
export function statusRefusal(from: OrderStatus, to: OrderStatus, lines: readonly OrderLine[]): string | null {
  if (!FROM[to].includes(from)) return `An order that is ${from} cannot become ${to}`;
  const has = (kind: OrderLine['fulfilment']['kind']) => lines.some((line) => line.fulfilment.kind === kind);
  if (to === 'shipped' && !has('delivery')) return 'Only an order with home delivery can be shipped';
  if (to === 'ready-for-pickup' && !has('hold')) return 'Only an order held at a store can be ready for pickup';
  if (to === 'collected' && from === 'paid' && !has('in-store')) return 'A held order is collected once it is ready for pickup';
  return null;
}
