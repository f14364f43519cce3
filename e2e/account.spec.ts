import { expect, logInWithPassword, test, uniqueEmail } from './fixtures';

const GENERIC_LOGIN_ERROR = 'Dit e-mailadres en wachtwoord horen niet bij elkaar.';

test('account journey: register, verify, log in with a link, reset the password', async ({ page, checkA11y, openEmail }) => {
  const name = 'Eva Endtoend';
  const email = uniqueEmail();
  const firstPassword = 'een lange zin als wachtwoord';
  const newPassword = 'een nieuwe lange zin 2026';

  await test.step('register', async () => {
    await page.goto('/registreren');
    await expect(page.getByRole('heading', { level: 1, name: 'Account maken' })).toBeVisible();
    await checkA11y(page);
    await page.getByLabel(/^Naam/).fill(name);
    await page.getByLabel(/^E-mailadres/).fill(email);
    await page.getByLabel(/^Wachtwoord/).fill(firstPassword);
    await page.getByRole('main').getByRole('button', { name: 'Account maken' }).click();
    await expect(page).toHaveURL('/registreren/verstuurd');
    await expect(page.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' })).toBeVisible();
    await checkA11y(page);
  });

  let verifyLink = '';
  await test.step('confirm the email address from the verification email', async () => {
    const mail = await openEmail(page, { to: email, subjectIncludes: 'Bevestig je e-mailadres', link: /\/verifieren\//, a11y: true });
    verifyLink = mail.link;
    await page.goto(verifyLink);
    await expect(page.getByRole('heading', { level: 1, name: 'E-mailadres bevestigen' })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await expect(page).toHaveURL(/\/account\?notice=account\.verified#notice$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
    await expect(page.getByText(`Welkom, ${name}.`)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Je e-mailadres is bevestigd.' })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('log out', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/inloggen\?notice=login\.loggedOut#notice$/);
    await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
    await checkA11y(page);
  });

  let loginLink = '';
  await test.step('log in with a link by email', async () => {
    const section = page.getByRole('region', { name: 'Met een link in je e-mail' });
    await section.getByLabel(/^E-mailadres/).fill(email);
    await section.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    // The answer is the one notice at the top of the page, the same for every address (no enumeration).
    await expect(page).toHaveURL(/notice=login\.linkSent#notice$/);
    await expect(page.getByRole('status').filter({ hasText: 'hebben we een inloglink gestuurd' })).toBeVisible();
    await checkA11y(page);

    const mail = await openEmail(page, { to: email, subjectIncludes: 'inloglink', link: /\/inloggen\/link\// });
    loginLink = mail.link;
    await page.goto(loginLink);
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen met je link' })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL('/account');
    await expect(page.getByText(`Welkom, ${name}.`)).toBeVisible();
  });

  await test.step('a used link says so', async () => {
    const response = await page.goto(loginLink);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1, name: 'Deze link is al gebruikt' })).toBeVisible();
    await checkA11y(page);
    const again = await page.goto(verifyLink);
    expect(again?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1, name: 'Deze link is al gebruikt' })).toBeVisible();
  });

  await test.step('log out and ask for a password reset', async () => {
    await page.goto('/account');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/inloggen\?notice=login\.loggedOut#notice$/);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await expect(page).toHaveURL('/wachtwoord-vergeten');
    await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
    await checkA11y(page);
    await page.getByLabel(/^E-mailadres/).fill(email);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await expect(page.getByRole('status')).toContainText('hebben we een link gestuurd');
    await checkA11y(page);
  });

  await test.step('choose a new password from the reset email', async () => {
    const mail = await openEmail(page, { to: email, subjectIncludes: 'Kies een nieuw wachtwoord', link: /\/wachtwoord-herstellen\// });
    await page.goto(mail.link);
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
    await checkA11y(page);
    await page.getByLabel(/^Nieuw wachtwoord/).fill(newPassword);
    await page.getByLabel(/^Herhaal je nieuwe wachtwoord/).fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page).toHaveURL(/\/inloggen\?notice=login\.passwordReset#notice$/);
    await expect(page.getByText('Je wachtwoord is veranderd. Log in met je nieuwe wachtwoord.')).toBeVisible();
    await checkA11y(page);
  });

  await test.step('the old password no longer works, with the generic message', async () => {
    await logInWithPassword(page, email, firstPassword);
    await expect(page.locator('.pa-error-summary')).toContainText(GENERIC_LOGIN_ERROR);
    await expect(page).toHaveURL(/\/inloggen/);
    await checkA11y(page);
  });

  await test.step('the new password works', async () => {
    await logInWithPassword(page, email, newPassword);
    await expect(page).toHaveURL('/account');
    await expect(page.getByText(`Welkom, ${name}.`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  });
});

test('a wrong password for an unknown address gives the same generic message', async ({ page, checkA11y }) => {
  await logInWithPassword(page, uniqueEmail('nobody'), 'niet-het-goede-wachtwoord');
  await expect(page.locator('.pa-error-summary')).toContainText(GENERIC_LOGIN_ERROR);
  await checkA11y(page);
});

test('a forged login link says the link does not work, with status 404', async ({ page, checkA11y }) => {
  const response = await page.goto('/inloggen/link/abcdefghijklmnopqrstuvwxyzabcdef');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Vraag een nieuwe inloglink aan' })).toHaveAttribute('href', '/inloggen');
  await checkA11y(page);
});
