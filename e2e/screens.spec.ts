import path from 'node:path';
import type { Page } from '@playwright/test';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../shared/languages';
import { sizeMissingHere, startDemoHq, type DemoHq, type MissingHere } from './demoChain';
import { expect, expectAccessible, test } from './fixtures';
import { literally, wordsOf } from './i18n';
import { layoutProblems } from './layout';

/**
 * Every screen of the shopper's journey, in every language: each is scanned by axe-core (no serious or
 * critical WCAG 2.2 AA violation), checked for words cut off, anything past the screen's edges and the
 * call-staff button covering something, and photographed at 1080×1920 into the run's output folder
 * (`test-results/e2e/screens/<language>/`), for anyone to look at.
 */
let demo: DemoHq;
let missing: MissingHere;

test.beforeAll(async () => {
  demo = await startDemoHq();
  missing = await sizeMissingHere(demo.hq);
});

test.afterAll(async () => {
  await demo.close();
});

// Provisioning from HQ, then ten screens (or the staff screens) with a scan and a photograph each.
test.describe.configure({ timeout: 150_000 });
// Animations end at once, so a scan or a photograph never catches a screen halfway in.
test.use({ reducedMotion: 'reduce' });

/** Scans the screen (axe, then the layout) and saves it as `screens/<language>/<name>.png` in the run's output folder. */
async function checkScreen(page: Page, lang: Language, name: string): Promise<void> {
  await expectAccessible(page, `${name} (${lang})`);
  // Polled: a screen that has just appeared may still be settling its layout. Soft: the journey goes on,
  // so one run reports (and photographs) every screen's problems.
  await expect.configure({ soft: true }).poll(() => layoutProblems(page), { message: `layout of ${name} (${lang})` }).toEqual([]);
  const file = path.join(test.info().project.outputDir, 'screens', lang, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
}

/** Whether the pillar has its catalog (asked of the API directly, as the start screen would). */
async function catalogReady(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const response = await fetch('/api/catalog.categories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"lang":"en"}' });
    return ((await response.json()) as { ok: boolean }).ok;
  });
}

/** A price-tag scanner: a burst of keystrokes, then Enter, on a page clock that stands still meanwhile. */
async function scan(page: Page, code: string): Promise<void> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.clock.resume();
}

