import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Sliced, Superseded, runInSlices } from './timeSlice';

/**
 * Rebuilds of something held in memory (the search index) that run one at a time in slices, the latest
 * request winning. A request made while a build runs cancels it at its next pause — it read the
 * catalog before the change that prompted the request — and a fresh build starts; every request is
 * answered once a build that started after it is installed. Requests made in one turn of the event
 * loop share one build.
 *
 * A stream of requests closer together than one build takes (a long sync committing batch after
 * batch) would cancel every build and leave the old state answering forever; so after
 * `MAX_ABANDONED` cancelled builds in a row, the next one runs to the end whatever arrives, is
 * installed, and only then does the latest request get its build.
 */
const MAX_ABANDONED = 2;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Run<T> {
  work: Sliced<T>;
  waiters: Waiter[];
  cancelled: boolean;
  cancellable: boolean;
}

export class LatestBuild<T> {
  #waiting: Waiter[] = [];
  #running: Run<T> | null = null;
  #draining = false;
  #closed = false;

  constructor(
    /** Starts a build: called once per build, on a turn of its own. */
    private readonly build: () => Sliced<T>,
    /** Swaps a finished build in: called synchronously as its last slice ends. */
    private readonly install: (built: T) => void,
    private readonly options: { sliceMs?: number } = {},
  ) {}

  /** Whether a build is under way or about to start. */
  get busy(): boolean {
    return this.#draining;
  }

  /** Resolves once a build started after this call is installed; rejects if that build fails. */
  request(): Promise<void> {
    if (this.#closed) return Promise.reject(new Superseded('closed'));
    const answer = new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
    if (this.#running?.cancellable) this.#running.cancelled = true;
    if (!this.#draining) void this.#drain();
    return answer;
  }

  /**
   * The caller has just built and installed a newer state itself, synchronously: every request so far
   * is answered, and a running build (older by construction) is dropped.
   */
  satisfied(): void {
    const running = this.#running;
    if (running) {
      this.#stop(running);
      for (const waiter of running.waiters.splice(0)) waiter.resolve();
    }
    for (const waiter of this.#waiting.splice(0)) waiter.resolve();
  }

  /** Stops for good: a running build is closed at once (releasing what it holds); requests reject. */
  close(): void {
    this.#closed = true;
    const closed = new Superseded('closed');
    const running = this.#running;
    if (running) {
      this.#stop(running);
      for (const waiter of running.waiters.splice(0)) waiter.reject(closed);
    }
    for (const waiter of this.#waiting.splice(0)) waiter.reject(closed);
  }

  /** Cancels a run now: its generator is suspended at a pause, so closing it runs its `finally` blocks at once. */
  #stop(run: Run<T>): void {
    run.cancelled = true;
    run.work.return(undefined as T);
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    let abandoned = 0;
    try {
      // One turn first: requests made in the same turn share this build.
      await nextTurn();
      while (this.#waiting.length > 0 && !this.#closed) {
        const run: Run<T> = { work: this.build(), waiters: this.#waiting.splice(0), cancelled: false, cancellable: abandoned < MAX_ABANDONED };
        this.#running = run;
        try {
          const built = await runInSlices(run.work, { ...this.options, cancelled: () => run.cancelled });
          if (run.cancelled) throw new Superseded();
          this.install(built);
          abandoned = 0;
          for (const waiter of run.waiters) waiter.resolve();
        } catch (error) {
          if (error instanceof Superseded) {
            // Cancelled by a newer request: its callers wait for the next build.
            abandoned++;
            this.#waiting.unshift(...run.waiters);
          } else {
            for (const waiter of run.waiters) waiter.reject(error);
          }
        }
      }
    } finally {
      this.#running = null;
      this.#draining = false;
    }
  }
}
