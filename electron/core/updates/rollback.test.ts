import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { beforeInstall, keepForRollback, markHealthy, mayInstall, onStart, readRollbackState, restoreAppImage, restoreCurrentInstaller, rollbackPlan, rollbackReport, writeRollbackState, type RollbackState } from './rollback';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const folder = (): string => {
  const { dir, cleanup } = tempDir('pillar-updates-');
  cleanups.push(cleanup);
  return dir;
};

/** Starts of `version` through the state file, as the main process does at each launch. */
function start(dataDir: string, version: string, now = 1_000): ReturnType<typeof onStart>['action'] {
  const { state, action } = onStart(readRollbackState(dataDir), version, now);
  writeRollbackState(dataDir, state);
  return action;
}

describe('rollback of an update that cannot start', () => {
  it('keeps a version that starts healthy', () => {
    const data = folder();
    writeRollbackState(data, beforeInstall(readRollbackState(data), '1.4.0', '1.5.0'));
    expect(start(data, '1.5.0')).toEqual({ kind: 'run' });
    writeRollbackState(data, markHealthy(readRollbackState(data), '1.5.0'));
    // Later restarts (a power cut, a nightly restart) are not failures of an update any more.
    for (let i = 0; i < 5; i++) expect(start(data, '1.5.0')).toEqual({ kind: 'run' });
    expect(readRollbackState(data)).toMatchObject({ healthy: '1.5.0', trying: null, rolledBack: null });
  });

  it('rolls back after two failed starts, refuses that version from then on, and reports it', () => {
    const data = folder();
    writeRollbackState(data, beforeInstall(readRollbackState(data), '1.4.0', '1.5.0'));
    expect(start(data, '1.5.0')).toEqual({ kind: 'run' }); // first start: crashes before it is healthy
    expect(start(data, '1.5.0')).toEqual({ kind: 'run' }); // second: crashes again
    expect(start(data, '1.5.0', 9_000)).toEqual({ kind: 'roll-back', from: '1.5.0', to: '1.4.0' });
    const state = readRollbackState(data);
    expect(mayInstall(state, '1.5.0')).toBe(false);
    expect(mayInstall(state, '1.5.1')).toBe(true);
    expect(rollbackReport(state)).toEqual({ state: 'rolled-back', version: '1.5.0', message: '1.5.0 failed to start 2 times; back on 1.4.0' });
    // The previous version starts: nothing is being tried, the report stays until the next install.
    expect(start(data, '1.4.0')).toEqual({ kind: 'run' });
    expect(rollbackReport(readRollbackState(data))?.state).toBe('rolled-back');
    expect(rollbackReport(beforeInstall(readRollbackState(data), '1.4.0', '1.5.1'))).toBeNull();
  });

  it('reads a missing or damaged state file as "nothing being tried"', () => {
    const data = folder();
    const empty: RollbackState = { healthy: null, trying: null, refused: [], rolledBack: null };
    expect(readRollbackState(data)).toEqual(empty);
    mkdirSync(path.join(data, 'updates'), { recursive: true });
    writeFileSync(path.join(data, 'updates', 'rollback.json'), '{"trying": 12');
    expect(readRollbackState(data)).toEqual(empty);
  });

  it('puts the previous AppImage back in place of the running one', () => {
    const data = folder();
    const apps = folder();
    const appImage = path.join(apps, 'Pillar.AppImage');
    writeFileSync(appImage, 'version 1.4.0');
    expect(keepForRollback(data, { platform: 'linux', appImage })).toEqual({ kept: path.join(data, 'updates', 'previous', 'Pillar.AppImage'), reason: null });
    writeFileSync(appImage, 'version 1.5.0, broken'); // electron-updater replaced it
    const plan = rollbackPlan(data, { platform: 'linux', appImage });
    expect(plan.kind).toBe('appimage');
    if (plan.kind !== 'appimage') return;
    restoreAppImage(plan);
    expect(readFileSync(appImage, 'utf8')).toBe('version 1.4.0');
    expect(statSync(appImage).mode & 0o111).not.toBe(0);
  });

  it("keeps the running version's NSIS installer on Windows, and cannot roll back the first update without one", () => {
    const data = folder();
    const downloads = folder();
    const v15 = path.join(downloads, 'Pillar Setup 1.5.0.exe');
    writeFileSync(v15, 'installer 1.5.0');
    // 1.4.0 was installed by IT by hand: there is no installer of it to keep.
    expect(keepForRollback(data, { platform: 'win32', downloadedInstaller: v15 }).kept).toBeNull();
    expect(rollbackPlan(data, { platform: 'win32' })).toEqual({ kind: 'impossible', reason: 'no previous installer is kept' });
    // The next update keeps 1.5.0's installer (downloaded by the last update) as the previous one.
    const v16 = path.join(downloads, 'Pillar Setup 1.6.0.exe');
    writeFileSync(v16, 'installer 1.6.0');
    keepForRollback(data, { platform: 'win32', downloadedInstaller: v16 });
    const plan = rollbackPlan(data, { platform: 'win32' });
    expect(plan).toEqual({ kind: 'nsis', installer: path.join(data, 'updates', 'previous', 'Pillar Setup 1.5.0.exe'), args: ['/S', '--force-run'] });
    if (plan.kind !== 'nsis') return;
    restoreCurrentInstaller(data, plan);
    expect(existsSync(path.join(data, 'updates', 'current', 'Pillar Setup 1.5.0.exe'))).toBe(true);
    expect(existsSync(path.join(data, 'updates', 'current', 'Pillar Setup 1.6.0.exe'))).toBe(false);
  });

  it('says why a deb or an unpacked build cannot roll back', () => {
    expect(rollbackPlan(folder(), { platform: 'linux' })).toEqual({ kind: 'impossible', reason: 'rollback is not supported on linux outside an AppImage' });
  });
});
