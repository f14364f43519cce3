import type { Page } from '@playwright/test';
import { demo, expect, logInWithPassword, test, uniqueEmail } from './fixtures';

type PublicPage = { path: string; status: number; nl: RegExp; en: RegExp };

// Each page with the status it answers and its main heading in both languages.
const publicPages: PublicPage[] = [
  { path: '/', status: 200, nl: /^Politiek Actief$/, en: /^Politiek Actief$/ },
  { path: '/privacy', status: 200, nl: /privacy/i, en: /privacy/i },
  { path: '/toegankelijkheid', status: 200, nl: /toegankelijkheid/i, en: /accessibility/i },
  { path: '/inloggen', status: 200, nl: /^Inloggen$/, en: /^Log in$/ },
  { path: '/registreren', status: 200, nl: /^Account maken$/, en: /^Create an account$/ },
  { path: '/wachtwoord-vergeten', status: 200, nl: /^Wachtwoord vergeten$/, en: /^Forgot your password$/ },
  { path: '/mentoraat', status: 200, nl: /^Mentoraat$/, en: /^Mentoring$/ },
  { path: '/cijfers', status: 200, nl: /^Cijfers van heel Nederland$/, en: /^Figures for the whole Netherlands$/ },
  { path: '/dev/mailbox', status: 200, nl: /^Testmailbox$/, en: /^Test mailbox$/ },
  { path: '/bestaat-niet', status: 404, nl: /^Deze pagina bestaat niet$/, en: /^This page does not exist$/ },
];

const languageButton = (page: Page) =>
  page.getByRole('banner').getByRole('button', { name: /^(Switch to English|Schakel naar Nederlands)$/ });

test.describe('public pages in Dutch', () => {
  for (const p of publicPages) {
    test(`${p.path} renders and passes axe`, async ({ page, checkA11y }) => {
      const response = await page.goto(p.path);
      expect(response?.status()).toBe(p.status);
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.nl);
      await expect(languageButton(page)).toHaveText('English');
      if (p.status === 404) await expect(page.getByRole('link', { name: 'Naar de homepage' })).toBeVisible();
      await checkA11y(page);
    });
  }
});

test.describe('public pages after switching to English', () => {
  for (const p of publicPages) {
    test(`${p.path} renders in English and passes axe`, async ({ page, checkA11y }) => {
      await page.goto(p.path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      await languageButton(page).click();
      // The switch sends you back to the page you were on.
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page).toHaveURL(p.path);
      await expect(languageButton(page)).toHaveText('Nederlands');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.en);
      // And a fresh load of the page answers in English with the right status (the cookie holds).
      const response = await page.reload();
      expect(response?.status()).toBe(p.status);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.en);
      if (p.status === 404) await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
      await checkA11y(page);
    });
  }

  test('switching back to Dutch', async ({ page }) => {
    await page.goto('/inloggen');
    await languageButton(page).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await languageButton(page).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(languageButton(page)).toHaveText('English');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
  });
});

/** Expects the field to be marked invalid and to point (once) at its visible error message. */
async function expectFieldError(page: Page, label: RegExp, message: string) {
  const input = page.getByLabel(label);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(page.locator('.utrecht-form-field-error-message').getByText(message, { exact: true })).toBeVisible();
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  expect(new Set(ids).size, `aria-describedby="${ids.join(' ')}" names an element twice`).toBe(ids.length);
  for (const id of ids) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
}

async function expectFieldValid(page: Page, label: RegExp) {
  await expect(page.getByLabel(label)).not.toHaveAttribute('aria-invalid', 'true');
}

