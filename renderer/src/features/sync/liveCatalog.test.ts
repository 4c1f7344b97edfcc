import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../../shared/api/contract';
import { createLiveCatalog, type SubscribeFn } from './liveCatalog';

type CatalogEvent = 'catalog.stockChanged' | 'catalog.changed';

/** The backend's side, in memory: what `kiosk.subscribe` would deliver, and who is subscribed. */
function backend() {
  const listeners = new Map<CatalogEvent, Set<(payload: unknown) => void>>();
  const subscribe: SubscribeFn = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const entry = listener as (payload: unknown) => void;
    set.add(entry);
    return () => set.delete(entry);
  };
  return {
    subscribe,
    emit<E extends CatalogEvent>(event: E, payload: EventPayload<E> | unknown): void {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    subscribers: (event: CatalogEvent): number => listeners.get(event)?.size ?? 0,
  };
}

const stock = (...styleCodes: string[]): EventPayload<'catalog.stockChanged'> => ({ styleCodes, at: 1 });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('live catalog: stock events', () => {
  it('live: a burst of stock events reaches a list once, with every changed code it shows', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe, { quietMs: 250, maxWaitMs: 1000 });
    const calls: string[][] = [];
    live.onStockChanged(() => ['A', 'B', 'C'], (changed) => calls.push(changed));

    hq.emit('catalog.stockChanged', stock('A'));
    vi.advanceTimersByTime(100);
    hq.emit('catalog.stockChanged', stock('X', 'C'));
    vi.advanceTimersByTime(100);
    hq.emit('catalog.stockChanged', stock('A'));
    expect(calls).toEqual([]);

    vi.advanceTimersByTime(250);
    expect(calls).toEqual([['A', 'C']]);
  });

  it('live: a listener hears only about its own products, and not at all when none of them moved', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe);
    const page: string[][] = [];
    const list: string[][] = [];
    live.onStockChanged(() => ['P-1'], (changed) => page.push(changed));
    live.onStockChanged(() => ['L-1', 'L-2'], (changed) => list.push(changed));

    hq.emit('catalog.stockChanged', stock('L-2', 'Z-9'));
    vi.runAllTimers();
    expect(page).toEqual([]);
    expect(list).toEqual([['L-2']]);
  });

  it('live: the codes watched are read when the burst is delivered, so a list that grew meanwhile is matched', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe);
    let shown = ['A'];
    const calls: string[][] = [];
    live.onStockChanged(() => shown, (changed) => calls.push(changed));

    hq.emit('catalog.stockChanged', stock('B'));
    shown = ['A', 'B']; // "Show more" loaded B before the burst went quiet
    vi.runAllTimers();
    expect(calls).toEqual([['B']]);
  });

  it('live: a steady trickle still updates the screen, at the latest after the longest wait', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe, { quietMs: 250, maxWaitMs: 1000 });
    const calls: string[][] = [];
    live.onStockChanged(() => ['A', 'B', 'C', 'D', 'E', 'F'], (changed) => calls.push(changed));

    // An event every 200 ms never leaves 250 ms of quiet.
    for (const code of ['A', 'B', 'C', 'D', 'E']) {
      hq.emit('catalog.stockChanged', stock(code));
      vi.advanceTimersByTime(200);
    }
    expect(calls).toEqual([['A', 'B', 'C', 'D', 'E']]);

    hq.emit('catalog.stockChanged', stock('F'));
    vi.runAllTimers();
    expect(calls).toEqual([['A', 'B', 'C', 'D', 'E'], ['F']]);
  });

  it('live: a malformed event is dropped and later ones still arrive', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe);
    const calls: string[][] = [];
    live.onStockChanged(() => ['A'], (changed) => calls.push(changed));

    for (const bad of [null, {}, { styleCodes: 'A', at: 1 }, { styleCodes: [1, 2], at: 1 }]) hq.emit('catalog.stockChanged', bad);
    vi.runAllTimers();
    expect(calls).toEqual([]);

    hq.emit('catalog.stockChanged', stock('A'));
    vi.runAllTimers();
    expect(calls).toEqual([['A']]);
  });
});

describe('live catalog: catalog events and subscriptions', () => {
  it('live: catalog changes in a burst re-run a screen once, and do not count as stock changes', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe);
    let reruns = 0;
    const stockCalls: string[][] = [];
    live.onCatalogChanged(() => reruns++);
    live.onStockChanged(() => ['A'], (changed) => stockCalls.push(changed));

    hq.emit('catalog.changed', { at: 1 });
    hq.emit('catalog.changed', { at: 2 });
    vi.runAllTimers();
    expect(reruns).toBe(1);
    expect(stockCalls).toEqual([]);
  });

  it('live: subscribes to the backend only while someone listens', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe);
    expect(hq.subscribers('catalog.stockChanged')).toBe(0);

    const offList = live.onStockChanged(() => ['A'], () => undefined);
    const offPage = live.onCatalogChanged(() => undefined);
    expect(hq.subscribers('catalog.stockChanged')).toBe(1);
    expect(hq.subscribers('catalog.changed')).toBe(1);

    offList();
    expect(hq.subscribers('catalog.stockChanged')).toBe(1);
    offPage();
    expect(hq.subscribers('catalog.stockChanged')).toBe(0);
    expect(hq.subscribers('catalog.changed')).toBe(0);
  });

  it('live: a listener that left before the burst was delivered hears nothing', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe);
    const left: string[][] = [];
    const stayed: string[][] = [];
    const off = live.onStockChanged(() => ['A'], (changed) => left.push(changed));
    live.onStockChanged(() => ['A'], (changed) => stayed.push(changed));

    hq.emit('catalog.stockChanged', stock('A'));
    off();
    vi.runAllTimers();
    expect(left).toEqual([]);
    expect(stayed).toEqual([['A']]);
  });

  it('live: the same function subscribed twice is two subscriptions, each removed on its own', () => {
    const hq = backend();
    const live = createLiveCatalog(hq.subscribe);
    let calls = 0;
    const listener = (): void => {
      calls++;
    };
    const first = live.onCatalogChanged(listener);
    live.onCatalogChanged(listener);
    first();
    hq.emit('catalog.changed', { at: 1 });
    vi.runAllTimers();
    expect(calls).toBe(1);
  });
});
