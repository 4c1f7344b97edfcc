import type { RedeemAnswer } from '../shared/sync/coupons';
import type { CouponPoolStats, HqStore } from './store/store';

/**
 * `npm run hq -- coupons`: every offer's codes — minted, still in HQ's pool, with pillars, issued,
 * redeemed — and its pool warnings, as a table or JSON (`--json`, as `GET /v1/coupons/pools` gives them).
 * Counts only: no code is ever printed here.
 */
export async function listCouponPools(store: HqStore, options: { json: boolean }): Promise<string> {
  const pools = await store.couponPools();
  if (options.json) return `${JSON.stringify(pools, null, 2)}\n`;
  if (pools.length === 0) return 'no offers and no coupons\n';
  const header = ['OFFER', 'KIND', 'MINTED', 'IN HQ', 'WITH PILLARS', 'ISSUED', 'REDEEMED', 'WARNINGS'];
  const rows = [header, ...pools.map((pool) => [pool.offerId, pool.kind ?? '(deleted)', ...[pool.minted, pool.unassigned, pool.assigned, pool.issued, pool.redeemed, pool.warnings].map(String)])];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const lines = rows.map((row, index) => {
    // Counts right-aligned, so their digits line up.
    const line = row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd();
    const pool = index === 0 ? undefined : pools[index - 1];
    return pool ? [line, ...lowNotes(pool)].join('\n') : line;
  });
  return `${lines.join('\n')}\n`;
}

function lowNotes(pool: CouponPoolStats): string[] {
  const notes: string[] = [];
  if (pool.kind !== null && pool.minted > 0 && pool.unassigned < pool.lowWater) notes.push(`    low: ${pool.unassigned} left in HQ's pool (below ${pool.lowWater}); mint more with POST /v1/offers/${pool.offerId}/coupons`);
  const last = pool.recentWarnings[0];
  if (last) notes.push(`    last warning ${utcMinute(last.at)} UTC: ${last.kind}, ${last.store} ${last.kioskId} wanted ${last.wanted}, got ${last.given}, ${last.unassigned} left`);
  return notes;
}

/** `npm run hq -- redeem`: the till's answer in words, or as JSON. */
export function describeRedemption(answer: RedeemAnswer, status: number, json: boolean): string {
  if (json) return `${JSON.stringify(answer, null, 2)}\n`;
  if (!answer.ok) return `refused (${status} ${answer.reason}): ${answer.message}\n`;
  const { percent, amountMinor, minSpendMinor, categories } = answer.discount;
  const discount = [percent === undefined ? null : `${percent}% off`, amountMinor === undefined ? null : `${amountMinor} off (minor units)`].filter(Boolean).join(', ');
  const conditions = [minSpendMinor === undefined ? null : `minimum spend ${minSpendMinor} (minor units)`, categories === undefined ? null : `on ${categories.join(', ')}`].filter(Boolean);
  return `redeemed ${answer.code}: ${discount}${conditions.length > 0 ? `, ${conditions.join(', ')}` : ''} (offer ${answer.offerId}), transaction ${answer.transaction} at ${utcMinute(answer.redeemedAt)} UTC\n`;
}

function utcMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}
