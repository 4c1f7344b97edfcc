import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startPreview, type PreviewHost } from './previewHost';

export { startPreview, type PreviewHost };

/** `preview`: a host with the demo configuration, one per test. */
export const test = base.extend<{ preview: PreviewHost }>({
  // Playwright reads the first parameter's destructuring to find dependencies; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  preview: async ({}, use) => {
    const host = await startPreview();
    await use(host);
    await host.stop();
  },
});

export { expect };

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the European Accessibility Act asks of a self-service terminal. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core over the page as it is now and fails on any serious or critical WCAG violation, each
 * printed as the rule, what it means, and every element it found with axe's advice for it.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const readable = blocking.map((violation) =>
    [
      `${violation.impact} · ${violation.id}: ${violation.help} (${violation.helpUrl})`,
      ...violation.nodes.map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`),
    ].join('\n'),
  );
  expect(readable, `axe found serious or critical WCAG violations on ${screen}`).toEqual([]);
}
