import { DEMO_CONFIG } from '../electron/core/config/demo';
import { KioskConfig } from '../electron/core/config/schema';
import { createDispatcher } from '../electron/core/api/dispatcher';
import { createLogger } from '../electron/core/log/logger';
import { systemInfo } from '../electron/core/system/info';
import { handlersWith } from '../electron/core/testing/fixtures';
import { latency, measure } from './stats';

/**
 * The cost of the API gate: a `system.info` call through the dispatcher (input and output validated
 * against the contract) beside the same handler called directly — the named alternative is "no gate".
 */
export async function apiBench(options: { runs: number }) {
  const info = systemInfo(
    { name: 'Pillar', version: '0.0.0-bench', runtime: 'preview' },
    { ok: true, location: { source: 'demo' }, config: KioskConfig.parse(DEMO_CONFIG) },
  );
  const handler = () => info;
  const dispatcher = createDispatcher(handlersWith({ 'system.info': handler }), createLogger({ level: 'silent', stdout: false }));

  const gated = latency(await measure(() => dispatcher.dispatch('system.info', {}), options.runs));
  const direct = latency(await measure(() => handler(), options.runs));
  const rejected = latency(await measure(() => dispatcher.dispatch('system.info', { bad: true }), options.runs));
  return { suite: 'api', dispatch: gated, invalid_input: rejected, peer_direct_call: { name: 'handler called directly, no validation', ...direct } };
}
