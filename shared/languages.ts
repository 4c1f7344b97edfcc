/** The shopper-facing languages, in the order the pillar offers them. */
export const LANGUAGES = ['en', 'sv', 'pl', 'el'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, as the language picker shows it (never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  sv: 'Svenska',
  pl: 'Polski',
  el: 'Ελληνικά',
};
