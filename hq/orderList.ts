import type { HqStore, StoredOrder } from './store/store';

/**
 * `npm run hq -- orders`: what HQ received, newest first, for IT and the fault harness — a table, or
 * JSON (`--json`, one array of orders as `GET /v1/orders` gives them). Personal data (contact, address,
 * delivery preferences) only when asked for with `--with-contact`: a terminal's scrollback is a log too.
 */
export async function listOrders(store: HqStore, options: { store?: string | undefined; json: boolean; personal: boolean }): Promise<string> {
  const orders: StoredOrder[] = [];
  let before: number | undefined;
  do {
    const page = await store.listOrders({ limit: 500, personal: options.personal, ...(options.store === undefined ? {} : { store: options.store }), ...(before === undefined ? {} : { before }) });
    orders.push(...page.items);
    before = page.next ?? undefined;
  } while (before !== undefined);

  if (options.json) return `${JSON.stringify(orders, null, 2)}\n`;
  if (orders.length === 0) return options.store === undefined ? 'no orders\n' : `no orders for ${options.store}\n`;
  const header = ['CODE', 'STORE', 'PLACED (UTC)', 'TOTAL', 'LINES', 'STATUS', 'PAYMENT'];
  const rows = [header];
  const details: (string | null)[] = [null];
  for (const order of orders) {
    rows.push([order.code, order.store, utcMinute(order.placedAt), money(order.quote.totalMinor, order.quote.currency), String(order.lines.length), order.status, order.payment]);
    details.push(order.personal ? contactLine(order.personal) : null);
  }
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row, index) => {
      // Amounts right-aligned, so their digits line up.
      const line = row.map((cell, column) => (column === 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
      const detail = details[index];
      return detail ? `${line}\n    ${detail}` : line;
    })
    .join('\n')
    .concat('\n');
}

function contactLine(personal: NonNullable<StoredOrder['personal']>): string {
  const { contact, address, delivery } = personal;
  const parts = [contact.name, contact.phone, contact.email];
  if (address) parts.push([address.line1, address.line2, `${address.postalCode} ${address.city}`, address.country].filter(Boolean).join(', '));
  if (delivery?.safePlace) parts.push(`safe place: ${delivery.safePlace}`);
  return parts.filter(Boolean).join(' · ');
}

function utcMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** `SEK 1,234.00`: the currency's own decimals, the same on every terminal. */
function money(minor: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' });
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** decimals);
}
