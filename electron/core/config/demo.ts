import type { KioskConfigFile } from './schema';

/**
 * The configuration a pillar runs with when none is given: the demo chain's flagship store, talking to a
 * reference HQ on this machine. Everything works without it being edited.
 */
export const DEMO_CONFIG = {
  store: { id: 'se-sto-drottninggatan', name: 'Stockholm Drottninggatan' },
  hq: { url: 'http://127.0.0.1:8787' },
  locale: 'sv-SE',
  currency: 'SEK',
  timeZone: 'Europe/Stockholm',
  defaultLanguage: 'en',
  languages: ['en', 'sv', 'pl', 'el'],
  idle: { attractAfterSeconds: 60, warningSeconds: 20 },
  branding: { name: 'NORRVIK', accent: '#1f4d3a' },
} satisfies KioskConfigFile;
