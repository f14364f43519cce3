import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 14: the catalogue announces its count after a filter (with JavaScript) and says it in its
// results heading (without).

/** A page without JavaScript (its own context: no scripts run, none load). */
async function pageWithoutScripts(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test.describe('the catalogue after a filter', () => {
  test('with JavaScript: the count is announced politely and focus stays on the search button', async ({ page, checkA11y }) => {
    await page.goto('/cursussen');
    const live = page.locator('main [role="status"]');
    await expect(live).toHaveText('');
    await page.getByLabel('Provincie').selectOption({ label: 'Overijssel' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/[?&]province=/);
    const heading = page.locator('#results-heading');
    await expect(heading).toHaveText(/^(Geen cursussen gevonden|1 cursus gevonden|\d+ cursussen gevonden)$/);
    await expect(live).toHaveText((await heading.textContent()) ?? '');
    await expect(page.getByRole('button', { name: 'Zoeken' })).toBeFocused();
    await checkA11y(page);

    // "Clear filters" is a filter too: the full count, focus kept on the form.
    await page.getByRole('link', { name: 'Alles wissen' }).click();
    await expect(page).toHaveURL(/\/cursussen$/);
    await expect(live).toHaveText(/^\d+ cursussen gevonden$/);
    await expect(page.getByRole('button', { name: 'Zoeken' })).toBeFocused();
  });

  test('without JavaScript: the new page says the count in its results heading', async ({ browser }) => {
    const { context, page } = await pageWithoutScripts(browser);
    try {
      await page.goto('/cursussen');
      await page.getByLabel('Provincie').selectOption({ label: 'Overijssel' });
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await expect(page.locator('#results-heading')).toHaveText(/^(Geen cursussen gevonden|1 cursus gevonden|\d+ cursussen gevonden)$/);
    } finally {
      await context.close();
    }
  });
});
