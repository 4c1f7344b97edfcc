import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface PreviewHost {
  url: string;
  dataDir: string;
  /** Writes (or rewrites) the config file this host was started with. */
  writeConfig(config: unknown): void;
}

interface PreviewOptions {
  /** A config file's contents (object or raw text); absent → the built-in demo configuration. */
  config?: unknown;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Starts the real preview host (`electron/preview/main.ts`) on a free port with its own data folder, the
 * way `npm run preview` does, and waits for the URL it prints.
 */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewHost & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pillar-e2e-'));
  const configPath = path.join(dataDir, 'test.config.json');
  const writeConfig = (config: unknown): void =>
    writeFileSync(configPath, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  const args = ['--import', 'tsx', 'electron/preview/main.ts', '--port', '0', '--data', dataDir];
  if (options.config !== undefined) {
    writeConfig(options.config);
    args.push('--config', configPath);
  }
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PILLAR_LOG_LEVEL: 'warn' } });
  const url = await readUrl(child);
  return {
    url,
    dataDir,
    writeConfig,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // The host exits on its own within 3 s; SIGKILL is the net under that, so teardown never hangs.
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Pillar preview: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`preview host exited with ${code} before it was ready:\n${output}`)));
  });
}

/** `preview`: a host with the demo configuration, one per test. */
export const test = base.extend<{ preview: PreviewHost }>({
  // Playwright reads the first parameter's destructuring to find dependencies; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  preview: async ({}, use) => {
    const host = await startPreview();
    await use(host);
    await host.stop();
  },
});

export { expect };

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the European Accessibility Act asks of a self-service terminal. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core over the page as it is now and fails on any serious or critical WCAG violation, each
 * printed as the rule, what it means, and every element it found with axe's advice for it.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const readable = blocking.map((violation) =>
    [
      `${violation.impact} · ${violation.id}: ${violation.help} (${violation.helpUrl})`,
      ...violation.nodes.map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`),
    ].join('\n'),
  );
  expect(readable, `axe found serious or critical WCAG violations on ${screen}`).toEqual([]);
}
