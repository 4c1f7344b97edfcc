import { z } from 'zod';
import { AA_TEXT, HEX_COLOR, contrastRatio } from '../../../shared/color';
import { LANGUAGES } from '../../../shared/languages';

const Language = z.enum(LANGUAGES);

/**
 * The kiosk configuration file (`pillar.config.json`), as IT writes it or provisioning produces it.
 * Unknown keys are refused so that a misspelt field is reported rather than silently ignored.
 */
export const KioskConfig = z
  .object({
    store: z
      .object({
        id: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1–32 letters, digits, "-" or "_" (the store id HQ knows)'),
        name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
      })
      .strict(),
    hq: z
      .object({
        url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }),
        /** This pillar's own token; secret: never logged, never shown. */
        token: z.string().min(16, 'must be at least 16 characters').optional(),
      })
      .strict(),
    locale: z
      .string()
      .refine((tag) => isLocale(tag), 'must be a BCP 47 locale such as "sv-SE"')
      .default('sv-SE'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "SEK"')
      .default('SEK'),
    timeZone: z
      .string()
      .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as "Europe/Stockholm"')
      .default('Europe/Stockholm'),
    defaultLanguage: Language.default('en'),
    languages: z
      .array(Language)
      .min(1, 'must list at least one language')
      .refine((list) => new Set(list).size === list.length, 'must not repeat a language')
      .default([...LANGUAGES]),
    idle: z
      .object({
        /** Seconds without a touch before the pillar warns and then returns to the attract loop. */
        attractAfterSeconds: z.number().int().min(30, 'must be at least 30').max(900, 'must be at most 900').default(60),
        /** How long the "are you still there?" warning counts down; EN 301 549 asks for at least 20 s. */
        warningSeconds: z.number().int().min(20, 'must be at least 20').max(120, 'must be at most 120').default(20),
      })
      .strict()
      .default({ attractAfterSeconds: 60, warningSeconds: 20 }),
    branding: z
      .object({
        name: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
        accent: z
          .string()
          .regex(HEX_COLOR, 'must be a colour written as #rrggbb')
          .refine(
            (hex) => contrastRatio(hex, '#ffffff') >= AA_TEXT,
            `must be dark enough for white text on it (contrast at least ${AA_TEXT}:1, WCAG AA)`,
          ),
      })
      .strict(),
  })
  .strict()
  .refine((config) => config.languages.includes(config.defaultLanguage), {
    message: 'must be one of the languages listed in "languages"',
    path: ['defaultLanguage'],
  });

export type KioskConfig = z.output<typeof KioskConfig>;
export type KioskConfigFile = z.input<typeof KioskConfig>;

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