test.describe('registration form errors', () => {
  test('with JavaScript: the browser refuses first, with field errors, values kept and nothing sent', async ({ page, checkA11y }) => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.goto('/registreren');
    const submit = page.getByRole('main').getByRole('button', { name: 'Account maken' });

    await submit.click();
    await expectFieldError(page, /^Naam/, 'Vul je naam in.');
    await expectFieldError(page, /^E-mailadres/, 'Vul je e-mailadres in.');
    await expectFieldError(page, /^Wachtwoord/, 'Vul je wachtwoord in.');
    await checkA11y(page);

    const email = uniqueEmail('short');
    await page.getByLabel(/^Naam/).fill('Korte Wachtwoord');
    await page.getByLabel(/^E-mailadres/).fill(email);
    await page.getByLabel(/^Wachtwoord/).fill('kort#7');
    await submit.click();
    await expectFieldError(page, /^Wachtwoord/, 'Kies een wachtwoord van minstens 12 tekens.');
    await expectFieldValid(page, /^Naam/);
    await expectFieldValid(page, /^E-mailadres/);
    await expect(page.getByLabel(/^Naam/)).toHaveValue('Korte Wachtwoord');
    await expect(page.getByLabel(/^E-mailadres/)).toHaveValue(email);
    // The browser's check refused both: the password never left the page (the server's own refusal,
    // which empties the field and never sends the password back, is the test below without JavaScript).
    expect(posts, 'no request for a refused submit').toEqual([]);
    await checkA11y(page);
  });

  test('without JavaScript: the same errors from the server', async ({ browser }) => {
    // No axe here: it hangs with JavaScript disabled. The same states are scanned in the test above.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto('/registreren');
      await expect(page.locator('form#register')).toHaveAttribute('novalidate', '');
      const submit = page.getByRole('main').getByRole('button', { name: 'Account maken' });

      const [empty] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), submit.click()]);
      expect(empty.status()).toBe(400);
      await expect(page).toHaveURL(/\/registreren/);
      await expectFieldError(page, /^Naam/, 'Vul je naam in.');
      await expectFieldError(page, /^E-mailadres/, 'Vul je e-mailadres in.');
      await expectFieldError(page, /^Wachtwoord/, 'Vul je wachtwoord in.');

      const email = uniqueEmail('nojs');
      await page.getByLabel(/^Naam/).fill('Zonder Script');
      await page.getByLabel(/^E-mailadres/).fill(email);
      await page.getByLabel(/^Wachtwoord/).fill('kort');
      const [short] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), submit.click()]);
      expect(short.status()).toBe(400);
      await expectFieldError(page, /^Wachtwoord/, 'Kies een wachtwoord van minstens 12 tekens.');
      await expectFieldValid(page, /^Naam/);
      await expectFieldValid(page, /^E-mailadres/);
      await expect(page.getByLabel(/^Naam/)).toHaveValue('Zonder Script');
      await expect(page.getByLabel(/^E-mailadres/)).toHaveValue(email);
      await expect(page.getByLabel(/^Wachtwoord/)).toHaveValue('');
    } finally {
      await context.close();
    }
  });
});

test.describe('logged-in pages', () => {
  test('the coordinator sees account and beheer, and gets 404 on admin', async ({ page, checkA11y }) => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' })).toBeVisible();
    await page.goto('/account');
    await expect(page.getByText(`Welkom, ${demo.coordinator.name}.`)).toBeVisible();
    await expect(page.getByText('Coördinator van Nederlandse Vereniging voor Raadsleden')).toBeVisible();
    await checkA11y(page);

    const beheer = await page.goto('/beheer');
    expect(beheer?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Kennispunt Lokale Politieke Partijen' })).toBeVisible();
    await checkA11y(page);

    // No admin item in the menu, and the page itself refuses.
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Admin' })).toHaveCount(0);
    const admin = await page.goto('/admin');
    expect(admin?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' })).toBeVisible();
    await checkA11y(page);
  });

  test('the candidate sees their course sign-up on the account page, and the cancel question', async ({ page, checkA11y }) => {
    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await expect(page).toHaveURL('/account');
    // A candidate's menu has no "Beheer": it would only tell them they coordinate nothing.
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' })).toHaveCount(0);
    const table = page.getByRole('table', { name: 'Cursussen waarvoor je je hebt aangemeld' });
    // The demo sign-up; other browser tests may have signed the demo candidate up for more courses.
    await expect(table.getByRole('cell', { name: 'Aangemeld' }).first()).toBeVisible();
    await checkA11y(page);
    await table
      .getByRole('link', { name: /^Afmelden voor / })
      .first()
      .click();
    await expect(page.getByText(/Weet je zeker dat je je wilt afmelden/)).toBeVisible();
    await checkA11y(page);
    // Keep the seat: the demo data stays as it is for the other tests.
    await page.getByRole('link', { name: 'Nee, ik blijf aangemeld' }).click();
    await expect(page.getByText(/Weet je zeker/)).toHaveCount(0);
  });

  test('the admin sees the admin page', async ({ page, checkA11y }) => {
    await logInWithPassword(page, demo.admin.email, demo.admin.password);
    await expect(page).toHaveURL('/admin');
    await page.goto('/account');
    await expect(page.getByText('Beheerder van het platform')).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Admin' }).click();
    await expect(page).toHaveURL('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin: organisaties' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Organisaties' })).toContainText('Wethoudersvereniging');
    await checkA11y(page);
    const reload = await page.reload();
    expect(reload?.status()).toBe(200);
  });

  test('pages for members send anonymous visitors to the login page', async ({ page }) => {
    for (const path of ['/account', '/beheer', '/admin']) {
      await page.goto(path);
      await expect(page).toHaveURL(`/inloggen?redirectTo=${encodeURIComponent(path)}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
    }
  });
});
