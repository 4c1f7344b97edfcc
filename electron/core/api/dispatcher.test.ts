import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../config/demo';
import { KioskConfig } from '../config/schema';
import { systemInfo } from '../system/info';
import { capturingLogger, handlersWith } from '../testing/fixtures';
import { createDispatcher, type Handlers } from './dispatcher';
import { KioskError } from './errors';

const app = { name: 'Pillar', version: '0.0.0-test', runtime: 'preview' as const };
const readyInfo = systemInfo(app, { ok: true, location: { source: 'demo' }, config: KioskConfig.parse(DEMO_CONFIG) });

function dispatcherWith(handler: Handlers['system.info']) {
  const capture = capturingLogger();
  return { dispatcher: createDispatcher(handlersWith({ 'system.info': handler }), capture.log), ...capture };
}

describe('dispatcher', () => {
  it('answers a valid call with ok and the validated value', async () => {
    const { dispatcher } = dispatcherWith(() => readyInfo);
    const result = await dispatcher.dispatch('system.info', {});
    expect(result).toEqual({ ok: true, value: readyInfo });
  });

  it('refuses a method that is not in the contract with UNKNOWN_METHOD', async () => {
    const { dispatcher } = dispatcherWith(() => readyInfo);
    const result = await dispatcher.dispatch('system.shutdown', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('does not treat inherited object keys as methods', async () => {
    const { dispatcher } = dispatcherWith(() => readyInfo);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await dispatcher.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('refuses bad input with INVALID_INPUT and names the offending field, without calling the handler', async () => {
    let called = false;
    const { dispatcher } = dispatcherWith(() => {
      called = true;
      return readyInfo;
    });
    for (const bad of [undefined, null, 'text', 42, [], { extra: true }]) {
      const result = await dispatcher.dispatch('system.info', bad);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const extra = await dispatcher.dispatch('system.info', { extra: true });
    expect(!extra.ok && extra.error.issues?.[0]?.message).toMatch(/extra/);
    expect(called).toBe(false);
  });

  it('turns a crash inside a handler into INTERNAL and logs it without the message', async () => {
    const { dispatcher, lines, text } = dispatcherWith(() => {
      throw new Error('customer anna@example.com not found');
    });
    const result = await dispatcher.dispatch('system.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the kiosk' } });
    expect(lines().some((line) => line['msg'] === 'kiosk method failed' && line['method'] === 'system.info')).toBe(true);
    expect(text()).not.toContain('anna@example.com');
  });

  it('passes a typed failure through only when the contract declares it for that method', async () => {
    // system.info declares no NOT_FOUND, so this is a contract breach and must not leak as NOT_FOUND.
    const undeclared = dispatcherWith(() => {
      throw new KioskError('NOT_FOUND', 'nope');
    });
    expect(await undeclared.dispatcher.dispatch('system.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    // FORBIDDEN is universal: any method may answer it.
    const universal = dispatcherWith(() => {
      throw new KioskError('FORBIDDEN', 'staff only');
    });
    expect(await universal.dispatcher.dispatch('system.info', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'staff only' },
    });
  });

  it('refuses to send output that breaks the contract', async () => {
    const { dispatcher, lines } = dispatcherWith(() => ({ ...readyInfo, state: 'sleeping' }) as unknown as typeof readyInfo);
    expect(await dispatcher.dispatch('system.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(lines().some((line) => line['msg'] === 'kiosk method broke its output contract')).toBe(true);
  });
});
