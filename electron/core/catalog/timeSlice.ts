import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long in-memory work (building the search index, re-reading stock flags) written once, as generators
 * that `yield` wherever they may pause — every few hundred microseconds of work — and run either to the
 * end at once (`runNow`: the CLI, benchmarks, a first start) or in slices of a few milliseconds with the
 * event loop free in between (`runInSlices`: the kiosk while sync applies a large delta, where the UI
 * must never stall for more than 50 ms). A slice ends by elapsed time, not by a count of steps, so it
 * stays short whatever the catalog's size and the machine's speed.
 */
export type Sliced<T> = Generator<void, T, void>;

/** Work in one slice before the event loop gets a turn: well inside a 60 Hz frame. */
export const SLICE_MS = 8;

/** How often a tight loop over typed arrays yields: a few hundred microseconds of work. */
export const LOOP_STEP = 1 << 13;

/** The work was cancelled between two slices: a newer request made it pointless, or its owner closed. */
export class Superseded extends Error {
  override readonly name = 'Superseded';

  constructor(reason = 'cancelled: superseded by a newer request, or closed') {
    super(reason);
  }
}

export function runNow<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs `work` in slices of about `sliceMs`, giving the event loop a turn (`setImmediate`) between
 * them. `cancelled` is asked before every slice; once it says yes the work is closed (its `finally`
 * blocks run, so connections and transactions it holds are released) and `Superseded` is thrown.
 */
export async function runInSlices<T>(work: Sliced<T>, options: { sliceMs?: number; cancelled?: () => boolean } = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  try {
    for (;;) {
      if (options.cancelled?.()) throw new Superseded();
      const until = performance.now() + sliceMs;
      let step = work.next();
      while (!step.done && performance.now() < until) step = work.next();
      if (step.done) return step.value;
      await nextTurn();
    }
  } finally {
    // Closes the generator if it did not finish (cancelled, or the caller's error): no-op otherwise.
    work.return(undefined as T);
  }
}

/**
 * Sorts `order` (a permutation, e.g. of row numbers) by `before` — stable, yielding as it goes: a
 * bottom-up merge sort, since the engine's own sort cannot pause and takes hundreds of milliseconds
 * for a few hundred thousand strings. `before(a, b)`: a strictly precedes b.
 */
export function* sortSliced(order: Uint32Array, before: (a: number, b: number) => boolean): Sliced<Uint32Array> {
  const n = order.length;
  let from: Uint32Array = order;
  let to: Uint32Array = new Uint32Array(n);
  let work = 0;
  // Short runs by insertion sort first: fewer passes, and it is the fastest sort for a dozen items.
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const item = from[i] ?? 0;
      let j = i - 1;
      while (j >= lo && before(item, from[j] ?? 0)) {
        from[j + 1] = from[j] ?? 0;
        j--;
      }
      from[j + 1] = item;
    }
    if ((work += RUN * 4) >= LOOP_STEP / 2) {
      work = 0;
      yield;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Ties take from the left run: stable.
        if (before(from[j] ?? 0, from[i] ?? 0)) to[k++] = from[j++] ?? 0;
        else to[k++] = from[i++] ?? 0;
        if (++work >= LOOP_STEP / 2) {
          work = 0;
          yield;
        }
      }
      while (i < mid) to[k++] = from[i++] ?? 0;
      while (j < hi) to[k++] = from[j++] ?? 0;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** 0 … n-1, as a permutation to sort. */
export function identity(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}
