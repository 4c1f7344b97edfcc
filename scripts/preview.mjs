// `npm run preview -- [--port N] [--host H] [--data DIR] [--config FILE]`: builds the renderer, then serves
// the kiosk to any browser.
import { run, runOrExit, npm } from './lib.mjs';

await runOrExit(npm, ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn']);
process.exit(await run(process.execPath, ['--import', 'tsx', 'electron/preview/main.ts', ...process.argv.slice(2)]));
