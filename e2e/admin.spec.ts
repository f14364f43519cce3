import { demo, expect, logInWithPassword, test, uniqueEmail, expectFieldError } from './fixtures';

// An administrator creates an organisation and appoints a coordinator by email; the invitation is
// accepted from the mailbox with a new account; the new coordinator sees their (empty) /beheer and
// makes an academy.

test('an administrator creates an organisation and invites a coordinator, who accepts', async ({ page, checkA11y, openEmail }) => {
  test.setTimeout(480_000); // one long journey; the shared machines are slow at times
  const name = `Vereniging Proef ${Date.now().toString(36)}`;
  const coordinator = { name: 'Cato Coördinator', email: uniqueEmail('admin-cato'), password: 'een heel lang wachtwoord' };
  let organisationUrl = '';

  await test.step('the admin opens /admin and makes an organisation (bad input first)', async () => {
    await logInWithPassword(page, demo.admin.email, demo.admin.password);
    await expect(page).toHaveURL('/admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Admin' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Admin: organisaties' })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe organisatie' })).toBeVisible();
    await checkA11y(page);

    await page.getByLabel(/^E-mailadres voor contact/).fill('geen adres');
    await page.getByRole('button', { name: 'Organisatie maken' }).click();
    await expectFieldError(page, 'Vul de naam van de organisatie in.');
    await expect(page.getByLabel(/^Naam/)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(/^E-mailadres voor contact/)).toHaveValue('geen adres');
    await checkA11y(page);

    await page.getByLabel(/^Naam/).fill(name);
    await page.getByLabel(/^Soort organisatie/).selectOption({ label: 'Academie' });
    await page.getByLabel(/^E-mailadres voor contact/).fill('info@proef.example');
    await page.getByRole('button', { name: 'Organisatie maken' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('De organisatie is gemaakt.')).toBeVisible();
    await expect(page.getByText('Deze organisatie heeft nog geen coördinator.')).toBeVisible();
    organisationUrl = new URL(page.url()).pathname;
    await checkA11y(page);
  });

  await test.step('the admin appoints a coordinator by an address without an account', async () => {
    const form = page.getByRole('region', { name: 'Coördinator aanwijzen' });
    await form.getByLabel(/^E-mailadres/).fill(coordinator.email);
    await form.getByRole('button', { name: 'Aanwijzen' }).click();
    await expect(page.getByText('We hebben een uitnodiging gestuurd.')).toBeVisible();
    await expect(page.getByText(`${coordinator.email}: uitgenodigd`)).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    // Wait for the logout to land before the next navigation: a navigation started while the
    // logout is in flight can overtake it (see the last step).
    await expect(page).toHaveURL(/\/inloggen\?notice=login\.loggedOut#notice$/);
  });

  await test.step('the invitation is accepted from the mailbox with a new account', async () => {
    const email = await openEmail(page, {
      to: coordinator.email,
      subjectIncludes: 'Uitnodiging: coördinator van',
      link: /\/beheer\/uitnodiging\//,
      a11y: true,
    });
    await page.goto(email.link);
    await expect(page.getByRole('heading', { level: 1, name: 'Uitnodiging als coördinator' })).toBeVisible();
    await expect(page.getByText(`Je bent uitgenodigd als coördinator van ${name}.`)).toBeVisible();
    await checkA11y(page);
    await page.getByLabel(/^Naam/).fill(coordinator.name);
    await page.getByLabel(/^Wachtwoord/).fill(coordinator.password);
    await page.getByRole('button', { name: 'Account maken en uitnodiging aannemen' }).click();
    await expect(page).toHaveURL(/\/beheer\?organisatie=[0-9a-f-]+&notice=coordinator\.welcome#notice$/);
    await expect(page.getByText(`Welkom! Je bent nu coördinator van ${name}.`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await expect(page.getByText('Op dit moment heeft niets extra aandacht nodig.')).toBeVisible();
    await checkA11y(page);

    // The link works once.
    const again = await page.goto(email.link);
    expect(again?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1, name: 'Deze uitnodiging is al gebruikt' })).toBeVisible();
  });

  await test.step('the new coordinator makes an academy', async () => {
    await page.goto('/beheer');
    await page.getByRole('link', { name: 'Academies' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Academies' })).toBeVisible();
    await expect(page.getByText('Nog geen academies.')).toBeVisible();
    await checkA11y(page);
    await page.getByRole('link', { name: 'Nieuwe academie' }).click();
    await expect(page.getByText('Deze organisatie heeft nog geen cursussen.')).toBeVisible();
    await page.getByLabel(/^Naam/).fill('Raadsledenacademie 2027');
    await page.getByLabel(/^Van/).fill('2027-01-01');
    await page.getByLabel(/^Tot en met/).fill('2026-01-01');
    await page.getByRole('button', { name: 'Academie maken' }).click();
    await expectFieldError(page, 'Het einde van de periode moet na het begin liggen.');
    await checkA11y(page);
    await page.getByLabel(/^Tot en met/).fill('2027-12-31');
    await page.getByRole('button', { name: 'Academie maken' }).click();
    await expect(page.getByText('De academie is opgeslagen.')).toBeVisible();
    await expect(page.getByRole('table', { name: /^Academies van / })).toContainText('2027-01-01 – 2027-12-31');
    await checkA11y(page);
  });

  await test.step('the admin sees the coordinator, and removing asks first', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    // Without this wait, logInWithPassword's goto('/inloggen') raced the logout still in flight: the
    // coordinator was still logged in, so /inloggen sent them to /account; by then the logout had
    // ended the session, so /account sent them to /inloggen?redirectTo=/account, and the admin who
    // then logged in there was sent on to /account instead of /admin.
    await expect(page).toHaveURL(/\/inloggen\?notice=login\.loggedOut#notice$/);
    await logInWithPassword(page, demo.admin.email, demo.admin.password);
    await expect(page).toHaveURL('/admin');
    await page.goto(organisationUrl);
    const table = page.getByRole('table', { name: `Coördinatoren van ${name}` });
    await expect(table).toContainText(coordinator.name);
    await table.getByRole('link', { name: `Verwijderen ${coordinator.name}` }).click();
    await expect(page.getByText(`Weet je zeker dat je ${coordinator.name} wilt verwijderen`)).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect(page.getByText('De coördinator is verwijderd.')).toBeVisible();
    await expect(page.getByText('Deze organisatie heeft nog geen coördinator.')).toBeVisible();
  });
});
