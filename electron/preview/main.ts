import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { locateConfig } from '../core/config/load';
import { createKiosk, kioskPaths, type Kiosk } from '../core/kiosk';
import { createLogger } from '../core/log/logger';
import { linuxRemovableRoots } from '../core/staff/logs';
import { appIdentity } from '../core/system/info';
import { startPreviewServer } from './server';

/** `npm run preview -- [--port N] [--host H] [--data DIR] [--config FILE]`: the kiosk in any browser. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PILLAR_PORT'] ?? '4870' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: process.env['PILLAR_DATA'] ?? path.join(ROOT, '.pillar-data', 'preview') },
    config: { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`pillar preview: --port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const dataDir = path.resolve(values.data);
mkdirSync(dataDir, { recursive: true });
const log = createLogger({ dataDir });
let kiosk: Kiosk;
try {
  kiosk = createKiosk({
    app: appIdentity(ROOT, 'preview'),
    config: locateConfig({ argv: values.config ? ['--config', values.config] : [], env: process.env, userDataDir: dataDir }),
    dataDir,
    log,
    // The preview host cannot restart an app or leave kiosk mode (staff.health says so); it can export logs to a drive.
    host: { usbRoots: () => (process.platform === 'linux' ? linuxRemovableRoots() : []) },
  });
} catch (error) {
  // E.g. a database written by another version of Pillar: say so plainly, never touch the file.
  console.error(`pillar preview: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

try {
  const server = await startPreviewServer({
    kiosk,
    rendererDir: path.join(ROOT, 'dist', 'renderer'),
    mediaDir: kioskPaths(dataDir).media,
    host: values.host,
    port,
    log,
  });
  // The one line people (and the e2e tests) look for.
  console.log(`Pillar preview: ${server.url}`);

  const stop = async (): Promise<void> => {
    // Never let a stuck connection keep a stopped host alive.
    setTimeout(() => process.exit(0), 3000).unref();
    await server.close();
    await kiosk.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  console.error(`pillar preview: ${error instanceof Error ? error.message : String(error)}`);
  kiosk.close();
  process.exit(1);
}
