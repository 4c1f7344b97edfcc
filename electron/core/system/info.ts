import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Runtime, SystemInfo } from '../../../shared/api/system';
import type { ConfigLoad } from '../config/load';

export interface AppIdentity {
  name: string;
  version: string;
  runtime: Runtime;
}

/** Name and version from the project's package.json, for hosts that are not Electron (which has its own). */
export function appIdentity(root: string, runtime: Runtime): AppIdentity {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string; version: string };
  return { name: pkg.productName, version: pkg.version, runtime };
}

/** `system.info`: the configuration in use turned into what the UI may know — never the HQ token. */
export function systemInfo(app: AppIdentity, load: ConfigLoad): SystemInfo {
  const config = load.location.path
    ? { source: load.location.source, path: load.location.path }
    : { source: load.location.source };
  if (!load.ok) return { state: 'config-error', app, config, problems: load.problems };
  const c = load.config;
  return {
    state: 'ready',
    app,
    config,
    store: { id: c.store.id, name: c.store.name },
    branding: { name: c.branding.name, accent: c.branding.accent },
    locale: c.locale,
    currency: c.currency,
    timeZone: c.timeZone,
    defaultLanguage: c.defaultLanguage,
    languages: c.languages,
    idle: c.idle,
  };
}
