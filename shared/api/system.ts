import { z } from 'zod';
import { LANGUAGES } from '../languages';

export const LanguageSchema = z.enum(LANGUAGES);

export const Runtime = z.enum(['electron', 'preview']);
export type Runtime = z.infer<typeof Runtime>;

/** Where the configuration in use came from, in the order the kiosk looks. */
export const ConfigSource = z.enum(['flag', 'env', 'user-data', 'demo']);
export type ConfigSource = z.infer<typeof ConfigSource>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  runtime: Runtime,
});

export const ConfigProblem = z.object({
  /** The field as IT would find it in the file (`idle.attractAfterSeconds`), or `(file)` for the file as a whole. */
  field: z.string(),
  problem: z.string(),
});
export type ConfigProblem = z.infer<typeof ConfigProblem>;

const ConfigOrigin = z.object({
  source: ConfigSource,
  /** The file's path; absent for the built-in demo configuration. */
  path: z.string().optional(),
});

export const ReadySystemInfo = z.object({
  state: z.literal('ready'),
  app: AppInfo,
  config: ConfigOrigin,
  store: z.object({ id: z.string(), name: z.string() }),
  branding: z.object({
    name: z.string(),
    /** `#rrggbb`, already checked to carry white text at WCAG AA. */
    accent: z.string(),
  }),
  locale: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  defaultLanguage: LanguageSchema,
  languages: z.array(LanguageSchema).min(1),
  idle: z.object({
    attractAfterSeconds: z.number().int().positive(),
    warningSeconds: z.number().int().positive(),
  }),
});
export type ReadySystemInfo = z.infer<typeof ReadySystemInfo>;

export const ConfigErrorSystemInfo = z.object({
  state: z.literal('config-error'),
  app: AppInfo,
  config: ConfigOrigin,
  problems: z.array(ConfigProblem).min(1),
});
export type ConfigErrorSystemInfo = z.infer<typeof ConfigErrorSystemInfo>;

/** What the UI needs to start: who this pillar is, or — when its configuration is broken — why not. */
export const SystemInfo = z.discriminatedUnion('state', [ReadySystemInfo, ConfigErrorSystemInfo]);
export type SystemInfo = z.infer<typeof SystemInfo>;
