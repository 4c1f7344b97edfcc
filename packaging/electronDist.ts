// A stand-in for Electron's linux-x64 distribution, and Electron's fuse wire (written by @electron/fuses,
// read back by the packaging check).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as asar from '@electron/asar';

/**
 * Electron's fuse wire: a sentinel, the wire's version (1) and length, then one byte per fuse, '0' off,
 * '1' on (FuseV1Options order). @electron/fuses flips these bytes in place after packing.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults, before electron-builder flips anything (run as node, NODE_OPTIONS, inspector on). */
const STAND_IN_WIRE = '10110001';

/**
 * A folder shaped like Electron's electron-vX-linux-x64.zip, unpacked: electron-builder copies it,
 * renames `electron` to the app's executable and puts the app beside `resources/default_app.asar`.
 * The executable is a shell script that refuses to run, so nothing can mistake this for a real build;
 * a comment in it carries a fuse wire with Electron's defaults, so electron-builder flips the fuses of
 * the stand-in exactly as it does in a real binary, and the check can read them back.
 */
export async function makeStandInElectron(dir: string, version: string): Promise<void> {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const script = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# fuse wire of the stand-in: ${FUSE_SENTINEL}`),
    Buffer.from([1, STAND_IN_WIRE.length]),
    Buffer.from(`${STAND_IN_WIRE}\necho "stand-in Electron from the packaging check: not a runnable build" >&2\nexit 1\n`),
  ]);
  writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  writeFileSync(path.join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
  writeFileSync(path.join(dir, 'version'), version);
  writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for Electron\'s MIT licence (packaging check).\n');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  for (const file of ['resources.pak', 'icudtl.dat', 'snapshot_blob.bin', 'v8_context_snapshot.bin', 'chrome_100_percent.pak', 'locales/en-US.pak']) {
    writeFileSync(path.join(dir, file), '');
  }
  // A real (tiny) archive: electron-builder reads the header of every .asar in resources/ for the
  // integrity hashes it embeds.
  const defaultApp = path.join(dir, 'default-app-src');
  mkdirSync(defaultApp);
  writeFileSync(path.join(defaultApp, 'package.json'), '{ "name": "electron", "main": "main.js" }\n');
  writeFileSync(path.join(defaultApp, 'main.js'), '');
  await asar.createPackage(defaultApp, path.join(dir, 'resources', 'default_app.asar'));
  rmSync(defaultApp, { recursive: true });
}

/** The fuse wire of an Electron executable ('0'/'1' per fuse), or null when it carries none. */
export function readFuseWire(executable: string): string | null {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at === -1) return null;
  const start = at + FUSE_SENTINEL.length;
  const length = bytes[start + 1] ?? 0;
  return bytes.subarray(start + 2, start + 2 + length).toString('latin1');
}
