import type { Browser, Page } from '@playwright/test';
import { demo, expect, logInWithPassword, test, uniqueEmail } from './fixtures';

// Issue 14, the last of the kit: the notices that used to answer with data now go through the one
// notice region (focused, inside a live region), the catalogue announces its count after a filter,
// and the course, sign-up and application forms check in the browser before anything is sent.

/** A page without JavaScript (its own context: no scripts run, none load). */
async function pageWithoutScripts(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

/** The notice is in the live region and has focus, so it is read out. */
async function expectFocusedNotice(page: Page, text: string | RegExp) {
  await expect(page.locator('[role="status"] > #notice')).toContainText(text);
  await expect(page.locator('#notice')).toBeFocused();
}

/** Records the POST requests the page sends. */
function countPosts(page: Page) {
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  return posts;
}

test.describe('notices after an action that used to answer with data', () => {
  test('forgot password: the same focused notice for any address, with and without JavaScript', async ({ page, browser, checkA11y }) => {
    for (const email of [demo.candidate.email, uniqueEmail('niemand')]) {
      await page.goto('/wachtwoord-vergeten');
      await page.getByLabel(/^E-mailadres/).fill(email);
      await page.getByRole('button', { name: 'Stuur de link' }).click();
      await expect(page).toHaveURL(/\/wachtwoord-vergeten\?notice=forgot\.sent#notice$/);
      await expectFocusedNotice(page, 'Als er een account is met dit e-mailadres');
      // The form is empty again: nothing of the address stays on the page.
      await expect(page.getByLabel(/^E-mailadres/)).toHaveValue('');
    }
    await checkA11y(page);

    const { context, page: plain } = await pageWithoutScripts(browser);
    try {
      await plain.goto('/wachtwoord-vergeten');
      await plain.getByLabel(/^E-mailadres/).fill(uniqueEmail('zonder-script'));
      await plain.getByRole('button', { name: 'Stuur de link' }).click();
      await expect(plain).toHaveURL(/\/wachtwoord-vergeten\?notice=forgot\.sent#notice$/);
      await expectFocusedNotice(plain, 'Als er een account is met dit e-mailadres');
    } finally {
      await context.close();
    }
  });

  test('login link and e-mail preferences: a focused notice after the action', async ({ page, browser }) => {
    await page.goto('/inloggen');
    const linkForm = page.getByRole('region', { name: /^Met een link in je e-mail$/ });
    await linkForm.getByLabel(/^E-mailadres/).fill(uniqueEmail('link'));
    await linkForm.getByRole('button').click();
    await expect(page).toHaveURL(/\/inloggen\?notice=login\.linkSent#notice$/);
    await expectFocusedNotice(page, 'inloglink');

    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await page.goto('/account/e-mail');
    await page.getByRole('button', { name: /^Opslaan/ }).click();
    await expect(page).toHaveURL(/\/account\/e-mail\?notice=privacy\.emailSaved#notice$/);
    await expectFocusedNotice(page, 'Je keuzes zijn opgeslagen.');

    const { context, page: plain } = await pageWithoutScripts(browser);
    try {
      await logInWithPassword(plain, demo.candidate.email, demo.candidate.password);
      await expect(plain).not.toHaveURL(/\/inloggen/);
      await plain.goto('/account/e-mail');
      await plain.getByRole('button', { name: /^Opslaan/ }).click();
      await expect(plain).toHaveURL(/\/account\/e-mail\?notice=privacy\.emailSaved#notice$/);
      await expectFocusedNotice(plain, 'Je keuzes zijn opgeslagen.');
    } finally {
      await context.close();
    }
  });
});

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

test.describe('forms checked in the browser first', () => {
  /** Sends the form, expects the summary to take focus and no request to have left the page. */
  async function refusedWithoutRequest(page: Page, button: RegExp | string) {
    const posts = countPosts(page);
    await page
      .getByRole('main')
      .getByRole('button', { name: button, exact: typeof button === 'string' })
      .click();
    const summary = page.locator('.pa-error-summary');
    await expect(summary).toBeFocused();
    expect(await summary.getByRole('link').count()).toBeGreaterThan(0);
    expect(posts, 'no request for a refused submit').toEqual([]);
  }

  test('course sign-up, new course and mentor application', async ({ page, checkA11y }) => {
    await page.goto('/cursussen');
    const course = await page
      .locator('.pa-course-card')
      .filter({ hasText: /Nog \d+ plek/ })
      .first()
      .getByRole('link')
      .getAttribute('href');
    await page.goto(`${course!.split('?')[0]}/aanmelden`);
    await page.getByLabel(/^Naam/).fill('Alleen Naam');
    await refusedWithoutRequest(page, 'Aanmelden');
    await expect(page.locator('.pa-error-summary').getByRole('link', { name: /e-mailadres/ })).toBeVisible();
    await expect(page.getByLabel(/^Naam/)).toHaveValue('Alleen Naam');
    await checkA11y(page);

    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await page.goto('/beheer/cursussen/nieuw');
    await page.getByLabel(/^Titel/).fill('');
    await refusedWithoutRequest(page, 'Cursus opslaan als concept');
    await expect(page.locator('.pa-error-summary').getByRole('link').first()).toBeVisible();
    await checkA11y(page);

    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await page.goto('/mentoraat');
    const apply = await page.locator('main a[href^="/mentoraat/aanvragen/"]').first().getAttribute('href');
    await page.goto(apply!);
    if (await page.getByRole('button', { name: 'Aanvraag versturen' }).count()) {
      await refusedWithoutRequest(page, 'Aanvraag versturen');
      await expect(page.locator('.pa-error-summary').getByRole('link', { name: 'Kies minstens één onderwerp.' })).toBeVisible();
      await checkA11y(page);
    }
  });
});
