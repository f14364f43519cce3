import { readFileSync } from 'node:fs';
import { demo, expect, logInWithPassword, test } from './fixtures';

// Journey 6: the coordinator opens the funder report, reads a chart with its table, changes the
// period, and downloads the same figures as CSV for Excel, with small numbers shown as "<5".

test('coordinator: open the report and download the CSV', async ({ page, checkA11y }) => {
  test.setTimeout(600_000);

  await test.step('log in and open the report from /beheer', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    await page.goto('/beheer');
    await page.getByRole('link', { name: 'Rapportage' }).click();
    await expect(page).toHaveURL('/beheer/rapportage');
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportage' })).toBeVisible();
    // Every chart has a table beside it with a caption and headers.
    const table = page.getByRole('table', { name: 'Cursussen: alle aanmeldingen' });
    await expect(table.getByRole('columnheader', { name: 'Aanmeldingen' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Iedereen' })).toBeVisible();
    await expect(page.locator('.pa-bars').first()).toHaveAttribute('aria-hidden', 'true');
    // The funnel has the stage "on the route to a list" between matched and on a list, explained under it.
    const funnel = page.getByRole('table', { name: /^Trechter per maand/ });
    const headers = await funnel.getByRole('columnheader').allTextContents();
    expect(headers.slice(-4)).toEqual(['Gekoppeld', 'Op weg naar de lijst', 'Op een kandidatenlijst', 'Gekozen']);
    await expect(page.getByText(/^Op weg naar de lijst: gekoppeld aan een mentor/)).toBeVisible();
    await checkA11y(page);
  });

  await test.step('the legend, and no table clipped at 1280 px, on a phone, or in print', async () => {
    const unclipped = async () => {
      const clipped = await page
        .locator('.pa-data-table')
        .evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.querySelector('caption')?.id));
      expect(clipped).toEqual([]);
      expect(await page.locator('.pa-data-table').count()).toBeGreaterThan(5);
    };
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await expect(page.getByRole('heading', { name: 'Wat de tekens betekenen' })).toBeVisible();
        await expect(page.getByText('<5: 1 tot en met 4 mensen.', { exact: false }).first()).toBeVisible();
        await unclipped();
      }
      if (media === 'print') {
        await expect(page.locator('.pa-nav')).toBeHidden();
        await expect(page.locator('.pa-filters')).toBeHidden();
        await expect(page.getByText(/^Gemaakt op \d{4}-\d{2}-\d{2}$/)).toBeVisible();
      }
    }
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await checkA11y(page);
  });

  await test.step('choose an organisation and a fixed period block (GET form)', async () => {
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Nederlandse Vereniging voor Raadsleden' });
    const period = page.getByLabel('Periode', { exact: true });
    // Only fixed blocks: quarters, calendar years and programme years (1 July to 30 June).
    const options = await period.locator('option').allTextContents();
    expect(options.some((o) => /^Kwartaal \d van \d{4} /.test(o))).toBe(true);
    expect(options.some((o) => /^Programmajaar \d{4}–\d{4} \(\d{4}-07-01 – \d{4}-06-30\)$/.test(o))).toBe(true);
    await period.selectOption({ label: options.filter((o) => o.startsWith('Programmajaar')).at(-1)! });
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    // A programme year is protected together with its quarters (ADR 015); that can take seconds.
    await expect(page).toHaveURL(/periode=\d{4}-\d{4}/, { timeout: 60_000 });
    // A block too big to protect within the request's budget is left to the job (ADR 020): the page
    // says so, and a later visit shows the figures, as a coordinator would find them.
    await expect(async () => {
      if (await page.getByText('De cijfers van deze periode worden berekend.', { exact: false }).isVisible()) await page.reload();
      await expect(page.getByText(/^Periode: Programmajaar/)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 300_000, intervals: [5_000] });
    await expect(page.getByRole('table', { name: 'Cursussen per provincie (woonplaats van de deelnemer)' })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('a period that is not a block is explained at the field; an old link with dates goes to its block', async () => {
    await page.goto('/beheer/rapportage?periode=morgen');
    await expect(page.getByRole('alert')).toContainText('Kies een periode uit de lijst.');
    await expect(page.locator('#report-periode-error')).toHaveText('Kies een periode uit de lijst.');
    await checkA11y(page);
    await page.goto('/beheer/rapportage?van=2026-04-02&tot=2026-05-20');
    await expect(page).toHaveURL(/periode=2026-K2$/);
    await page.goto('/beheer/rapportage?van=2020-01-01&tot=2026-12-31');
    await expect(page.locator('#report-periode-error')).toContainText('Een vrije periode kan niet meer.');
  });

  await test.step('download the CSV with the same filters', async () => {
    const today = new Date();
    const quarter = `${today.getFullYear()}-K${Math.floor(today.getMonth() / 3) + 1}`;
    await page.goto(`/beheer/rapportage?periode=${quarter}`);
    const screenTotal = await page
      .getByRole('table', { name: 'Cursussen: alle aanmeldingen' })
      .getByRole('row', { name: /Iedereen/ })
      .getByRole('cell')
      .allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als CSV (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`rapportage-${quarter}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    expect(text).toContain('Cursussen per provincie (woonplaats van de deelnemer)');
    expect(text).toContain(';Gekoppeld;Op weg naar de lijst;Op een kandidatenlijst;Gekozen\r\n');
    // The same figures as on the screen, suppressed the same way.
    expect(text).toContain(`\r\nIedereen;${screenTotal.join(';')}\r\n`);
    // Small numbers are never printed: every figure is 0, ≥ 5, "<5" or "×"; the legend is in the header.
    expect(text).toContain('×: ');
    const figures = text
      .split('\r\n')
      .filter(
        (line) => /^[^;]+(;(\d+|<5|×))+$/.test(line) && !line.startsWith('Mediaan') && !line.startsWith('Plekken bij mentoren in totaal'),
      )
      .flatMap((line) => line.split(';').slice(1));
    expect(figures.length).toBeGreaterThan(10);
    for (const f of figures) expect(f === '<5' || f === '×' || f === '0' || Number(f) >= 5, f).toBe(true);
  });
});
