import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/api/sync';
import { freshnessOf, needsSetupScreen, STALE_AFTER_MS } from './syncRules';

const NOW = Date.UTC(2025, 4, 12, 12, 0);
const MINUTE = 60_000;

function status(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    phase: 'following',
    live: true,
    cursor: 10,
    head: 10,
    pendingChanges: 0,
    lastSuccessAt: NOW - MINUTE,
    lastError: null,
    progress: null,
    source: 'hq',
    ...overrides,
  };
}

describe('sync: freshness', () => {
  it('freshness: a pillar following HQ is fresh, however long since its last change', () => {
    expect(freshnessOf(status({ lastSuccessAt: NOW - 3 * 60 * MINUTE }), NOW)).toEqual({ kind: 'fresh', at: NOW - 3 * 60 * MINUTE });
  });

  it('freshness: retrying stays fresh for five minutes, then turns stale with the time of the last success', () => {
    const at = NOW - STALE_AFTER_MS;
    expect(freshnessOf(status({ phase: 'retrying', lastSuccessAt: at }), NOW)).toEqual({ kind: 'fresh', at });
    expect(freshnessOf(status({ phase: 'retrying', lastSuccessAt: at }), NOW + 1)).toEqual({ kind: 'stale', at });
  });

  it('freshness: HQ data with HQ no longer configured turns stale too, since nothing will refresh it', () => {
    const at = NOW - 10 * MINUTE;
    expect(freshnessOf(status({ phase: 'not-configured', live: false, lastSuccessAt: at }), NOW)).toEqual({ kind: 'stale', at });
  });

  it('freshness: a resnapshot while the old cache serves shows the old cache’s time, not a warning', () => {
    const at = NOW - 10 * MINUTE;
    expect(freshnessOf(status({ phase: 'provisioning', lastSuccessAt: at }), NOW)).toEqual({ kind: 'fresh', at });
  });

  it('freshness: retrying without any success on record is stale without a time', () => {
    expect(freshnessOf(status({ phase: 'retrying', lastSuccessAt: null }), NOW)).toEqual({ kind: 'stale', at: null });
  });

  it('freshness: nothing is said for the demo chain, an empty cache, or before the first status', () => {
    expect(freshnessOf(null, NOW)).toEqual({ kind: 'hidden' });
    expect(freshnessOf(status({ phase: 'not-configured', source: 'demo', lastSuccessAt: null }), NOW)).toEqual({ kind: 'hidden' });
    expect(freshnessOf(status({ phase: 'retrying', source: 'demo', lastSuccessAt: NOW - 60 * MINUTE }), NOW)).toEqual({ kind: 'hidden' });
    expect(freshnessOf(status({ phase: 'provisioning', source: 'empty', lastSuccessAt: null }), NOW)).toEqual({ kind: 'hidden' });
    expect(freshnessOf(status({ phase: 'following', lastSuccessAt: null }), NOW)).toEqual({ kind: 'hidden' });
  });
});

describe('sync: the setup screen', () => {
  it('setup: first provisioning with an empty cache shows the setup screen', () => {
    expect(needsSetupScreen(status({ phase: 'provisioning', source: 'empty' }), null)).toBe(true);
  });

  it('setup: a failed first provisioning (retrying, nothing cached) keeps the setup screen', () => {
    expect(needsSetupScreen(status({ phase: 'retrying', source: 'empty' }), null)).toBe(true);
  });

  it('setup: a resnapshot while the old cache answers never interrupts the shopper', () => {
    expect(needsSetupScreen(status({ phase: 'provisioning', source: 'hq' }), null)).toBe(false);
    expect(needsSetupScreen(status({ phase: 'provisioning', source: 'hq' }), true)).toBe(false);
  });

  it('setup: a cache that says it holds data but whose catalog answers UNAVAILABLE shows the setup screen', () => {
    expect(needsSetupScreen(status({ phase: 'provisioning', source: 'hq' }), false)).toBe(true);
  });

  it('setup: following, or no HQ at all, never shows it', () => {
    expect(needsSetupScreen(null, false)).toBe(false);
    expect(needsSetupScreen(status({ phase: 'following', source: 'empty' }), false)).toBe(false);
    expect(needsSetupScreen(status({ phase: 'not-configured', source: 'empty' }), false)).toBe(false);
  });
});
