import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSystemdWatchdog, watchdogIntervalMs, type Notify } from './systemdWatchdog';

const quietLog = () => ({ warn: vi.fn(), info: vi.fn() });

describe('the systemd watchdog', () => {
  afterEach(() => vi.useRealTimers());

  it('pings at half the timeout systemd set, and not at all outside a watchdog unit', () => {
    expect(watchdogIntervalMs({ NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '30000000' })).toBe(15_000);
    expect(watchdogIntervalMs({ NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '1000' })).toBe(1000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000' })).toBeNull();
    expect(watchdogIntervalMs({ NOTIFY_SOCKET: '/run/systemd/notify' })).toBeNull();
    expect(watchdogIntervalMs({ NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: 'soon' })).toBeNull();
    expect(watchdogIntervalMs({})).toBeNull();
  });

  it('tells systemd the kiosk is up and alive at once, then alive every interval until stopped', async () => {
    vi.useFakeTimers();
    const sent: string[][] = [];
    const notify: Notify = async (states) => void sent.push(states);
    const stop = startSystemdWatchdog({ env: { NOTIFY_SOCKET: '/x', WATCHDOG_USEC: '20000000' }, log: quietLog(), notify });
    expect(sent).toEqual([['READY=1', 'WATCHDOG=1']]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent.slice(1)).toEqual([['WATCHDOG=1'], ['WATCHDOG=1'], ['WATCHDOG=1']]);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(4);
  });

  it('says ready once and pings nothing under a unit without a watchdog', async () => {
    vi.useFakeTimers();
    const sent: string[][] = [];
    startSystemdWatchdog({ env: { NOTIFY_SOCKET: '/x' }, log: quietLog(), notify: async (states) => void sent.push(states) });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sent).toEqual([['READY=1']]);
  });

  it('sends nothing outside systemd, and logs a failing ping once per outage', async () => {
    vi.useFakeTimers();
    const notify = vi.fn<Notify>(async () => undefined);
    startSystemdWatchdog({ env: {}, log: quietLog(), notify })();
    expect(notify).not.toHaveBeenCalled();

    const log = quietLog();
    let up = false;
    const stop = startSystemdWatchdog({ env: { NOTIFY_SOCKET: '/x', WATCHDOG_USEC: '2000000' }, log, notify: async () => { if (!up) throw new Error('No such file or directory'); } });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(log.warn).toHaveBeenCalledTimes(1);
    up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log.info).toHaveBeenLastCalledWith({}, 'systemd watchdog reached again');
    stop();
  });

  const tools = ['python3', 'systemd-notify'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
  it.skipIf(!tools)("reaches a notify socket through the real systemd-notify (python3 plays systemd's side)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillar-notify-'));
    const socket = path.join(dir, 'notify');
    const receiver = spawn('python3', ['-c', RECEIVER, socket], { stdio: ['ignore', 'pipe', 'inherit'] });
    let received = '';
    receiver.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    try {
      await vi.waitUntil(() => received.includes('listening'), { timeout: 20_000, interval: 50 });
      const stop = startSystemdWatchdog({ env: { ...process.env, NOTIFY_SOCKET: socket, WATCHDOG_USEC: '60000000' }, log: quietLog() });
      await vi.waitUntil(() => received.includes('WATCHDOG=1'), { timeout: 20_000, interval: 50 });
      expect(received).toContain('READY=1');
      stop();
    } finally {
      receiver.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A stand-in for systemd's notify socket: prints each datagram, closes passed fds (systemd-notify's barrier). */
const RECEIVER = `
import array, os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print("listening", flush=True)
while True:
    data, ancillary, _flags, _addr = s.recvmsg(4096, socket.CMSG_SPACE(64))
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds = array.array("i")
            fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
            for fd in fds:
                os.close(fd)
    print(data.decode().replace("\\n", " "), flush=True)
`;
