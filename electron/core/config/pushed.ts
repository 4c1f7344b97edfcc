import type { PillarOverrides, PillarSettings } from '../../../shared/sync/entities';
import type { ConfigLoad } from './load';
import type { KioskConfig } from './schema';

/**
 * The configuration a pillar runs with: its file's values, then what HQ pushed for the whole chain
 * (`Settings.pillar`), then what HQ pushed for this store (`byStore`). HQ's values went through the same
 * limits as the file's (shared/sync/entities.ts), so the result is as valid as the file. A pushed default
 * language the file does not list is ignored: the screen can only offer the languages it was set up with.
 */
export function withPushed(config: KioskConfig, pushed: PillarSettings | undefined): KioskConfig {
  if (!pushed) return config;
  return [pushed, pushed.byStore[config.store.id]].reduce<KioskConfig>((current, layer) => (layer ? overlay(current, layer) : current), config);
}

/** The same over a load: a broken file stays broken (HQ's values never hide a problem IT must fix). */
export function loadWithPushed(load: ConfigLoad, pushed: PillarSettings | undefined): ConfigLoad {
  return load.ok ? { ...load, config: withPushed(load.config, pushed) } : load;
}

function overlay(config: KioskConfig, layer: PillarOverrides): KioskConfig {
  const defaultLanguage = layer.defaultLanguage && config.languages.includes(layer.defaultLanguage) ? layer.defaultLanguage : config.defaultLanguage;
  return {
    ...config,
    idle: { ...config.idle, ...definedOnly(layer.idle) },
    branding: { ...config.branding, ...definedOnly(layer.branding) },
    defaultLanguage,
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
