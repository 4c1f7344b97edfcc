import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { USB_DIR_ENV } from '../electron/core/staff/actions';
import { ROOT } from './inspect';

const LINUX = path.join(ROOT, 'resources', 'linux');
const unit = readFileSync(path.join(LINUX, 'pillar-kiosk.service'), 'utf8');
const directives = (name: string): string[] => [...unit.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((match) => match[1] ?? '');
const environment = (): Map<string, string> => new Map(directives('Environment').map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));

describe('the Linux kiosk unit', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillar-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const analyze = spawnSync('sh', ['-c', 'command -v systemd-analyze']).status === 0;
  it.skipIf(!analyze)('passes systemd-analyze verify (cage replaced by /bin/echo: the test machine has no cage)', () => {
    const copy = path.join(dir, 'pillar-kiosk.service');
    writeFileSync(copy, unit.replace(/^ExecStart=\/usr\/bin\/cage -- /m, 'ExecStart=/bin/echo '));
    const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
    expect(result.stderr.split('\n').filter((line) => line.includes('pillar-kiosk.service'))).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('runs the app in cage as the unprivileged pillar user, restarts it always and watches it', () => {
    expect(directives('ExecStart')).toEqual(['/usr/bin/cage -- /var/lib/pillar/app/Pillar.AppImage']);
    expect(directives('User')).toEqual(['pillar']);
    expect(directives('Restart')).toEqual(['always']);
    expect(directives('NotifyAccess')).toEqual(['all']);
    // READY=1 from the app arms the watchdog (electron/main/systemdWatchdog.ts).
    expect(directives('Type')).toEqual(['notify']);
    // The main process pings at half of WatchdogSec; a start of the app must fit within it too.
    expect(Number(directives('WatchdogSec')[0])).toBeGreaterThanOrEqual(30);
  });

  it('is hardened, with the data folder the only place the app writes', () => {
    for (const [name, value] of [['NoNewPrivileges', 'yes'], ['ProtectSystem', 'strict'], ['PrivateTmp', 'yes'], ['CapabilityBoundingSet', ''], ['RestrictSUIDSGID', 'yes']]) {
      expect(directives(name ?? '')).toEqual([value]);
    }
    expect(directives('ReadWritePaths')).toContain('/var/lib/pillar');
    // Electron's userData is $XDG_CONFIG_HOME/<productName>: inside the writable folder.
    const productName = String((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { productName: string }).productName);
    expect(path.join(environment().get('XDG_CONFIG_HOME') ?? '', productName)).toBe('/var/lib/pillar/Pillar');
  });

  it("mounts USB sticks where staff mode's log export looks for them", () => {
    const usbDir = environment().get(USB_DIR_ENV);
    expect(usbDir).toBe('/media/pillar-usb');
    expect(directives('ReadWritePaths')).toContain(`-${usbDir}`);
    expect(readFileSync(path.join(LINUX, '99-pillar-usb.rules'), 'utf8')).toContain(` $devnode ${usbDir}"`);
    expect(readFileSync(path.join(LINUX, 'install.sh'), 'utf8')).toContain(usbDir);
  });

  it('has an install script that refuses to run without an AppImage', () => {
    const result = spawnSync('sh', [path.join(LINUX, 'install.sh')], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});
