import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../electron/core/security/csp.ts';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * Fills `%lang:key%` placeholders in the static HTML pages (the crash-recovery page, which runs no script)
 * from the same locale files the app uses, so those strings are translated in one place too.
 */
function localisedHtml(): Plugin {
  const locales: Record<string, unknown> = {};
  const lookup = (lang: string, key: string): string => {
    locales[lang] ??= JSON.parse(readFileSync(here(`./src/i18n/locales/${lang}.json`), 'utf8'));
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locales[lang]);
    if (typeof value !== 'string') throw new Error(`recovery.html: no "${key}" in ${lang}.json`);
    return value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  };
  return {
    name: 'pillar-localised-html',
    transformIndexHtml: (html) =>
      html
        // The same policy both hosts send as a header (frame-ancestors is ignored in a meta tag).
        .replace('%PILLAR_CSP%', CONTENT_SECURITY_POLICY.replace(/; frame-ancestors [^;]+/, ''))
        .replace(/%([a-z]{2}):([\w.]+)%/g, (_m, lang: string, key: string) => lookup(lang, key)),
  };
}

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), localisedHtml()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    // Electron and Debian's Chromium are both current; no legacy transforms.
    target: 'chrome120',
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { index: here('./index.html'), recovery: here('./recovery.html') },
    },
  },
});
