import { readFile } from 'node:fs/promises';
import { demo, expect, logInWithPassword, test } from './fixtures';
import { pdfText } from '../test/pdf';

// The cohort of an academy through its modules, and completion (ADR 018), on the demo academy of
// db/seed-academy-cohort.ts: the demo candidate sees her programme (1 of 3 modules attended); the
// coordinator registers her attendance of the second module and sees the cohort's table; the rule
// (two modules) is met, and she downloads her programme certificate and checks its code. Axe on every
// page, the table in English once.

const academy = 'Raadsledenacademie (demo)';

test('a participant follows her programme, the coordinator registers attendance, and completion gives a certificate', async ({
  page,
  browser,
  baseURL,
  checkA11y,
}) => {
  test.setTimeout(240_000);

  await test.step('the participant sees her programme and progress', async () => {
    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await expect(page).toHaveURL('/account');
    await page.goto('/account/academies');
    await expect(page.getByRole('heading', { level: 2, name: `Je programma: ${academy}` })).toBeVisible();
    await expect(page.getByText('1 van 3 modules bijgewoond')).toBeVisible();
    await expect(page.getByText('Om de academie af te ronden, woon je minstens 2 modules bij.')).toBeVisible();
    const table = page.getByRole('table', { name: `Modules van ${academy}` });
    await expect(table.getByRole('row', { name: /Academiemodule 1/ })).toContainText('Bijgewoond');
    await expect(table.getByRole('row', { name: /Academiemodule 3/ })).toContainText('Nog niet');
    await checkA11y(page);
    await page.context().clearCookies();
  });

  await test.step('the coordinator registers attendance of the second module and sees the cohort table', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    await page.goto('/beheer/academies');
    await page.getByRole('link', { name: academy }).first().click();
    await page.getByRole('navigation', { name: 'Pagina’s van deze academie' }).getByRole('link', { name: 'Deelnemers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Deelnemers van ${academy}` })).toBeVisible();
    const cohortUrl = new URL(page.url()).pathname;
    await checkA11y(page);
    await page.getByRole('link', { name: 'Aanwezigheid van Academiemodule 2: de begroting' }).click();
    await page.getByRole('group', { name: 'Wie was er bij bijeenkomst 1?' }).getByRole('checkbox', { name: demo.candidate.name }).check();
    await page.getByRole('button', { name: 'Aanwezigheid bijeenkomst 1 opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De aanwezigheid is opgeslagen.');

    await page.goto(cohortUrl);
    const table = page.getByRole('table', { name: 'Aanwezigheid per module' });
    const row = table.getByRole('row', { name: new RegExp(demo.candidate.name) });
    await expect(row).toContainText('2 van 3');
    await expect(row).toContainText('Ja, op');
    await expect(table.getByRole('row', { name: /Fatima El Amrani/ })).toContainText('1 van 3');

    // The CSV of the same table.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de aanwezigheid als CSV-bestand' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(demo.candidate.name);
    expect(csv).toContain('Academiemodule 2: de begroting');

    // English once.
    await page.context().addCookies([{ name: 'pa_lang', value: 'en', url: baseURL ?? 'http://127.0.0.1' }]);
    await page.goto(cohortUrl);
    await expect(page.getByRole('table', { name: 'Attendance per module' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'When has someone completed the academy?' })).toBeVisible();
    await checkA11y(page);
    await page.context().clearCookies();
  });

  let verifyPath = '';
  await test.step('the participant has completed and downloads her certificate', async () => {
    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await expect(page).toHaveURL('/account');
    await page.goto('/account/academies');
    await expect(page.getByText('2 van 3 modules bijgewoond')).toBeVisible();
    await expect(page.getByText(/Gefeliciteerd! Je hebt de academie afgerond op/)).toBeVisible();
    await checkA11y(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download je certificaat (PDF)' }).click(),
    ]);
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(demo.candidate.name);
    expect(text).toContain(academy);
    verifyPath = (await page.getByRole('link', { name: /Echtheid van je certificaat controleren/ }).getAttribute('href'))!;
    expect(verifyPath).toMatch(/^\/certificaat\/[a-z2-7]{32}$/);
    const url = text.match(/https?:\/\/\S+\/certificaat\/[a-z2-7]{32}/)?.[0];
    expect(new URL(url!).pathname).toBe(verifyPath);
  });

  await test.step('anyone can verify the code: the academy and initials only', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const visitor = await context.newPage();
    const response = await visitor.goto(verifyPath);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole('main')).toContainText(academy);
    await expect(visitor.getByRole('main')).toContainText('Programma');
    await expect(visitor.getByRole('main')).not.toContainText(demo.candidate.name);
    await checkA11y(visitor);
    await context.close();
  });
});
