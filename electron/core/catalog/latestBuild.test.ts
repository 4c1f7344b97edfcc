import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LatestBuild } from './latestBuild';
import { type Sliced, Superseded } from './timeSlice';

/**
 * A build of `source.version` that takes `steps` pauses, recording when builds start, finish and are
 * closed, and how many run at once.
 */
function harness(steps = 50) {
  const source = { version: 0, fail: false };
  const state = { installed: -1, started: 0, closed: 0, running: 0, mostAtOnce: 0 };
  function* build(): Sliced<number> {
    const version = source.version;
    state.started++;
    state.running++;
    state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
    try {
      for (let i = 0; i < steps; i++) yield;
      if (source.fail) throw new Error('the catalog could not be read');
      return version;
    } finally {
      state.running--;
      state.closed++;
    }
  }
  const builds = new LatestBuild(build, (version) => (state.installed = version), { sliceMs: 0 });
  return { source, state, builds };
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextTurn();
}

describe('latest build', () => {
  it('latest build: requests in one turn share one build', async () => {
    const { source, state, builds } = harness();
    source.version = 1;
    await Promise.all([builds.request(), builds.request(), builds.request()]);
    expect(state).toMatchObject({ installed: 1, started: 1 });
    expect(builds.busy).toBe(false);
  });

  it('latest build: a request during a build cancels it, and the newest state is installed', async () => {
    const { source, state, builds } = harness();
    source.version = 1;
    const first = builds.request();
    await turns(5);
    expect(builds.busy).toBe(true);
    source.version = 2;
    const second = builds.request();
    await Promise.all([first, second]);
    expect(state).toMatchObject({ installed: 2, started: 2, closed: 2, mostAtOnce: 1 });
  });

  it('latest build: a stream of requests cannot starve the builds: the third in a row runs to the end', async () => {
    const { source, state, builds } = harness(40);
    const answers: Promise<void>[] = [];
    // A new request every few turns, faster than a build finishes, for a while.
    for (let version = 1; version <= 12; version++) {
      source.version = version;
      answers.push(builds.request());
      await turns(5);
      if (state.installed > 0) break;
    }
    expect(state.installed).toBeGreaterThan(0);
    expect(state.mostAtOnce).toBe(1);
    await Promise.all(answers);
    expect(state.installed).toBe(source.version);
  });

  it('latest build: a failed build rejects its requests and installs nothing; the next one can succeed', async () => {
    const { source, state, builds } = harness();
    source.version = 1;
    await builds.request();
    source.version = 2;
    source.fail = true;
    await expect(builds.request()).rejects.toThrow('the catalog could not be read');
    expect(state.installed).toBe(1);
    source.fail = false;
    await builds.request();
    expect(state.installed).toBe(2);
  });

  it('latest build: a state built by the caller answers waiting requests and drops the running build', async () => {
    const { source, state, builds } = harness();
    source.version = 1;
    const waiting = builds.request();
    await turns(5);
    state.installed = 99;
    builds.satisfied();
    await waiting;
    await turns(3);
    expect(state).toMatchObject({ installed: 99, started: 1, closed: 1, running: 0 });
    expect(builds.busy).toBe(false);
  });

  it('latest build: closing stops the running build at once and rejects every request', async () => {
    const { state, builds } = harness(1000);
    const waiting = builds.request();
    await turns(5);
    builds.close();
    // Closed synchronously: whatever the build held is released before close() returns.
    expect(state).toMatchObject({ running: 0, closed: 1 });
    await expect(waiting).rejects.toBeInstanceOf(Superseded);
    await expect(builds.request()).rejects.toBeInstanceOf(Superseded);
    expect(state.installed).toBe(-1);
  });
});
