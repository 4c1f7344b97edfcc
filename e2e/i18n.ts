import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../shared/languages';

const LOCALES = path.resolve(import.meta.dirname, '../renderer/src/i18n/locales');

/**
 * The UI's own words in one language, from the same locale files the pillar shows, so a spec can find
 * "Touch to start" in Polish or Greek by its visible name without keeping a second copy of the text.
 */
export async function wordsOf(lang: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  const translation: Record<string, unknown> = JSON.parse(readFileSync(path.join(LOCALES, `${lang}.json`), 'utf8'));
  return instance.init({ lng: lang, resources: { [lang]: { translation } }, interpolation: { escapeValue: false } });
}

/** `text` as a regular expression that matches it literally (names that contain "?" or "(…)"). */
export const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
