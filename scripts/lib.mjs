// Helpers shared by the project scripts (plain Node: they run before anything is installed).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function say(line) {
  console.log(`pillar: ${line}`);
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.once('error', () => resolve(127));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export async function runOrExit(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    say(`"${[command, ...args].join(' ')}" failed (exit ${code})`);
    process.exit(code);
  }
}

/** Runs a command quietly; resolves with its exit code and combined output. */
export function capture(command, args, options = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.once('error', (error) => resolve({ code: 127, output: String(error) }));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

/**
 * The Electron executable if its binary was downloaded, else null. Never `require('electron')`: since
 * Electron 40 that tries to download the binary when it is missing.
 */
export function electronBinary() {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export function electronVersion() {
  const pkg = path.join(ROOT, 'node_modules', 'electron', 'package.json');
  return existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : null;
}

/** Debian's Chromium (or PILLAR_CHROMIUM) for the end-to-end tests. */
export function chromiumBinary() {
  const candidates = [process.env.PILLAR_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Starts the reference HQ with the demo chain (`npm run hq -- --demo`) as a child process and resolves
 * once it listens, with its URL and the kiosk configuration it wrote for the demo flagship. Port 8787
 * when free, any free port otherwise. The child dies with this process.
 */
export async function startDemoHq({ dataDir = path.join(ROOT, '.pillar-data', 'hq'), port = 8787 } = {}) {
  const free = await portIsFree(port);
  const child = spawn(process.execPath, ['--import', 'tsx', 'hq/cli.ts', 'serve', '--demo', '--data', dataDir, '--port', String(free ? port : 0)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => child.exitCode === null && child.kill('SIGTERM');
  process.once('exit', stop);
  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const match = /Pillar HQ: (http:\/\/\S+)/.exec(buffered);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the demo HQ exited (code ${code}) before it listened`)));
  });
  child.stdout.resume();
  return { url, config: path.join(dataDir, 'demo-kiosk.config.json'), stop, child };
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
