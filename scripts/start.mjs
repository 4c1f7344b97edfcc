// `npm start`: the kiosk in Electron where its binary exists, otherwise the browser preview.
import { ROOT, electronBinary, npm, run, runOrExit, say } from './lib.mjs';

const args = process.argv.slice(2);
const binary = process.env.PILLAR_PREVIEW === '1' ? null : electronBinary();

await runOrExit(npm, ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn']);
if (binary) {
  await runOrExit(npm, ['run', '--silent', 'build:electron']);
  say('starting the kiosk in Electron');
  process.exit(await run(binary, [ROOT, ...args]));
}

say(
  process.env.PILLAR_PREVIEW === '1'
    ? 'PILLAR_PREVIEW=1: running the browser preview'
    : 'no Electron binary on this machine: running the browser preview instead (open the URL below in Chromium)',
);
process.exit(await run(process.execPath, ['--import', 'tsx', 'electron/preview/main.ts', ...args]));
