import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (`npm run setup` installs it); PILLAR_CHROMIUM points elsewhere. */
const chromium = process.env['PILLAR_CHROMIUM'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  timeout: 30_000,
  // Two workers, each with its own preview host, on two cores: give assertions room on a busy machine.
  expect: { timeout: 10_000 },
  use: {
    // The pillar is a portrait 1080×1920 touch screen.
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      // Without these Debian's Chromium keeps calling Google's hosts, which this machine cannot reach.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: [{ name: 'chromium' }],
});
