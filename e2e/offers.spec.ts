import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { TFunction } from 'i18next';
import { demoOffers } from '../hq/demo';
import { startHq } from '../hq/server';
import { LANGUAGE_NAMES, type Language } from '../shared/languages';
import { RedeemAnswer } from '../shared/sync/coupons';
import { startDemoHq, STORE, type DemoHq } from './demoChain';
import { expect, expectAccessible, startPreview, test } from './fixtures';
import { literally, wordsOf } from './i18n';
import { layoutProblems } from './layout';

/**
 * Offers at the pillar, against the reference HQ serving the demo chain: a shopper sees the check-in
 * offer on the attract screen, walks through its steps and gets a code — which a till redeems at HQ once
 * and is refused the second time; the same code again within the session, a new one in the next; the
 * offers on the start screen and on a product they apply to, with the today-only deal's countdown; an
 * empty pool and an offer that has just ended said kindly. Each new screen is scanned by axe, checked for
 * anything cut off or covered, and photographed into `test-results/e2e/screens/<language>/offers-*.png`.
 */
let demo: DemoHq;

test.beforeAll(async () => {
  demo = await startDemoHq();
});

test.afterAll(async () => {
  await demo.close();
});

// Provisioning from HQ and the pillar's first pool of codes, then a whole walk through an offer.
test.describe.configure({ timeout: 180_000 });
// Animations end at once, so a scan or a photograph never catches a screen halfway in.
test.use({ reducedMotion: 'reduce' });

const CHECK_IN = 'demo-check-in-drottninggatan';
const STORE_NAME = 'Stockholm Drottninggatan';
const COUPON_CODE = /^PLR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]$/;

/** The demo chain's offers as HQ publishes them, for their titles and terms in each language. */
const offerTexts = (id: string, lang: Language) => demoOffers(Date.now()).find((offer) => offer.id === id)!.texts[lang]!;

for (const lang of ['en', 'sv', 'pl', 'el'] as const) {
  test(`offers (${lang}): the check-in offer on the attract screen, its steps, and a code the till redeems once`, async ({ page }) => {
    const t = await wordsOf(lang);
    const texts = offerTexts(CHECK_IN, lang);
    const pillar = await demo.pillar();
    try {
      await page.goto(pillar.url);
      if (lang !== 'en') await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();

      // The attract loop shows the check-in offer (picked by its dot: the offers take turns).
      await page.getByRole('button', { name: new RegExp(`${literally(texts.title)}$`) }).click({ timeout: 90_000 });
      await expect(page.getByRole('heading', { level: 2, name: texts.title })).toBeVisible();
      await checkScreen(page, lang, 'offers-01-attract');
      await page.getByRole('button', { name: t('offers.checkInForCode') }).click();

      // The steps in pictures: the QR code to scan, checking in at the store on Instagram, the button.
      await expect(page.getByRole('heading', { level: 1, name: texts.title })).toBeVisible();
      const steps = page.getByRole('region', { name: t('offers.checkIn.heading') });
      await expect(steps.getByRole('listitem')).toHaveCount(3);
      await expect(steps.getByRole('img', { name: t('offers.checkIn.qr', { store: STORE_NAME, platform: 'Instagram' }) })).toBeVisible();
      await expect(steps.getByRole('heading', { name: t('offers.checkIn.checkInTitle', { store: STORE_NAME, platform: 'Instagram' }) })).toBeVisible();
      await expect(page.getByText(texts.terms)).toBeVisible();
      // Platform rules: a check-in is rewarded, never a like.
      await expect(page.getByRole('main')).not.toContainText(/\blike us\b|\bgilla\b|\bpolub\b/i);
      await checkScreen(page, lang, 'offers-02-check-in');
      await page.getByRole('button', { name: t('offers.checkIn.done') }).click();

      // The code: a QR code and its characters for the till, until when, and the terms.
      await expect(page.getByRole('heading', { level: 1, name: t('offers.code.heading') })).toBeVisible();
      const code = await shownCode(page, t);
      await expect(page.getByRole('img', { name: t('offers.code.qr', { code: spelled(code) }) })).toBeVisible();
      await expect(page.getByText(t('offers.code.validTodayMidnight'))).toBeVisible();
      await expect(page.getByText(texts.terms)).toBeVisible();
      await checkScreen(page, lang, 'offers-03-code');

      // One code per offer per session: back to shopping, the same offer from the start screen's band,
      // and it is the same code, straight away.
      await page.getByRole('button', { name: t('offers.code.done') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('start.heading') })).toBeVisible();
      const band = page.getByRole('region', { name: t('offers.label') });
      await expect(band.getByRole('button', { name: new RegExp(literally(texts.title)) })).toBeVisible();
      await checkScreen(page, lang, 'offers-04-start');
      await band.getByRole('button', { name: new RegExp(literally(texts.title)) }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('offers.code.heading') })).toBeVisible();
      expect(await shownCode(page, t)).toBe(code);

      // At a till in the store: redeemed once; the same code in another sale is refused, saying why.
      const till = await tillToken();
      const first = await redeem(till, code, `receipt-${lang}-1`);
      expect(first.status).toBe(200);
      expect(first.answer).toMatchObject({ ok: true, code, offerId: CHECK_IN, discount: { percent: 10 } });
      const second = await redeem(till, code, `receipt-${lang}-2`);
      expect(second.status).toBe(409);
      expect(second.answer).toMatchObject({ ok: false, reason: 'already-used' });
    } finally {
      await pillar.stop();
    }
  });
}

