import type { Page } from '@playwright/test';
import { expect, test, uniqueEmail, expectFieldError } from './fixtures';

// Issue 16, items 7 and 9 for people who take part: the catalogue's province narrows its municipality
// list (with JavaScript only) and the way back from a course keeps the filters; the registration's
// page repeats the answers and needs, and changes them.

/** The municipality options a person can see in the catalogue's filter. */
function visibleMunicipalities(page: Page) {
  return page
    .getByLabel('Gemeente')
    .locator('option')
    .evaluateAll((options) => options.filter((o) => !(o as HTMLOptionElement).hidden && o.getAttribute('value')).map((o) => o.textContent));
}

test('the catalogue: a province narrows the municipalities, and back from a course keeps the filters', async ({
  page,
  browser,
  checkA11y,
}) => {
  await page.goto('/cursussen');
  expect(await visibleMunicipalities(page)).toHaveLength(342);
  await page.getByLabel('Provincie').selectOption({ label: 'Overijssel' });
  const narrowed = await visibleMunicipalities(page);
  expect(narrowed).toContain('Zwolle');
  expect(narrowed).not.toContain('Amsterdam');
  expect(narrowed.length).toBeLessThan(40);
  await page.getByLabel('Gemeente').selectOption({ label: 'Zwolle' });
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/[?&]province=PV\d+/);
  await expect(page).toHaveURL(/[?&]municipality=GM0193/);
  // After the search the list is still narrowed to the chosen province, with Zwolle chosen.
  expect(await visibleMunicipalities(page)).toEqual(narrowed);
  await expect(page.getByLabel('Gemeente')).toHaveValue('GM0193');
  // The back link carries the filters that were set (empty fields of the form are left out).
  const chosen = new URL(page.url()).searchParams;
  const back = `/cursussen?province=${chosen.get('province')}&municipality=GM0193`;
  await checkA11y(page);

  const first = page.locator('.pa-course-card h3 a').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Terug naar de cursussen' }).click();
  await expect(page).toHaveURL(back);
  await expect(page.getByLabel('Provincie')).toHaveValue(/^PV\d+$/);
  await expect(page.getByLabel('Gemeente')).toHaveValue('GM0193');

  // Without JavaScript every municipality stays in the list.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto('/cursussen');
  await noJs.getByLabel('Provincie').selectOption({ label: 'Overijssel' });
  expect(await visibleMunicipalities(noJs)).toHaveLength(342);
  await context.close();
});

test('the registration’s page repeats the answers and needs and changes them, also without JavaScript', async ({
  page,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('behoeften');
  await page.goto('/cursussen');
  const card = page
    .locator('.pa-course-card')
    .filter({ hasText: /Nog \d+ plek/ })
    .first();
  await card.locator('h3 a').click();
  await page.getByRole('link', { name: 'Aanmelden', exact: true }).click();
  await page.getByLabel(/^Naam/).fill('Noor Gebaar');
  await page.getByLabel(/^E-mailadres/).fill(email);
  await page.getByLabel(/^In welke gemeente woon je\?/).selectOption({ label: 'Zwolle' });
  for (const group of await page
    .getByRole('group')
    .filter({ has: page.getByRole('radio') })
    .all())
    await group.getByRole('radio').first().check();
  for (const box of await page.locator('textarea[aria-required="true"]').all()) await box.fill('Ik wil weten hoe de raad werkt.');
  await page
    .getByRole('group', { name: 'Moeten wij iets voor je regelen?' })
    .getByRole('checkbox', { name: /NGT-tolk/ })
    .check();
  await page.getByRole('checkbox', { name: /privacyverklaring/ }).check();
  await page.getByRole('button', { name: /^Aanmelden|^Op de wachtlijst/ }).click();
  // The sign-up must land before the mailbox is opened: a navigation started while the form is still
  // being sent can cancel it, and then no email ever comes.
  await expect(page).toHaveURL(/\/aanmelden\/verstuurd$/);
  const mail = await openEmail(page, { to: email, subjectIncludes: 'Rond je aanmelding af', link: /\/aanmelden\/bevestigen\// });
  await page.goto(mail.link);
  await page.getByRole('button', { name: 'Ja, meld mij aan' }).click();
  await expect(page).toHaveURL(/\/aanmelding\/[a-z2-7]{32}\?notice=signUp.confirmed#notice$/);
  const manage = new URL(page.url()).pathname;

  const answers = page.getByRole('region', { name: 'Jouw antwoorden' });
  await expect(answers.locator('dd').filter({ hasText: 'Een tolk Nederlandse Gebarentaal (NGT-tolk)' })).toBeVisible();
  await checkA11y(page);

  // A refused change keeps what was typed and says what is wrong.
  const needs = answers.getByLabel('Heb je iets nodig om mee te kunnen doen?');
  await needs.fill('x'.repeat(1001));
  await answers.getByRole('button', { name: 'Antwoorden opslaan' }).click();
  await expectFieldError(page, /1000 tekens/);
  await checkA11y(page);

  await answers.getByRole('checkbox', { name: /NGT-tolk/ }).uncheck();
  await answers.getByRole('checkbox', { name: 'Een schrijftolk' }).check();
  await needs.fill('Graag een plek vooraan.');
  await answers.getByRole('button', { name: 'Antwoorden opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Je antwoorden zijn opgeslagen.');
  await expect(answers.locator('dd').filter({ hasText: 'Een schrijftolk' })).toBeVisible();
  await expect(answers.locator('dd').filter({ hasText: 'Graag een plek vooraan.' })).toBeVisible();
  await expect(answers.locator('dd').filter({ hasText: 'Een tolk Nederlandse Gebarentaal (NGT-tolk)' })).toHaveCount(0);

  // The same form without JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto(manage);
  const plain = noJs.getByRole('region', { name: 'Jouw antwoorden' });
  await plain.getByRole('checkbox', { name: 'Een ringleiding' }).check();
  await plain.getByRole('button', { name: 'Antwoorden opslaan' }).click();
  await expect(noJs.getByRole('status')).toContainText('Je antwoorden zijn opgeslagen.');
  await expect(plain.locator('dd').filter({ hasText: 'Een schrijftolk, Een ringleiding' })).toBeVisible();
  await context.close();
});
