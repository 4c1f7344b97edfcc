// `npm test`: lint, type-check, unit tests, end-to-end tests — in that order, stopping at the first
// failure — then one closing line with the counts of every test that ran.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, chromiumBinary, electronBinary, npm, run, say } from './lib.mjs';

const reports = path.join(ROOT, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const unitReport = path.join(reports, 'unit.json');
const e2eReport = path.join(reports, 'e2e.json');

const steps = [
  ['lint', npm, ['run', '--silent', 'lint']],
  ['type-check', npm, ['run', '--silent', 'typecheck']],
  ['unit tests', process.execPath, [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]],
  ['renderer build', npm, ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn']],
  ['end-to-end tests', process.execPath, [bin('playwright'), 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport }],
];

if (!chromiumBinary()) {
  say('Chromium is missing for the end-to-end tests: run "npm run setup" (or set PILLAR_CHROMIUM)');
  process.exit(1);
}

let failedStep = null;
for (const [name, command, args, env] of steps) {
  say(`— ${name} —`);
  const code = await run(command, args, { env: { ...process.env, ...env } });
  if (code !== 0) {
    failedStep = name;
    break;
  }
}

if (!electronBinary()) {
  say("Electron spec skipped: Electron's binary is not installed here (its download host is unreachable); the preview specs cover the UI");
}

const unit = vitestCounts(unitReport);
const e2e = playwrightCounts(e2eReport);
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (failedStep && unit.failed + e2e.failed === 0 ? 1 : 0);
const skipped = unit.skipped + e2e.skipped;
say(`unit: ${unit.passed} passed, ${unit.failed} failed; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
if (failedStep) say(`stopped at: ${failedStep}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);

function bin(name) {
  const pkg = { vitest: 'vitest/vitest.mjs', playwright: '@playwright/test/cli.js' }[name];
  return path.join(ROOT, 'node_modules', pkg);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitestCounts(file) {
  const report = readJson(file);
  return {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
}

function playwrightCounts(file) {
  const stats = readJson(file)?.stats;
  return {
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
  };
}