test('offers: the next shopper never sees the last one’s code, and gets a code of their own', async ({ page }) => {
  const t = await wordsOf('en');
  const texts = offerTexts(CHECK_IN, 'en');
  const pillar = await demo.pillar();
  try {
    await page.goto(pillar.url);
    const first = await checkInFromAttract(page, t, texts.title);

    await page.getByRole('button', { name: t('common.startOver') }).click();
    await expect(page.getByRole('button', { name: /Touch to start/ })).toBeVisible();
    const second = await checkInFromAttract(page, t, texts.title, { stepsFirst: true });
    expect(second).not.toBe(first);
  } finally {
    await pillar.stop();
  }
});

for (const lang of ['en', 'el'] as const) {
  test(`offers (${lang}): a product page shows the offers that apply to it, the today-only deal counting down`, async ({ page }) => {
    const t = await wordsOf(lang);
    const knitwear = offerTexts('demo-today-knitwear', lang);
    const checkIn = offerTexts(CHECK_IN, lang);
    const region = (await demo.hq.store.region(STORE))!;
    const state = await demo.hq.store.regionState(region);
    const sweater = state.products.find((product) => product.categoryId === 'knitwear')!;
    const jeans = state.products.find((product) => product.categoryId === 'jeans')!;
    const pillar = await demo.pillar();
    try {
      await page.goto(pillar.url);
      if (lang !== 'en') await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
      await page.getByRole('button', { name: t('attract.cta') }).click({ timeout: 60_000 });

      await openProduct(page, t, sweater.styleCode, sweater.texts[lang]?.name ?? sweater.texts.en!.name);
      const offers = page.getByRole('region', { name: t('offers.productHeading') });
      const deal = offers.getByRole('button', { name: new RegExp(literally(knitwear.title)) });
      await expect(deal).toBeVisible();
      // Today only: it ends at the store's midnight and says how far off that is ("Ends in 3 h 12 min",
      // "… 2 hours", "… 5 minutes", or "… less than a minute"), in the shopper's words.
      const underMinute = t('offers.endsUnderMinute');
      const endsIn = underMinute.split(' ').slice(0, 2).join(' ');
      await expect(deal).toContainText(new RegExp(`${literally(endsIn)} \\d|${literally(underMinute)}`));
      await expect(offers.getByRole('button', { name: new RegExp(literally(checkIn.title)) })).toBeVisible();
      await checkScreen(page, lang, 'offers-05-product');

      // Its own screen: what it is, and its code for the till.
      await deal.click();
      await expect(page.getByRole('heading', { level: 1, name: knitwear.title })).toBeVisible();
      await expect(page.getByRole('heading', { name: t('offers.today.heading') })).toBeVisible();
      await checkScreen(page, lang, 'offers-06-today-only');
      await page.getByRole('button', { name: t('offers.getCode') }).click();
      expect(await shownCode(page, t)).toMatch(COUPON_CODE);

      // Jeans are not knitwear: only the store-wide check-in offer is there.
      await page.getByRole('button', { name: t('offers.code.done') }).click();
      await page.getByRole('button', { name: t('product.back') }).click();
      await openProduct(page, t, jeans.styleCode, jeans.texts[lang]?.name ?? jeans.texts.en!.name);
      const jeansOffers = page.getByRole('region', { name: t('offers.productHeading') });
      await expect(jeansOffers.getByRole('button', { name: new RegExp(literally(checkIn.title)) })).toBeVisible();
      await expect(jeansOffers.getByRole('button', { name: new RegExp(literally(knitwear.title)) })).toHaveCount(0);
    } finally {
      await pillar.stop();
    }
  });
}

