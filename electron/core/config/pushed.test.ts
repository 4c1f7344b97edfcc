import { describe, expect, it } from 'vitest';
import { PillarSettings, Settings } from '../../../shared/sync/entities';
import { defaultSettings } from '../orders/settings';
import { DEMO_CONFIG } from './demo';
import { withPushed } from './pushed';
import { KioskConfig } from './schema';

const file = KioskConfig.parse(DEMO_CONFIG);
const store = file.store.id;

describe('configuration pushed from HQ', () => {
  it('is the file as it is when HQ pushed nothing (an older HQ, or an empty block)', () => {
    expect(withPushed(file, undefined)).toEqual(file);
    expect(withPushed(file, PillarSettings.parse({}))).toEqual(file);
  });

  it("lays the chain's values over the file's, and the store's over the chain's, field by field", () => {
    const pushed = PillarSettings.parse({
      idle: { attractAfterSeconds: 90 },
      branding: { accent: '#203060' },
      byStore: { [store]: { idle: { warningSeconds: 30 }, branding: { name: 'NORRVIK City' } }, 'other-store': { idle: { attractAfterSeconds: 300 } } },
    });
    const config = withPushed(file, pushed);
    expect(config.idle).toEqual({ attractAfterSeconds: 90, warningSeconds: 30 });
    expect(config.branding).toEqual({ name: 'NORRVIK City', accent: '#203060' });
    expect(config.store).toEqual(file.store);
  });

  it('takes a default language only when the file lists it', () => {
    expect(withPushed(file, PillarSettings.parse({ defaultLanguage: 'sv' })).defaultLanguage).toBe('sv');
    const englishOnly = KioskConfig.parse({ ...DEMO_CONFIG, languages: ['en'] });
    expect(withPushed(englishOnly, PillarSettings.parse({ defaultLanguage: 'sv' })).defaultLanguage).toBe('en');
  });

  it('is refused at the door when it breaks the limits a file has (an accent white text cannot be read on)', () => {
    expect(PillarSettings.safeParse({ branding: { accent: '#f0e68c' } }).success).toBe(false);
    expect(PillarSettings.safeParse({ byStore: { [store]: { idle: { attractAfterSeconds: 5 } } } }).success).toBe(false);
  });

  it('travels in Settings, which still reads from an HQ that knows nothing of it', () => {
    const old = JSON.parse(JSON.stringify(defaultSettings(0))) as Record<string, unknown>;
    delete old['pillar'];
    expect(Settings.parse(old).pillar).toBeUndefined();
    expect(Settings.parse({ ...old, pillar: { idle: { attractAfterSeconds: 120 } } }).pillar).toEqual({ idle: { attractAfterSeconds: 120 }, byStore: {} });
  });
});
