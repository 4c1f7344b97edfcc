import type { EnrolAnswer } from '../../../shared/sync/fleet';
import { runSync } from '../sync/syncCommand';
import { checkCode, configFromEnrolment, enrol, prepareDataDir, ProvisionError, refuseExisting, writeConfigFile } from './provision';

export interface ProvisionOptions {
  hq: string;
  code: string;
  dataDir: string;
  /** Where the configuration goes (the data folder's pillar.config.json unless IT says otherwise). */
  configFile: string;
  force: boolean;
  appVersion: string;
  json: boolean;
  fetch?: typeof fetch;
}

export interface ProvisionSummary {
  store: { id: string; name: string };
  kioskId: string;
  label: string | null;
  config: string;
  dataDir: string;
  /** Whether the cache reached HQ's head (the pillar shows its catalog at first start). */
  synced: boolean;
}

/**
 * `npm run kiosk -- provision`: enrols the pillar with HQ, writes its configuration, and pre-syncs its
 * cache exactly as `sync` does. Prints the store and the pillar's id, never its token. Exit code 0 when
 * the pillar is ready, 1 when HQ refused or failed (with the reason), 3 when enrolled but the cache could
 * not be synced (the configuration is written: the pillar will sync when it starts).
 */
export async function runProvision(options: ProvisionOptions): Promise<number> {
  const say = (line: string): void => {
    if (!options.json) process.stderr.write(`${line}\n`);
  };
  let answer: EnrolAnswer;
  try {
    // Refuse before the code is spent: a code used on a pillar that then cannot write its file is lost.
    checkCode(options.code);
    refuseExisting(options.configFile, options);
    prepareDataDir(options.dataDir);
    answer = await enrol({ hq: options.hq, code: options.code, appVersion: options.appVersion, ...(options.fetch ? { fetch: options.fetch } : {}) });
    writeConfigFile(options.configFile, configFromEnrolment(answer), { force: options.force });
  } catch (error) {
    if (!(error instanceof ProvisionError)) throw error;
    if (options.json) console.log(JSON.stringify({ ok: false, problem: error.problem, message: error.message }));
    else say(`pillar provision: ${error.message}`);
    return 1;
  }
  say(`pillar provision: enrolled as ${answer.kioskId} for ${answer.store.name} (${answer.store.id}); configuration written to ${options.configFile}`);
  const synced = (await runSync({ hq: answer.hq.url, token: answer.token, store: answer.store.id, dataDir: options.dataDir, follow: false, json: false })) === 0;
  const summary: ProvisionSummary = { store: { id: answer.store.id, name: answer.store.name }, kioskId: answer.kioskId, label: answer.label, config: options.configFile, dataDir: options.dataDir, synced };
  if (options.json) console.log(JSON.stringify({ ok: true, ...summary }));
  else
    say(
      synced
        ? `pillar provision: ready — store ${summary.store.id} (${summary.store.name}), pillar ${summary.kioskId}${summary.label ? ` "${summary.label}"` : ''}, cache synced into ${summary.dataDir}`
        : `pillar provision: enrolled, but the cache could not be synced now; the pillar syncs when it starts (npm run kiosk -- doctor --data ${summary.dataDir})`,
    );
  return synced ? 0 : 3;
}
