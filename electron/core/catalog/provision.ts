import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import { DEMO_HOME_STORE, demoRegionCodes } from '../../../resources/demo/generator';
import { loadDemoChain } from './demoLoader';

/**
 * Makes sure the cache holds a catalog. Until HQ sync exists (issue 4) an empty cache is filled with the
 * demo chain, for the configured store when it is one of the demo stores and the flagship otherwise.
 */
export function ensureCatalog(db: Db, options: { storeCode: string; mediaDir: string; log: Logger }): void {
  const source = db.prepare("SELECT value FROM meta WHERE key = 'source'").get() as { value: string } | undefined;
  if (source) return;
  const started = performance.now();
  const homeStore = demoRegionCodes(options.storeCode) ? options.storeCode : DEMO_HOME_STORE;
  const counts = loadDemoChain(db, { scale: 'demo', homeStore, mediaDir: options.mediaDir });
  options.log.info({ ...counts, homeStore, ms: Math.round(performance.now() - started) }, 'demo catalog loaded into an empty cache');
}
