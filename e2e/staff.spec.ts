import type { Locator, Page } from '@playwright/test';
import type { StoredOrder } from '../hq/store/store';
import { sizeMissingHere, startDemoHq, STORE, type DemoHq, type MissingHere } from './demoChain';
import { expect, expectAccessible, test, type PreviewHost } from './fixtures';
import { literally } from './i18n';
import { layoutProblems } from './layout';

/**
 * Staff mode on the real preview host against the demo HQ, as a shopper and a member of staff act:
 * staff step in on a shopper's product page (a long press on the logo, "Who's helping?", a PIN), see
 * exact counts, step out with the shopper's page as it was, and place a hold for them with a note; a
 * shopper's "Call staff" reaches the next pillar's queue, is taken there, and the shopper's pillar says
 * who is coming; five wrong PINs lock the pad; a manager sees the pillar's health, staff do not.
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

// Provisioning from HQ, then a shopper's journey with staff in and out of it.
test.describe.configure({ timeout: 300_000 });

const ALEX = { name: 'Alex S.', pin: '2580' };
const MAJA = { name: 'Maja M.', pin: '1379' };

test('staff: Alex takes over a shopper’s product page, sees exact counts, steps out with the page as it was, then holds the size for the shopper with a note', async ({ page }) => {
  const pillar = await demo.pillar();
  try {
    await startSession(page, pillar);
    await openMissingSize(page);
    const chosenSize = page.getByRole('heading', { name: `Size ${missing.size}, ${missing.colourName.en}` });

    // Staff step in: a long press on the logo, then who and the PIN; the band says who is signed in.
    await signIn(page, ALEX);
    const band = staffBand(page);
    await expect(band.getByText('Alex S.', { exact: true })).toBeVisible();
    await expect(band.getByText('Staff', { exact: true })).toBeVisible();
    await expect(band.getByRole('button', { name: 'Health' })).toHaveCount(0);

    // The same page with staff detail: the size's SKU, barcode and exact counts (none here, 2 nearby, 3 in the warehouse).
    const detail = page.getByRole('region', { name: 'Staff detail' });
    const size = detail.getByRole('listitem', { name: `Size ${missing.size}` });
    await expect(size.getByText(/^SKU \S+/)).toBeVisible();
    const stock = size.getByRole('table', { name: `Exact stock of size ${missing.size}` });
    await expect(stock.getByRole('row', { name: /\(this store\) 0$/ })).toBeVisible();
    await expect(stock.getByRole('row', { name: new RegExp(`^${literally(missing.storeName)} 2$`) })).toBeVisible();
    await expect(chosenSize).toBeVisible();
    await expectScreenFine(page, 'product in staff mode');

    // "Shopper view" is the normal page, one tap away, and back.
    await band.getByRole('button', { name: 'Shopper view' }).click();
    await expect(detail).toHaveCount(0);
    await band.getByRole('button', { name: 'Shopper view' }).click();
    await expect(detail).toBeVisible();

    // Out again: the shopper's page is as it was, the size still chosen.
    await band.getByRole('button', { name: 'Leave staff mode' }).click();
    await expect(band).toHaveCount(0);
    await expect(detail).toHaveCount(0);
    await expect(chosenSize).toBeVisible();

    // Back in to help: the size held at the nearby store, placed for the shopper with a note for the store.
    await signIn(page, ALEX);
    await page.getByRole('button', { name: new RegExp(`^Hold at ${literally(missing.storeName)} \\(`) }).click();
    await page.getByRole('dialog', { name: 'Added to your bag' }).getByRole('button', { name: 'View bag' }).click();
    await page.getByRole('button', { name: 'Check out' }).click();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Nikos Papadopoulos');
    await page.getByRole('textbox', { name: 'E-mail' }).fill('nikos@example.com');
    await doneTyping(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Would you like news from us?' })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: /^Pay at the till/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your order' })).toBeVisible();
    const assisted = page.getByRole('region', { name: 'Assisted by Alex S.' });
    await assisted.getByRole('textbox', { name: 'Note for the store' }).click();
    await expect(keyboard(page)).toBeVisible();
    await page.getByRole('textbox', { name: 'Note for the store' }).fill('Customer will pick up Saturday');
    await doneTyping(page);
    await expectScreenFine(page, 'assisted summary');
    await page.screenshot({ path: test.info().outputPath('assisted-summary-en.png') });
    await page.getByRole('button', { name: 'Confirm order' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' })).toBeVisible();
    const code = (await page.getByRole('region', { name: 'Your order code' }).getByText(ORDER_CODE).textContent()) ?? '';

    // Today's orders at this pillar: the hold, its note, who helped, and HQ's word on it.
    await band.getByRole('button', { name: 'Orders' }).click();
    const order = page.getByRole('listitem', { name: code });
    await expect(order.getByText('Note: Customer will pick up Saturday')).toBeVisible();
    await expect(order.getByText('Assisted by Alex S.')).toBeVisible();
    await expect(order.getByText(new RegExp(`^Held at ${literally(missing.storeName)} until `))).toBeVisible();
    await expectScreenFine(page, 'orders');
    const atHq = await orderAtHq(code);
    expect(atHq.note).toBe('Customer will pick up Saturday');
    expect(atHq.assistedBy).toBe('S-1001');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(order.getByText('Received by HQ')).toBeVisible();
  } finally {
    await pillar.stop();
  }
});

test('staff: a shopper’s “Call staff” appears in the next pillar’s queue, Alex takes it, and the shopper’s pillar says Alex is on the way', async ({ browser, page: staff }) => {
  const shopperPillar = await demo.pillar();
  const staffPillar = await demo.pillar();
  // The shopper's pillar beside the staff member's: its own screen (a second browser context).
  const shopperScreen = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const shopper = await shopperScreen.newPage();
  try {
    await startSession(shopper, shopperPillar);
    await openMissingSize(shopper);
    await shopper.getByRole('button', { name: 'Call staff' }).click();
    const help = shopper.getByRole('dialog', { name: 'Someone is on their way' });
    await expect(help).toBeVisible();
    await help.getByRole('button', { name: 'OK, thanks' }).click();

    // At the pillar beside it, staff see the call with where the shopper is, and take it.
    await startSession(staff, staffPillar);
    await signIn(staff, ALEX);
    await expect(staffBand(staff).getByRole('button', { name: 'Queue (1)' })).toBeVisible({ timeout: 60_000 });
    await staffBand(staff).getByRole('button', { name: 'Queue (1)' }).click();
    const call = staff.getByRole('listitem', { name: new RegExp(`Product ${literally(missing.styleCode)}$`) });
    await expect(call.getByText('Waiting for someone')).toBeVisible();
    await expect(call.getByText(/^(Just now|\d+ min)$/)).toBeVisible();
    await expectScreenFine(staff, 'queue');
    await call.getByRole('button', { name: 'On my way' }).click();
    await expect(call.getByText('Alex S. is on the way')).toBeVisible();

    // The shopper's pillar hears it from HQ: the answer opens again and says who is coming.
    await expect(shopper.getByRole('dialog', { name: 'Someone is on their way' }).getByText('Alex S. has seen your call and is on their way.')).toBeVisible({
      timeout: 60_000,
    });

    // Done: the call leaves the waiting list.
    await call.getByRole('button', { name: 'Done' }).click();
    await expect(call.getByText('Done', { exact: true })).toBeVisible();
    await expect(staffBand(staff).getByRole('button', { name: 'Queue (0)' })).toBeVisible();
  } finally {
    await shopperScreen.close();
    await shopperPillar.stop();
    await staffPillar.stop();
  }
});

test('staff: five wrong PINs lock the pad visibly, counting down', async ({ page }) => {
  const pillar = await demo.pillar();
  try {
    await startSession(page, pillar);
    await longPressLogo(page);
    await page.getByRole('button', { name: /^Alex S\./ }).click();
    for (const left of [4, 3, 2, 1]) {
      await typePin(page, '0000');
      await expect(page.getByText(`Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the pad locks.`)).toBeVisible();
    }
    await typePin(page, '0000');
    await expect(page.getByText(/^Too many wrong PINs\. Try again in 0:[0-3]\d$/)).toBeVisible();
    await expect(page.getByRole('button', { name: '5', exact: true })).toBeDisabled();
    await expectScreenFine(page, 'PIN pad locked');
    // Even the right PIN is refused while locked: the keys take nothing.
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeDisabled();
    await expect(staffBand(page)).toHaveCount(0);
  } finally {
    await pillar.stop();
  }
});

test('staff: a manager sees the pillar’s health and can sync now; a staff member has no Health', async ({ page }) => {
  const pillar = await demo.pillar();
  try {
    await startSession(page, pillar);
    await signIn(page, ALEX);
    await expect(staffBand(page).getByRole('button', { name: 'Orders' })).toBeVisible();
    await expect(staffBand(page).getByRole('button', { name: 'Health' })).toHaveCount(0);
    await staffBand(page).getByRole('button', { name: 'Leave staff mode' }).click();

    await signIn(page, MAJA);
    await expect(staffBand(page).getByText('Manager', { exact: true })).toBeVisible();
    await staffBand(page).getByRole('button', { name: 'Health' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pillar health' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'App' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sync' }).getByText('Up to date')).toBeVisible();
    // The preview host cannot restart the app: the action is there, disabled, with the reason.
    await expect(page.getByRole('button', { name: 'Restart the app' })).toBeDisabled();
    await expect(page.getByText('This pillar’s host can’t do this').first()).toBeVisible();
    // Exit kiosk mode is IT's alone.
    await expect(page.getByRole('button', { name: 'Exit kiosk mode' })).toHaveCount(0);
    await expectScreenFine(page, 'health');

    await page.getByRole('button', { name: 'Sync now' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Sync now?' });
    await confirm.getByRole('button', { name: 'Yes, go ahead' }).click();
    await expect(page.getByText('Sync now: done.')).toBeVisible();

    // Back to the pillar: the shopper's start screen is there under the band.
    await page.getByRole('button', { name: 'Back to the pillar' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  } finally {
    await pillar.stop();
  }
});

const ORDER_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

async function startSession(page: Page, pillar: PreviewHost): Promise<void> {
  await page.goto(pillar.url);
  // The pillar provisions from HQ first.
  await page.getByRole('button', { name: /Touch to start/ }).click({ timeout: 60_000 });
}

async function openMissingSize(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(missing.styleCode);
  await page.getByRole('button', { name: missing.productName.en, exact: true }).click();
  await page.getByRole('button', { name: missing.colourName.en, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${literally(missing.size)}: `) }).click();
  await expect(page.getByRole('heading', { name: `Size ${missing.size}, ${missing.colourName.en}` })).toBeVisible();
}

/** A finger held on the store's logo until "Who's helping?" opens (about two seconds), then lifted. */
async function longPressLogo(page: Page): Promise<void> {
  const logo = page.getByText('NORRVIK', { exact: true }).filter({ visible: true }).first();
  const box = await logo.boundingBox();
  if (!box) throw new Error('the logo is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect(page.getByRole('dialog', { name: 'Who’s helping?' })).toBeVisible();
  await page.mouse.up();
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signIn(page: Page, who: { name: string; pin: string }): Promise<void> {
  await longPressLogo(page);
  await page.getByRole('button', { name: new RegExp(`^${literally(who.name)}`) }).click();
  await expect(page.getByRole('heading', { name: `PIN for ${who.name}` })).toBeVisible();
  await typePin(page, who.pin);
  await expect(staffBand(page)).toBeVisible();
}

function staffBand(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Staff mode' });
}

function keyboard(page: Page): Locator {
  return page.getByRole('group', { name: 'Keyboard' });
}

/** A tap beside the fields (on the step's heading): the keyboard goes. */
async function doneTyping(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).click();
  await expect(keyboard(page)).toHaveCount(0);
}

async function expectScreenFine(page: Page, screen: string): Promise<void> {
  await expectAccessible(page, screen);
  await expect.poll(() => layoutProblems(page), { message: `layout of ${screen}` }).toEqual([]);
}

async function orderAtHq(code: string): Promise<StoredOrder> {
  let found: StoredOrder | undefined;
  await expect
    .poll(
      async () => {
        const answer = await fetch(`${demo.hq.url}/v1/orders?store=${STORE}&limit=500`, { headers: { authorization: `Bearer ${demo.hq.adminToken}` } });
        found = ((await answer.json()) as { orders: StoredOrder[] }).orders.find((order) => order.code === code);
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}
