import type { Browser, Page } from '@playwright/test';
import { demo, expect, logInWithPassword, test } from './fixtures';

// A network's applications by status and by search (issue 13 item 2), with JavaScript and without:
// the summary links and the search are plain GET links and forms.

/** The demo network with the most applications, as /beheer/netwerken/:id/aanvragen. */
async function applicationsPath(page: Page) {
  await page.goto('/beheer/netwerken');
  const hrefs = await page
    .locator('a[href^="/beheer/netwerken/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!).filter((h) => /^\/beheer\/netwerken\/[0-9a-f-]{36}$/.test(h)));
  let best = { path: '', count: -1 };
  for (const href of [...new Set(hrefs)]) {
    await page.goto(`${href}/aanvragen`);
    const all = page.getByRole('link', { name: /^Alle: \d+$/ });
    const count = (await all.count()) ? Number((await all.textContent())!.replace(/\D/g, '')) : 0;
    if (count > best.count) best = { path: `${href}/aanvragen`, count };
  }
  expect(best.count).toBeGreaterThan(1);
  return best.path;
}

async function coordinatorPage(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
  await expect(page).toHaveURL('/beheer'); // a coordinator lands on their home
  return { context, page };
}

for (const javaScriptEnabled of [true, false]) {
  test(`applications by status and by search, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser, checkA11y }) => {
    const { context, page } = await coordinatorPage(browser, javaScriptEnabled);
    try {
      const path = await applicationsPath(page);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 3, name: 'Overzicht' })).toBeVisible();
      const rows = page.locator('tbody tr');
      const total = await rows.count();
      expect(total).toBeGreaterThan(1);
      await expect(page.getByRole('status').filter({ hasText: `1 tot en met ${total} van ${total}` })).toBeVisible();
      // No axe with JavaScript off: it hangs there (see courses.spec.ts); the same page is scanned with it on.
      if (javaScriptEnabled) await checkA11y(page);

      // The summary's status link filters the list.
      await page.getByRole('link', { name: /^We zoeken een mentor: \d+$/ }).click();
      await expect(page).toHaveURL(/[?&]status=waiting/);
      await expect(page.getByRole('link', { name: /^We zoeken een mentor: \d+$/ })).toHaveAttribute('aria-current', 'page');
      for (const cell of await page.locator('tbody tr td:nth-child(4)').allTextContents()) expect(cell).toBe('We zoeken een mentor');

      // Search by the first person's name: the GET form sends ?zoek=, from page 1, keeping the status.
      const name = (await page.locator('tbody tr th').first().textContent())!.trim();
      await page.getByLabel('Zoek op naam, e-mailadres of gemeente').fill(name);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await expect(page).toHaveURL(/[?&]zoek=/);
      await expect(page).toHaveURL(/[?&]status=waiting/);
      await expect(page.locator('tbody tr th').first()).toHaveText(name);
      await expect(page.getByLabel('Zoek op naam, e-mailadres of gemeente')).toHaveValue(name);

      // Nothing found, then everything again.
      await page.getByLabel('Zoek op naam, e-mailadres of gemeente').fill('niemand-heet-zo-xyz');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await expect(page.getByText('Niets gevonden. Zoek op iets anders of toon alles weer.')).toBeVisible();
      await expect(rows).toHaveCount(0);
      await page.getByRole('link', { name: 'Alles weer tonen' }).click();
      await expect(rows).toHaveCount(total);
      if (javaScriptEnabled) await checkA11y(page);
    } finally {
      await context.close();
    }
  });
}
