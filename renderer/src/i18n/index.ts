import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/languages';
import el from './locales/el.json';
import en from './locales/en.json';
import pl from './locales/pl.json';
import sv from './locales/sv.json';

/** Every locale has exactly English's keys (plural forms aside); i18n.test.ts fails otherwise. */
export const resources = { en, sv, pl, el } satisfies Record<Language, unknown>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export const i18n = i18next.createInstance();

export async function initI18n(language: Language = 'en'): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, { translation: resources[lang] }])),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
}

export async function setLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