test('offers: a shopper checking in on their phone has three minutes before "Are you still there?"', async ({ page }) => {
  const t = await wordsOf('en');
  const pillar = await demo.pillar({ idle: { attractAfterSeconds: 60, warningSeconds: 20 } });
  try {
    await page.clock.install();
    await page.goto(pillar.url);
    await openCheckIn(page, t, offerTexts(CHECK_IN, 'en').title);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);

    const stillThere = page.getByRole('alertdialog', { name: t('idle.title') });
    await page.clock.runFor(90_000);
    await expect(page.getByRole('region', { name: t('offers.checkIn.heading') })).toBeVisible();
    await expect(stillThere).toHaveCount(0);
    await page.clock.runFor(91_000);
    await expect(stillThere).toBeVisible();
  } finally {
    await pillar.stop();
  }
});

test('offers: when the pillar’s own backend cannot be reached, the shopper is told and can try again', async ({ page }) => {
  const t = await wordsOf('en');
  const pillar = await demo.pillar();
  let stopped = false;
  try {
    await page.goto(pillar.url);
    await openCheckIn(page, t, offerTexts(CHECK_IN, 'en').title);
    // The host behind the page goes away (in Electron: the main process is restarting).
    await pillar.stop();
    stopped = true;
    await page.getByRole('button', { name: t('offers.checkIn.done') }).click();
    await expect(page.getByText(t('offers.failed.title'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('offers.tryAgain') })).toBeFocused();
    await expect(page.getByRole('heading', { level: 1, name: t('offers.code.heading') })).toHaveCount(0);
  } finally {
    if (!stopped) await pillar.stop();
  }
});

for (const lang of ['en', 'pl'] as const) {
  test(`offers (${lang}): when this pillar has handed out every code, the next shopper is told kindly and pointed to staff`, async ({ page }) => {
    const t = await wordsOf(lang);
    const texts = offerTexts(CHECK_IN, lang);
    // An HQ whose offers start with a single code each: the first shopper gets it, the next finds none.
    const dir = mkdtempSync(path.join(tmpdir(), 'pillar-e2e-hq-'));
    const hq = await startHq({ dataDir: dir, port: 0, demo: 'demo', log: false, initialCouponPool: 1 });
    const pillar = await startPreview({
      config: { store: { id: STORE, name: STORE_NAME }, hq: { url: hq.url, token: await hq.issueKioskToken(STORE) }, branding: { name: 'NORRVIK', accent: '#1f4d3a' } },
    });
    try {
      await page.goto(pillar.url);
      if (lang !== 'en') await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
      await checkInFromAttract(page, t, texts.title);
      await page.getByRole('button', { name: t('common.startOver') }).click();

      if (lang !== 'en') await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
      await openCheckIn(page, t, texts.title);
      await page.getByRole('button', { name: t('offers.checkIn.done') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('offers.empty.title') })).toBeVisible();
      await expect(page.getByText(t('offers.empty.body'))).toBeVisible();
      await checkScreen(page, lang, 'offers-07-empty');
      // Staff are one tap away, right beside the message.
      await page.getByRole('main').getByRole('button', { name: t('help.button') }).click();
      await expect(page.getByRole('dialog', { name: t('help.title') })).toBeVisible();
    } finally {
      await pillar.stop();
      await hq.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

for (const lang of ['en', 'el'] as const) {
  test(`offers (${lang}): an offer that ends while its steps are on screen says so, not an error`, async ({ page }) => {
    const t = await wordsOf(lang);
    const texts = offerTexts(CHECK_IN, lang);
    const dir = mkdtempSync(path.join(tmpdir(), 'pillar-e2e-hq-'));
    const hq = await startHq({ dataDir: dir, port: 0, demo: 'demo', log: false });
    const pillar = await startPreview({
      config: { store: { id: STORE, name: STORE_NAME }, hq: { url: hq.url, token: await hq.issueKioskToken(STORE) }, branding: { name: 'NORRVIK', accent: '#1f4d3a' } },
    });
    try {
      await page.clock.install();
      await page.goto(pillar.url);
      if (lang !== 'en') await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
      await openCheckIn(page, t, texts.title);
      // The screen's clock stands still from here: its minute's re-read of the offers must not take the
      // steps away before the shopper taps (that would say the same, only sooner).
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);

      // HQ withdraws the offer; the pillar hears of it through sync.
      const withdrawn = await fetch(`${hq.url}/v1/offers/${CHECK_IN}`, { method: 'DELETE', headers: { authorization: `Bearer ${hq.adminToken}` } });
      expect(withdrawn.status).toBe(200);
      await expect.poll(() => offerRuns(pillar.url, CHECK_IN), { timeout: 30_000 }).toBe(false);

      await page.getByRole('button', { name: t('offers.checkIn.done') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('offers.ended.title') })).toBeVisible();
      // Time moves again (axe waits on timers); the answer stays on screen whatever the offers say now.
      await page.clock.resume();
      await checkScreen(page, lang, 'offers-08-ended');
      await page.getByRole('button', { name: t('offers.code.done') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('start.heading') })).toBeVisible();
    } finally {
      await pillar.stop();
      await hq.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** Scans the screen (axe, then the layout) and saves it as `screens/<language>/<name>.png` in the run's output folder. */
async function checkScreen(page: Page, lang: Language, name: string): Promise<void> {
  await expectAccessible(page, `${name} (${lang})`);
  await expect.configure({ soft: true }).poll(() => layoutProblems(page), { message: `layout of ${name} (${lang})` }).toEqual([]);
  await page.screenshot({ path: path.join(test.info().project.outputDir, 'screens', lang, `${name}.png`), animations: 'disabled' });
}

/** From the attract loop to the check-in offer's steps (the pillar provisions from HQ first). */
async function openCheckIn(page: Page, t: TFunction, title: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`${literally(title)}$`) }).click({ timeout: 90_000 });
  await page.getByRole('button', { name: t('offers.checkInForCode') }).click();
  await expect(page.getByRole('region', { name: t('offers.checkIn.heading') })).toBeVisible();
}

/** Through the check-in's steps to the code; returns it. */
async function checkInFromAttract(page: Page, t: TFunction, title: string, options: { stepsFirst?: boolean } = {}): Promise<string> {
  await openCheckIn(page, t, title);
  if (options.stepsFirst) await expect(page.getByRole('heading', { level: 1, name: t('offers.code.heading') })).toHaveCount(0);
  await page.getByRole('button', { name: t('offers.checkIn.done') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('offers.code.heading') })).toBeVisible();
  return shownCode(page, t);
}

