import { parseArgs } from 'node:util';
import type { HqStore } from '../store/store';

/**
 * The fleet's commands of `npm run hq --`: `enrol` (a one-time code for a new pillar) and `rollout`
 * (which version the pillars of a channel should run). They write hq.db directly: HQ may be running
 * or not, and the next heartbeat or feed request reads the new state.
 */

/** Prints a new enrolment code and what it is for; the code is shown here once and never again. */
export async function enrolCommand(store: HqStore, input: { store: string; label?: string; validHours: number }, now: number): Promise<string> {
  const { code, expiresAt } = await store.fleet.createEnrolCode(input, now);
  return [
    code,
    `  for a pillar of store ${input.store}${input.label ? ` ("${input.label}")` : ''}, once, until ${new Date(expiresAt).toISOString()}`,
    `  on the pillar: npm run kiosk -- provision --hq <HQ address> --enrol-code ${code}`,
    '',
  ].join('\n');
}

/** Every `--store` given (node's parseArgs keeps only the last unless asked for all). */
export function allStores(argv: readonly string[]): string[] {
  const { values } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, options: { store: { type: 'string', multiple: true } } });
  return (values.store ?? []).filter((value): value is string => typeof value === 'string');
}

/** Records a rollout and says what it means. */
export async function rolloutCommand(store: HqStore, input: { version: string; percent: number; stores: string[]; channel: string }, now: number): Promise<string> {
  const rollout = await store.fleet.recordRollout(input, now);
  const earlier = (await store.fleet.rollouts(rollout.channel)).filter((r) => r.id < rollout.id && r.percent === 100).at(-1);
  const reach = [rollout.percent === 100 ? 'every pillar' : `${rollout.percent}% of the pillars`, ...(rollout.stores.length > 0 ? [`every pillar of ${rollout.stores.join(', ')}`] : [])].join(' and ');
  const others = rollout.percent === 100 ? '' : earlier ? `; the others stay on ${earlier.version}` : '; the others are told of no version and stay as they are';
  return `rollout ${rollout.id} on channel "${rollout.channel}": ${rollout.version} for ${reach}${others}\n`;
}
