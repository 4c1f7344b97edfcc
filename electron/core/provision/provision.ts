import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { HqError } from '../../../shared/sync/protocol';
import { AppVersion, DevicePlatform, EnrolAnswer, normaliseEnrolCode, type EnrolRequest } from '../../../shared/sync/fleet';
import { describe } from '../sync/hqClient';
import { KioskConfig, type KioskConfigFile } from '../config/schema';

/** Why provisioning stopped, each with a sentence IT can act on. */
export type ProvisionProblem = 'bad-code' | 'unknown-code' | 'code-used' | 'code-expired' | 'too-many-attempts' | 'hq-unreachable' | 'hq-refused' | 'bad-answer' | 'config-exists' | 'cannot-write';

export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
  constructor(
    readonly problem: ProvisionProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface EnrolOptions {
  hq: string;
  /** As IT typed it (case, spaces and look-alike letters are forgiven). */
  code: string;
  appVersion: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** `POST /v1/enrol`: trades a one-time code for this pillar's token and its store's configuration. */
export async function enrol(options: EnrolOptions): Promise<EnrolAnswer> {
  const code = checkCode(options.code);
  const base = options.hq.replace(/\/+$/, '');
  const request: EnrolRequest = { code, device: device(options.appVersion) };
  const timeoutMs = options.timeoutMs ?? 20_000;
  let status: number;
  let text: string;
  try {
    const response = await (options.fetch ?? fetch)(`${base}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : describe(error);
    throw new ProvisionError('hq-unreachable', `HQ at ${base} cannot be reached (${why}); check the address and the store's network, then try again: the code is still unused`);
  }
  const json = safeJson(text);
  if (status >= 200 && status < 300) {
    const answer = EnrolAnswer.safeParse(json);
    if (!answer.success) throw new ProvisionError('bad-answer', `HQ at ${base} answered, but not with an enrolment (is this the pillar HQ's address?)`);
    return answer.data;
  }
  const error = HqError.safeParse(json);
  const hqCode = error.success ? error.data.error.code : null;
  switch (hqCode) {
    case 'UNKNOWN_CODE':
      throw new ProvisionError('unknown-code', `HQ does not know the code ${code}: check it was typed from this HQ's "enrol" output`);
    case 'CODE_USED':
      throw new ProvisionError('code-used', `The code ${code} has already enrolled a pillar; ask HQ for a new one (npm run hq -- enrol --store ID)`);
    case 'CODE_EXPIRED':
      throw new ProvisionError('code-expired', `The code ${code} has expired; ask HQ for a new one (npm run hq -- enrol --store ID)`);
    case 'TOO_MANY_ATTEMPTS':
      throw new ProvisionError('too-many-attempts', 'HQ has had too many enrolment attempts from this address; wait a minute and try again');
  }
  if (status >= 500) throw new ProvisionError('hq-unreachable', `HQ at ${base} is failing (${status}); try again later: the code is still unused`);
  throw new ProvisionError('hq-refused', `HQ at ${base} refused the enrolment (${status}${error.success ? ` ${error.data.error.code}: ${error.data.error.message}` : ''})`);
}

/** The code in its written form, or `bad-code` for text that cannot be one (nothing is asked of HQ). */
export function checkCode(text: string): string {
  const code = normaliseEnrolCode(text);
  if (!code) throw new ProvisionError('bad-code', 'That is not an enrolment code: it looks like ENR-XXXX-XXXX-XXXX (ask HQ: npm run hq -- enrol --store ID)');
  return code;
}

/** The pillar's configuration file from HQ's answer, checked as the kiosk will check it. */
export function configFromEnrolment(answer: EnrolAnswer): KioskConfig {
  const file: KioskConfigFile = {
    store: { id: answer.store.id, name: answer.store.name },
    hq: { url: answer.hq.url, token: answer.token },
    locale: answer.store.locale,
    currency: answer.store.currency,
    timeZone: answer.store.timeZone,
    defaultLanguage: answer.store.defaultLanguage,
    languages: answer.store.languages,
    branding: answer.branding,
  };
  const parsed = KioskConfig.safeParse(file);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ProvisionError('bad-answer', `HQ's configuration for this pillar would not load (${fields})`);
  }
  return parsed.data;
}

/**
 * Writes the configuration where the kiosk will find it: readable by this user only (it holds the
 * pillar's token), written beside and renamed into place so a power cut leaves the old file or the new
 * one, never half of one. An existing file is kept unless `force`: re-provisioning a working pillar is a
 * decision, not an accident.
 */
export function writeConfigFile(file: string, config: KioskConfig, options: { force: boolean }): void {
  refuseExisting(file, options);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ProvisionError('cannot-write', `The configuration cannot be written to ${file}: ${(error as Error).message}`);
  }
}

/** Refuses to replace a pillar's configuration unless told to. */
export function refuseExisting(file: string, options: { force: boolean }): void {
  if (existsSync(file) && !options.force) {
    throw new ProvisionError('config-exists', `${file} already exists: this pillar is provisioned. Use --force to replace it (the old token stops being used)`);
  }
}

/** The pillar's data folder, for this user only (databases with orders on their way, logs). */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  } catch (error) {
    throw new ProvisionError('cannot-write', `The data folder ${dataDir} cannot be prepared: ${(error as Error).message}`);
  }
}

function device(appVersion: string): EnrolRequest['device'] {
  const platform = DevicePlatform.safeParse(process.platform);
  return {
    hostname: (hostname().trim() || 'pillar').slice(0, 64),
    platform: platform.success ? platform.data : 'linux',
    appVersion: AppVersion.safeParse(appVersion).success ? appVersion : '0.0.0',
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
