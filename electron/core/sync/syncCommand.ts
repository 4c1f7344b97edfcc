import { mkdirSync } from 'node:fs';
import { createLogger } from '../log/logger';
import { SyncEngine } from './engine';
import { HqClient, describe } from './hqClient';

/**
 * `npm run kiosk -- sync`: provisions a pillar's data folder from HQ before it is installed (pre-imaged
 * pillars start with data), or with `--follow` keeps it current until stopped — the same engine the
 * pillar runs, on the main thread. Exit code 0 when the cache is at HQ's head, 1 when HQ failed.
 */
export async function runSync(options: { hq: string; token: string; store?: string | undefined; dataDir: string; follow: boolean; json: boolean }): Promise<number> {
  mkdirSync(options.dataDir, { recursive: true });
  const log = createLogger({ dataDir: options.dataDir, level: 'warn', stdout: !options.json });
  const say = (line: string): void => {
    if (!options.json) process.stderr.write(`${line}\n`);
  };
  let store = options.store;
  try {
    store ??= (await new HqClient({ url: options.hq, token: options.token, store: '' }).whoami()).store;
  } catch (error) {
    say(`pillar sync: cannot ask HQ which store this token belongs to: ${describe(error)}`);
    return 1;
  }
  let lastLine = '';
  const started = Date.now();
  const engine = new SyncEngine({
    dataDir: options.dataDir,
    hq: { url: options.hq, token: options.token },
    storeCode: store,
    log,
    live: options.follow,
    removeOldCaches: true,
    onStatus: (status) => {
      const p = status.progress;
      const line = p ? `${p.stage} ${Math.round(p.fraction * 100)}%${p.etaSeconds !== null ? `, about ${p.etaSeconds} s left` : ''}` : `${status.phase}, cursor ${status.cursor ?? '—'}`;
      if (line !== lastLine) say(`pillar sync: ${line}`);
      lastLine = line;
    },
  });
  if (options.follow) {
    engine.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await engine.stop();
    return 0;
  }
  try {
    await engine.syncOnce();
    engine.foldAll();
    const status = engine.status;
    const summary = { store, cursor: status.cursor, seconds: (Date.now() - started) / 1000 };
    if (options.json) console.log(JSON.stringify(summary));
    else say(`pillar sync: ${store} is at HQ's cursor ${status.cursor} (${summary.seconds.toFixed(1)} s)`);
    return 0;
  } catch (error) {
    say(`pillar sync: ${describe(error)}`);
    return 1;
  } finally {
    await engine.stop();
  }
}
