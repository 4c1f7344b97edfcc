import { DEMO_CONFIG } from '../electron/core/config/demo';
import { expect, startPreview, test } from './fixtures';

test('attract: shows the store and a touch-to-start call in English, then in Swedish', async ({ page, preview }) => {
  await page.goto(preview.url);

  await expect(page.getByRole('heading', { level: 1, name: 'Can’t find your size?' })).toBeVisible();
  await expect(page.getByText('Welcome to Stockholm Drottninggatan')).toBeVisible();
  await expect(page.getByText('NORRVIK', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Touch to start' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: test.info().outputPath('attract-en.png') });

  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hittar du inte din storlek?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tryck för att börja' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Svenska' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.screenshot({ path: test.info().outputPath('attract-sv.png') });
});

test('attract: every language on offer is named in itself and switches the whole screen', async ({ page, preview }) => {
  await page.goto(preview.url);
  const expected = {
    Polski: 'Nie możesz znaleźć swojego rozmiaru?',
    Ελληνικά: 'Δεν βρίσκετε το νούμερό σας;',
    English: 'Can’t find your size?',
  };
  for (const [name, headline] of Object.entries(expected)) {
    await page.getByRole('button', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  }
});

test('session: touching to start and starting over returns to the attract screen in the store’s language', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Polski' }).click();
  await page.getByRole('button', { name: 'Dotknij, aby rozpocząć' }).click();
  await expect(page.getByRole('heading', { name: 'Czego szukasz?' })).toBeVisible();
  await page.getByRole('button', { name: 'Zacznij od nowa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Can’t find your size?' })).toBeVisible();
});

test('idle: an abandoned session warns, counts down, and starts over', async ({ page }) => {
  const host = await startPreview({ config: { ...DEMO_CONFIG, idle: { attractAfterSeconds: 30, warningSeconds: 20 } } });
  try {
    await page.clock.install({ time: new Date('2026-11-22T10:00:00Z') });
    await page.goto(host.url);
    // From here on, time moves only when the test says so (a loaded machine must not age the session).
    // The pause is ten fake minutes ahead of the installed time, so it is never in the past.
    await page.clock.pauseAt(new Date('2026-11-22T10:10:00Z'));
    await page.getByRole('button', { name: 'Touch to start' }).click();
    await expect(page.getByRole('heading', { name: 'What are you looking for?' })).toBeVisible();

    await page.clock.runFor(31_000);
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/start over in (19|20) seconds/);

    await dialog.getByRole('button', { name: 'I need more time' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'What are you looking for?' })).toBeVisible();

    await page.clock.runFor(51_000);
    await expect(page.getByRole('button', { name: 'Touch to start' })).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('config: a broken settings file shows IT which field is wrong, and the fix applies without a restart', async ({ page }) => {
  const host = await startPreview({ config: { ...DEMO_CONFIG, idle: { attractAfterSeconds: 90, warningSeconds: 5 } } });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'This pillar needs attention' })).toBeVisible();
    const row = page.getByRole('row', { name: /idle\.warningSeconds/ });
    await expect(row).toContainText('must be at least 20');
    await page.screenshot({ path: test.info().outputPath('config-error.png') });

    host.writeConfig({ ...DEMO_CONFIG, store: { id: 'se-got-avenyn', name: 'Göteborg Avenyn' } });
    await expect(page.getByText('Welcome to Göteborg Avenyn')).toBeVisible({ timeout: 10_000 });
  } finally {
    await host.stop();
  }
});
