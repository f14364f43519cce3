import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// The open national figures: a visitor finds /cijfers in the footer, reads the funnel with its legend,
// prints it, and downloads the same figures as open data (CSV).

test('visitor: national figures from the footer, printed and as CSV', async ({ page, checkA11y }) => {
  test.setTimeout(120_000);

  await test.step('the footer link leads to the figures of this year', async () => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Cijfers van heel Nederland' }).click();
    await expect(page).toHaveURL('/cijfers');
    await expect(page.getByRole('heading', { level: 1, name: 'Cijfers van heel Nederland' })).toBeVisible();
    await expect(page.getByText(/^\d+ organisaties doen mee\.$/)).toBeVisible();
    await expect(page.getByText(/^Laatst bijgewerkt: /)).toBeVisible();
    await expect(page.getByText(/CC0 1\.0/).first()).toBeVisible();
    const table = page.getByRole('table', { name: 'Heel Nederland' });
    await expect(table.getByRole('columnheader', { name: 'Aangemeld voor een cursus' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Op weg naar de lijst' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Per doelgroep' })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('the legend, and no table clipped at 1280 px, on a phone, or in print', async () => {
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await expect(page.getByRole('heading', { name: 'Wat de tekens betekenen' })).toBeVisible();
        const clipped = await page
          .locator('.pa-table-scroll')
          .evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.getAttribute('aria-labelledby')));
        expect(clipped).toEqual([]);
      }
      if (media === 'print') {
        await expect(page.locator('.pa-nav')).toBeHidden();
        await expect(page.locator('.pa-filters')).toBeHidden();
        await expect(page.getByRole('table', { name: 'Heel Nederland' })).toBeVisible();
      }
    }
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step('choose a year with the form (GET, works without script) and download the CSV', async () => {
    const year = await page.getByLabel('Jaar', { exact: true }).inputValue();
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await expect(page).toHaveURL(`/cijfers?jaar=${year}`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: `Download de cijfers van ${year} als CSV (open data)` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`cijfers-${year}.csv`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('CC0 1.0');
    expect(text).toContain(`Jaar;${year}`);
    // Small numbers are never printed: every figure is 0, ≥ 5, "<5" or "×".
    const figures = text
      .split('\r\n')
      .filter((line) => /^(Heel Nederland|Drenthe|Vrouwen);/.test(line))
      .flatMap((line) => line.split(';').slice(1));
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(f === '0' || f === '<5' || f === '×' || Number(f) >= 5, f).toBe(true);
  });

  await test.step('another year or a free period is a page that does not exist', async () => {
    const response = await page.goto('/cijfers?jaar=1999');
    expect(response?.status()).toBe(404);
  });
});