for (const lang of LANGUAGES) {
  test(`screens (${lang}): every screen of the journey passes axe and is photographed`, async ({ page }) => {
    const t = await wordsOf(lang);
    // The longest idle time IT may set: the warning comes only when this spec moves the clock on.
    const pillar = await demo.pillar({ idle: { attractAfterSeconds: 900, warningSeconds: 20 } });
    try {
      await page.clock.install();
      await page.goto(pillar.url);
      await expect.poll(() => catalogReady(page), { timeout: 60_000 }).toBe(true);

      // Attract, in the shopper's language.
      if (lang !== 'en') await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('attract.headline') })).toBeVisible();
      await checkScreen(page, lang, '01-attract');

      // Start, typing: the pillar's keyboard is up.
      await page.getByRole('button', { name: new RegExp(literally(t('attract.cta'))) }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('start.heading') })).toBeVisible();
      const field = page.getByRole('searchbox', { name: t('search.label') });
      await field.tap();
      const keyboard = page.getByRole('group', { name: t('keyboard.label') });
      await expect(keyboard).toBeVisible();
      await checkScreen(page, lang, '02-start-keyboard');
      await keyboard.getByRole('button', { name: t('keyboard.search'), exact: true }).tap();
      await expect(keyboard).toBeHidden();

      // Results: the jeans.
      await page.getByRole('button', { name: missing.jeansName[lang], exact: true }).click();
      const count = page.getByRole('status').filter({ hasText: /\d/ });
      await expect(count).toBeVisible();
      await expect(page.getByRole('article').first()).toBeVisible();
      await checkScreen(page, lang, '03-results');

      // Filters: the size sheet; closing it gives the focus back to the chip that opened it.
      const sizeChip = page.getByRole('button', { name: t('filters.size'), exact: true });
      await sizeChip.tap();
      const sheet = page.getByRole('dialog', { name: t('filters.title') });
      await expect(sheet).toBeVisible();
      await checkScreen(page, lang, '04-filters');
      await sheet.getByRole('button', { name: t('filters.close') }).tap();
      await expect(sheet).toBeHidden();
      await expect(sizeChip).toBeFocused();

      // No results.
      await field.fill('zzqqxx');
      await expect(page.getByRole('heading', { name: t('search.noResultsFor', { text: 'zzqqxx' }) })).toBeVisible();
      await field.blur();
      await checkScreen(page, lang, '05-no-results');

      // The product, in the colour and size this store does not have (searched for in every category).
      await page.getByRole('group', { name: t('filters.categories') }).getByRole('button', { name: t('filters.allCategories'), exact: true }).tap();
      await field.fill(missing.styleCode);
      await page.getByRole('button', { name: missing.productName[lang], exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: missing.productName[lang] })).toBeVisible();
      await page.getByRole('button', { name: missing.colourName[lang], exact: true }).click();
      const sizeTile = page.getByRole('button', { name: new RegExp(`^${literally(missing.size)}: `) });
      await sizeTile.click();
      await expect(sizeTile).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('heading', { name: t('product.choice.heading', { size: missing.size, colour: missing.colourName[lang] }) })).toBeVisible();
      await checkScreen(page, lang, '06-product');

      // The stores that have it.
      await page.getByRole('button', { name: t('product.choice.allStores') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('stores.heading') })).toBeVisible();
      await expect(page.getByRole('article', { name: missing.storeName })).toBeVisible();
      await checkScreen(page, lang, '07-stores');

      // Call staff.
      await page.getByRole('button', { name: t('help.button') }).click();
      const help = page.getByRole('dialog', { name: t('help.title') });
      await expect(help).toBeVisible();
      await checkScreen(page, lang, '08-call-staff');
      await help.getByRole('button', { name: t('help.close') }).click();
      await expect(help).toBeHidden();

      // A code we do not sell.
      await scan(page, '4006381333931');
      const notice = page.getByRole('alertdialog', { name: t('scanner.notFoundTitle') });
      await expect(notice).toBeVisible();
      await checkScreen(page, lang, '09-unknown-barcode');
      await notice.getByRole('button', { name: t('scanner.close') }).click();
      await expect(notice).toBeHidden();

      // Walking away: "Still there?".
      await page.clock.runFor(901_000);
      const idle = page.getByRole('alertdialog', { name: t('idle.title') });
      await expect(idle).toBeVisible();
      await checkScreen(page, lang, '10-still-there');
      await idle.getByRole('button', { name: t('idle.more') }).click();
      await expect(idle).toBeHidden();
    } finally {
      await pillar.stop();
    }
  });
}

