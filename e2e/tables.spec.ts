import type { Locator, Page } from '@playwright/test';
import { demo, expect, logInWithPassword, test, uniqueEmail } from './fixtures';

// Tables on a phone (375 px) and on a laptop (1280 px): every DataTable fits its box, the page never
// scrolls sideways, and a row's action buttons and links stand on the screen (on a phone each row is a
// card). Issue #14: tables used to scroll sideways on phones and hide "Aanvraag intrekken" and
// "Toestemming intrekken" beyond the right edge without a hint.

const PHONE = { width: 375, height: 800 };
const LAPTOP = { width: 1280, height: 900 };
const NETWORK = 'Demonetwerk Mentoraat';

/** No sideways scrolling of the page, and no table wider than its box (so nothing is cut off). */
async function expectNothingSideways(page: Page) {
  const overflow = await page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    return {
      page: document.documentElement.scrollWidth - screen,
      tables: [...document.querySelectorAll('.pa-data-table')]
        .filter((box) => box.scrollWidth > box.clientWidth || box.getBoundingClientRect().right > screen)
        .map((box) => box.querySelector('caption')?.textContent ?? '(no caption)'),
    };
  });
  expect(overflow.tables, 'tables wider than their box').toEqual([]);
  expect(overflow.page, 'page wider than the screen').toBeLessThanOrEqual(0);
}

/** The element lies within the screen's width (not beyond the right edge) and is visible. */
async function expectOnScreen(page: Page, element: Locator) {
  await expect(element).toBeVisible();
  const box = (await element.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge').toBeLessThanOrEqual(width);
}

/** Column headers and cells still reach screen readers on a phone: Chromium's accessibility tree. */
async function expectTableSemantics(page: Page, caption: string, headers: string[]) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string } }[];
    };
    const named = (role: string) => nodes.filter((n) => n.role?.value === role).map((n) => n.name?.value ?? '');
    expect(named('table')).toContain(caption);
    for (const header of headers) expect(named('columnheader')).toContain(header);
    expect(named('cell').length + named('gridcell').length).toBeGreaterThan(0);
  } finally {
    await cdp.detach();
  }
}

test('a candidate: registrations and mentor applications on a phone, actions on the screen', async ({ page, checkA11y, openEmail }) => {
  test.setTimeout(300_000);

  await test.step('the account page: the "cancel" link of a course sign-up stands on the screen', async () => {
    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await expect(page).toHaveURL('/account');
    await page.setViewportSize(PHONE);
    const table = page.getByRole('table', { name: 'Cursussen waarvoor je je hebt aangemeld' });
    await expectOnScreen(page, table.getByRole('link', { name: /^Afmelden voor / }).first());
    // A card: the value with its column's name before it.
    const status = table.locator('td[data-label="Status"]').first();
    expect(await status.evaluate((td) => getComputedStyle(td, '::before').content)).toContain('Status');
    await expectNothingSideways(page);
    await expectTableSemantics(page, 'Cursussen waarvoor je je hebt aangemeld', ['Cursus', 'Status']);
    await checkA11y(page);
    await page.setViewportSize(LAPTOP);
    await expectNothingSideways(page);
    await page.context().clearCookies();
  });

  const email = uniqueEmail('tabellen');
  await test.step('a new account applies for a mentor and shares a disability with consent', async () => {
    await page.goto('/registreren');
    await page.getByLabel(/^Naam/).fill('Tara Tabel');
    await page.getByLabel(/^E-mailadres/).fill(email);
    await page.getByLabel(/^Wachtwoord/).fill('een lange zin voor de tabellen');
    await page.getByRole('main').getByRole('button', { name: 'Account maken' }).click();
    await expect(page).toHaveURL('/registreren/verstuurd');
    const mail = await openEmail(page, { to: email, subjectIncludes: 'Bevestig je e-mailadres', link: /\/verifieren\// });
    await page.goto(mail.link);
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await expect(page).toHaveURL(/\/account\?notice=account\.verified#notice$/);

    await page.goto('/mentoraat');
    await page.getByLabel('Je gemeente').selectOption({ label: 'Zwolle' });
    await page.getByRole('button', { name: 'Toon netwerken' }).click();
    await expect(page).toHaveURL(/gemeente=GM0193/);
    await page.getByRole('link', { name: `Mentor aanvragen bij ${NETWORK}` }).click();
    await expect(page.getByLabel('Je gemeente')).toHaveValue('GM0193');
    await page.getByLabel('Bij welke partij ben je lid of actief?').fill('Lokaal Zwolle');
    await page.getByLabel('zorg', { exact: true }).check();
    await page.getByLabel('Raadslid worden').check();
    await page.getByRole('group', { name: 'Dinsdag', exact: true }).getByLabel('Dinsdag avond').check();
    await page.getByLabel('Een vrouw', { exact: true }).check();
    await page.getByLabel(/^Waarom wil je een mentor\?/).fill('Ik wil leren hoe de raad werkt.');
    await page.getByLabel('een vrouw', { exact: true }).check();
    await page.getByLabel('Ik heb een beperking of chronische ziekte').check();
    await page.getByLabel(/^Ik geef toestemming/).check();
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect(page).toHaveURL(/\/account\/mentoraat\?notice=application\.sent#notice$/);
  });

  await test.step('on a phone, "Aanvraag intrekken" and "Toestemming intrekken" stand on the screen', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/account/mentoraat');
    await expectOnScreen(page, page.getByRole('link', { name: `Aanvraag intrekken: ${NETWORK}` }));
    await expectOnScreen(page, page.getByRole('link', { name: `Toestemming intrekken: ${NETWORK}` }));
    await expectNothingSideways(page);
    await checkA11y(page);
    await page.setViewportSize(LAPTOP);
    await expectNothingSideways(page);
    // Back to the table: one row per application, its actions in the last column.
    await expect(page.getByRole('row', { name: new RegExp(NETWORK) }).getByRole('link', { name: /^Aanvraag intrekken/ })).toBeVisible();
  });
});

test('a coordinator: the course list and the report on a phone and at 1280 px', async ({ page, checkA11y }) => {
  test.setTimeout(180_000);
  await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
  await expect(page).toHaveURL('/beheer');

  for (const path of ['/beheer/cursussen', '/beheer/rapportage']) {
    await test.step(`${path} at 375 px and 1280 px`, async () => {
      await page.setViewportSize(PHONE);
      await page.goto(path);
      await expect(page.locator('.pa-data-table').first()).toBeVisible();
      await expectNothingSideways(page);
      await checkA11y(page);
      await page.setViewportSize(LAPTOP);
      await expectNothingSideways(page);
    });
  }

  await test.step('the course list on a phone: each course a card, its link on the screen', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/beheer/cursussen');
    const table = page.getByRole('table', { name: /^Cursussen/ });
    await expectOnScreen(page, table.getByRole('rowheader').first().getByRole('link'));
    await expectTableSemantics(page, (await table.locator('caption').textContent())!, ['Cursus', 'Status']);
  });

  await test.step('the report on a phone: the total row is a card with its figures labelled', async () => {
    await page.goto('/beheer/rapportage');
    const table = page.getByRole('table', { name: 'Cursussen: alle aanmeldingen' });
    const figure = table.locator('td[data-label="Aanmeldingen"]').first();
    await expectOnScreen(page, figure);
    expect(await figure.evaluate((td) => getComputedStyle(td, '::before').content)).toContain('Aanmeldingen');
  });
});
