import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