for (const lang of LANGUAGES) {
  test(`screens (${lang}): staff mode — who, the PIN pad, a product's staff detail, the queue, orders, health — passes axe and is photographed`, async ({ page }) => {
    const t = await wordsOf(lang);
    const pillar = await demo.pillar();
    try {
      await page.clock.install();
      await page.goto(pillar.url);
      await expect.poll(() => catalogReady(page), { timeout: 60_000 }).toBe(true);
      if (lang !== 'en') await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
      await page.getByRole('button', { name: new RegExp(literally(t('attract.cta'))) }).click();

      // A shopper on a product page who has called staff.
      await page.getByRole('searchbox', { name: t('search.label') }).fill(missing.styleCode);
      await page.getByRole('button', { name: missing.productName[lang], exact: true }).click();
      await page.getByRole('button', { name: missing.colourName[lang], exact: true }).click();
      await page.getByRole('button', { name: new RegExp(`^${literally(missing.size)}: `) }).click();
      await page.getByRole('button', { name: t('help.button') }).click();
      await page.getByRole('dialog', { name: t('help.title') }).getByRole('button', { name: t('help.close') }).click();

      // Staff: a long press on the logo asks who is helping.
      const logo = page.getByText('NORRVIK', { exact: true }).filter({ visible: true }).first();
      const box = (await logo.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      const who = page.getByRole('dialog', { name: t('staff.signIn.who') });
      await expect(who).toBeVisible();
      await page.mouse.up();
      await checkScreen(page, lang, '20-staff-who');
      await who.getByRole('button', { name: t('staff.signIn.cancel') }).click();
      await expect(who).toBeHidden();

      // A badge scanned: the PIN pad with Alex picked; a wrong PIN says how many tries are left.
      await scan(page, 'STAFF-1001');
      await expect(page.getByRole('heading', { name: t('staff.signIn.pinFor', { name: 'Alex S.' }) })).toBeVisible();
      await checkScreen(page, lang, '21-staff-pin');
      const pin = async (digits: string): Promise<void> => {
        for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
        await page.getByRole('button', { name: t('staff.signIn.enter'), exact: true }).click();
      };
      await pin('1111');
      await expect(page.getByText(t('staff.signIn.wrong', { count: 4 }))).toBeVisible();
      await checkScreen(page, lang, '22-staff-pin-wrong');
      await pin('2580');

      // The product page with staff detail, under the staff band.
      const band = page.getByRole('navigation', { name: t('staff.band.label') });
      await expect(band).toBeVisible();
      await expect(page.getByRole('region', { name: t('staff.product.heading') })).toBeVisible();
      await checkScreen(page, lang, '23-staff-product');

      // The queue: the shopper's call, taken.
      await band.getByRole('button', { name: t('staff.band.queue', { n: 1 }) }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('staff.queue.title') })).toBeVisible();
      const call = page.getByRole('main').getByRole('listitem').first();
      await expect(call.getByText(t('staff.queue.status.open'))).toBeVisible();
      await checkScreen(page, lang, '24-staff-queue');
      await call.getByRole('button', { name: t('staff.queue.acknowledge') }).click();
      await expect(call.getByText(t('staff.queue.status.acknowledgedBy', { name: 'Alex S.' }))).toBeVisible();

      await band.getByRole('button', { name: t('staff.band.orders') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('staff.orders.title') })).toBeVisible();
      await checkScreen(page, lang, '25-staff-orders');

      // Staff leave: the shopper is told who is coming, on the page they were on.
      await band.getByRole('button', { name: t('staff.band.leave') }).click();
      const coming = page.getByRole('dialog', { name: t('help.title') });
      await expect(coming.getByText(t('help.comingNamed', { name: 'Alex S.' }))).toBeVisible();
      await checkScreen(page, lang, '26-call-staff-coming');
      await coming.getByRole('button', { name: t('help.close') }).click();

      // A manager: the pillar's health, and an action's confirmation.
      await scan(page, 'STAFF-1001');
      await page.getByRole('button', { name: t('staff.signIn.someoneElse') }).click();
      await page.getByRole('button', { name: /^Maja M\./ }).click();
      await pin('1379');
      await band.getByRole('button', { name: t('staff.band.health') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('staff.health.title') })).toBeVisible();
      await expect(page.getByRole('region', { name: t('staff.health.app') })).toBeVisible();
      await checkScreen(page, lang, '27-staff-health');
      await page.getByRole('button', { name: t('staff.health.action.resnapshot') }).click();
      const confirm = page.getByRole('alertdialog', { name: t('staff.health.confirmTitle', { action: t('staff.health.action.resnapshot') }) });
      await expect(confirm).toBeVisible();
      await checkScreen(page, lang, '28-staff-health-confirm');
      await confirm.getByRole('button', { name: t('staff.health.cancel') }).click();
      await expect(confirm).toBeHidden();
    } finally {
      await pillar.stop();
    }
  });
}
