import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventChannel, methodChannel, methodNames } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { createKiosk, type Kiosk } from '../core/kiosk';
import { capturingLogger, tempDir } from '../core/testing/fixtures';
import { forwardEvents, registerKioskApi } from './ipc';

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, input: unknown) => Promise<Result<unknown>>;

/** Electron's ipcMain as far as registration goes: a map of channel → handler. */
function recordingIpc() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const OUR_FRAME = { url: 'app://pillar/index.html', parent: null };

let kiosk: Kiosk;
let cleanup: () => void;
let capture: ReturnType<typeof capturingLogger>;
beforeEach(() => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  capture = capturingLogger();
  kiosk = createKiosk({ app: { name: 'Pillar', version: '0.0.0-test', runtime: 'electron' }, config: { source: 'demo' }, dataDir: dir.dir, log: capture.log });
});
afterEach(() => {
  kiosk.close();
  cleanup();
});

describe('IPC registration', () => {
  it('registers exactly one channel per contract method, and unregisters them all', () => {
    const ipc = recordingIpc();
    const unregister = registerKioskApi(ipc as never, kiosk.dispatcher, capture.log);
    expect([...ipc.handlers.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers our own page through the real core', async () => {
    const ipc = recordingIpc();
    registerKioskApi(ipc as never, kiosk.dispatcher, capture.log);
    const result = await ipc.handlers.get(methodChannel('system.info'))!({ senderFrame: OUR_FRAME }, {});
    expect(result).toMatchObject({ ok: true, value: { state: 'ready', app: { runtime: 'electron' } } });
  });

  it('validates input on every call: bad input gets a typed error', async () => {
    const ipc = recordingIpc();
    registerKioskApi(ipc as never, kiosk.dispatcher, capture.log);
    const result = await ipc.handlers.get(methodChannel('system.info'))!({ senderFrame: OUR_FRAME }, { admin: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a foreign sender with FORBIDDEN and logs it', async () => {
    const ipc = recordingIpc();
    registerKioskApi(ipc as never, kiosk.dispatcher, capture.log);
    const call = ipc.handlers.get(methodChannel('system.info'))!;
    for (const senderFrame of [{ url: 'https://evil.example/', parent: null }, { url: 'app://pillar/index.html', parent: {} }, null]) {
      expect(await call({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(capture.lines().filter((line) => line['msg'] === 'kiosk API call from a foreign frame refused')).toHaveLength(3);
  });

  it('forwards core events to the page on their own channel, unless the page is gone', () => {
    const sent: [string, unknown][] = [];
    let destroyed = false;
    forwardEvents(kiosk.events, { send: (channel, payload) => void sent.push([channel, payload]), isDestroyed: () => destroyed });
    const info = kiosk.configState();
    expect(info.ok).toBe(true);
    kiosk.events.emit('system.infoChanged', {
      state: 'config-error',
      app: { name: 'Pillar', version: '0', runtime: 'electron' },
      config: { source: 'demo' },
      problems: [{ field: 'store.id', problem: 'missing' }],
    });
    destroyed = true;
    kiosk.events.emit('system.infoChanged', {
      state: 'config-error',
      app: { name: 'Pillar', version: '0', runtime: 'electron' },
      config: { source: 'demo' },
      problems: [{ field: 'store.id', problem: 'missing' }],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[0]).toBe(eventChannel('system.infoChanged'));
  });
});