/**
 * The code on screen, as a screen reader hears it ("P L R, 7 K 2 M, …": the characters drawn in cells
 * are hidden from it), put back together; it must have a code's shape.
 */
async function shownCode(page: Page, t: TFunction): Promise<string> {
  const ticket = page.getByRole('region', { name: t('offers.code.label') });
  const heard = (await ticket.getByText(/^P L R, /).textContent()) ?? '';
  const code = heard
    .split(', ')
    .map((group) => group.replaceAll(' ', ''))
    .join('-');
  expect(code).toMatch(COUPON_CODE);
  return code;
}

const spelled = (code: string): string =>
  code
    .split('-')
    .map((group) => group.split('').join(' '))
    .join(', ');

async function openProduct(page: Page, t: TFunction, styleCode: string, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: t('search.label') }).fill(styleCode);
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Whether the pillar still runs an offer (asked of its API from here: the page's clock stands still). */
async function offerRuns(pillarUrl: string, offerId: string): Promise<boolean> {
  const response = await fetch(`${pillarUrl}/api/offers.active`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"lang":"en"}' });
  const answer = (await response.json()) as { ok: boolean; value?: { id: string }[] };
  return answer.value?.some((offer) => offer.id === offerId) ?? true;
}

async function tillToken(): Promise<string> {
  const answer = await fetch(`${demo.hq.url}/v1/tills`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.hq.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ store: STORE, label: 'e2e till' }),
  });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { token: string }).token;
}

async function redeem(till: string, code: string, transaction: string): Promise<{ status: number; answer: RedeemAnswer }> {
  const answer = await fetch(`${demo.hq.url}/v1/coupons/${encodeURIComponent(code)}/redeem`, {
    method: 'POST',
    headers: { authorization: `Bearer ${till}`, 'content-type': 'application/json' },
    body: JSON.stringify({ store: STORE, transaction }),
  });
  return { status: answer.status, answer: RedeemAnswer.parse(await answer.json()) };
}
