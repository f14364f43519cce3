import { demo, expect, logInWithPassword, test, uniqueEmail, expectFieldError } from './fixtures';

// Journey 3 (apply for a mentor): from the course follow-up link to /mentoraat, through the
// application form (with a refused first try), the confirmation email and /account/mentoraat, to the
// coordinator's view of the application; then the person withdraws the consent and the application.
// The network is the seed's "Demonetwerk Mentoraat" (national, open, with intake questions).

const NETWORK = 'Demonetwerk Mentoraat';
const SOURCE = 'bron=cursus-opvolging&utm_source=politiekactief&utm_medium=email&utm_campaign=cursus-opvolging&utm_content=attended';

test('a person applies for a mentor, the coordinator reads it, the person withdraws', async ({ page, browser, checkA11y, openEmail }) => {
  // A long journey (two accounts, three emails); the shared machines can be slow.
  test.setTimeout(600_000);
  const name = 'Mila Mentee';
  const email = uniqueEmail('aanvraag');
  const password = 'een lange zin voor mijn mentor';

  await test.step('an anonymous visitor sees the networks and is asked to log in to apply', async () => {
    await page.goto(`/mentoraat?${SOURCE}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Mentoraat' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: NETWORK })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('link', { name: `Mentor aanvragen bij ${NETWORK}` }).click();
    await expect(page).toHaveURL(/\/mentoraat\/aanvragen\/[0-9a-f-]+\?bron=cursus-opvolging/);
    await expect(page.getByText('Log in om een mentor aan te vragen')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Inloggen en aanvragen' })).toHaveAttribute(
      'href',
      /^\/inloggen\?redirectTo=%2Fmentoraat%2Faanvragen%2F/,
    );
    await checkA11y(page);
  });

  await test.step('register and confirm the address', async () => {
    await page.goto('/registreren');
    await page.getByLabel(/^Naam/).fill(name);
    await page.getByLabel(/^E-mailadres/).fill(email);
    await page.getByLabel(/^Wachtwoord/).fill(password);
    await page.getByRole('main').getByRole('button', { name: 'Account maken' }).click();
    await expect(page).toHaveURL('/registreren/verstuurd');
    const mail = await openEmail(page, { to: email, subjectIncludes: 'Bevestig je e-mailadres', link: /\/verifieren\// });
    await page.goto(mail.link);
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await expect(page).toHaveURL(/\/account\?notice=account\.verified#notice$/);
  });

  let formUrl = '';
  await test.step('choose a municipality on /mentoraat; the source stays in the links', async () => {
    await page.goto(`/mentoraat?${SOURCE}`);
    await page.getByLabel('Je gemeente').selectOption({ label: 'Zwolle' });
    await page.getByRole('button', { name: 'Toon netwerken' }).click();
    await expect(page).toHaveURL(/gemeente=GM0193/);
    await expect(page).toHaveURL(/bron=cursus-opvolging/);
    await expect(page.getByText('Je gemeente: Zwolle.')).toBeVisible();
    await checkA11y(page);
    await page.getByRole('link', { name: `Mentor aanvragen bij ${NETWORK}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Een mentor aanvragen' })).toBeVisible();
    formUrl = page.url();
    expect(formUrl).toContain('utm_campaign=cursus-opvolging');
    await checkA11y(page);
  });

  await test.step('a form with problems comes back with messages at the fields and the input kept', async () => {
    await expect(page.getByLabel('Je gemeente')).toHaveValue('GM0193');
    await page.getByLabel('Bij welke partij ben je lid of actief?').fill('Lokaal Zwolle');
    await page.getByLabel('Ik heb een beperking of chronische ziekte').check();
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expectFieldError(page, 'Je koos dat je een beperking hebt. Geef ook je toestemming');
    await expectFieldError(page, 'Kies minstens één onderwerp.');
    await expectFieldError(page, 'Beantwoord deze vraag.');
    await expect(page.getByLabel(/^Ik geef toestemming/)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Bij welke partij ben je lid of actief?')).toHaveValue('Lokaal Zwolle');
    await expect(page.getByLabel('Ik heb een beperking of chronische ziekte')).toBeChecked();
    await checkA11y(page);
  });

  await test.step('the corrected form is sent', async () => {
    await page.getByLabel('zorg', { exact: true }).check();
    await page.getByLabel('wonen', { exact: true }).check();
    await page.getByLabel('Raadslid worden').check();
    await page.getByRole('group', { name: 'Dinsdag', exact: true }).getByLabel('Dinsdag avond').check();
    await page.getByLabel('Een vrouw', { exact: true }).check();
    await page.getByLabel(/^Waarom wil je een mentor\?/).fill('Ik wil weten hoe je raadslid wordt.');
    await page.getByLabel('een vrouw', { exact: true }).check();
    await page.getByLabel(/^Ik geef toestemming/).check();
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect(page).toHaveURL(/\/account\/mentoraat\?notice=application\.sent#notice$/);
    await expect(page.getByRole('status').filter({ hasText: 'Je aanvraag is verstuurd.' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(NETWORK) });
    await expect(row).toContainText('We zoeken een mentor');
    await expect(row).toContainText('Je hebt met toestemming gedeeld dat je een beperking hebt.');
    await checkA11y(page);
  });

  await test.step('the confirmation email arrives and leads to the applications page', async () => {
    const mail = await openEmail(page, { to: email, subjectIncludes: 'We hebben je aanvraag voor een mentor ontvangen' });
    expect(mail.link).toMatch(/\/account\/mentoraat$/);
  });

  await test.step('the form now says there already is an application', async () => {
    await page.goto(formUrl);
    await expect(page.getByText('Je hebt al een aanvraag bij dit netwerk')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Aanvraag versturen' })).toHaveCount(0);
    await checkA11y(page);
  });

  await test.step('the coordinator sees the application, with its source and the consented self-identification', async () => {
    const networkId = new URL(formUrl).pathname.split('/').at(-1)!;
    const context = await browser.newContext();
    const coordinator = await context.newPage();
    try {
      await logInWithPassword(coordinator, demo.coordinator.email, demo.coordinator.password);
      await expect(coordinator).toHaveURL('/beheer');
      await coordinator.goto(`/beheer/netwerken/${networkId}/aanvragen`);
      await expect(coordinator.getByRole('heading', { level: 1, name: NETWORK })).toBeVisible();
      await expect(coordinator.getByRole('heading', { level: 2, name: 'Aanvragen' })).toBeVisible();
      const row = coordinator.getByRole('row', { name: new RegExp(name) });
      await expect(row).toContainText('Zwolle');
      await expect(row).toContainText('E-mail na een cursus');
      await expect(coordinator.getByText(/beperking/)).toHaveCount(0);
      await checkA11y(coordinator);
      await row.getByRole('link', { name }).click();
      await expect(coordinator.getByRole('heading', { level: 2, name: `Aanvraag van ${name}` })).toBeVisible();
      await expect(coordinator.getByText('Vrouwen, heeft een beperking (gedeeld met toestemming)')).toBeVisible();
      await expect(coordinator.getByText('mentor: Een vrouw')).toBeVisible();
      await expect(coordinator.getByText('campaign=cursus-opvolging, content=attended, medium=email, source=politiekactief')).toBeVisible();
      await checkA11y(coordinator);
    } finally {
      await context.close();
    }
  });

  await test.step('the person withdraws the consent: the disability is erased', async () => {
    await page.goto('/account');
    await page.getByRole('link', { name: 'Mijn aanvragen voor een mentor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanvragen voor een mentor' })).toBeVisible();
    await page.getByRole('link', { name: `Toestemming intrekken: ${NETWORK}` }).click();
    await expect(page.getByText('Wil je je toestemming intrekken?')).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Ja, trek mijn toestemming in en wis het' }).click();
    await expect(page.getByText('We hebben het gegeven over je beperking gewist.')).toBeVisible();
    await expect(page.getByText('Je hebt met toestemming gedeeld dat je een beperking hebt.')).toHaveCount(0);
    await checkA11y(page);
  });

  await test.step('the person withdraws the application', async () => {
    await page.getByRole('link', { name: `Aanvraag intrekken: ${NETWORK}` }).click();
    await page.getByRole('button', { name: 'Ja, trek mijn aanvraag in' }).click();
    await expect(page.getByText('Je aanvraag is ingetrokken.')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(NETWORK) })).toContainText('Ingetrokken');
    await checkA11y(page);
  });
});

test('an unknown network answers 404 with the way back to the networks', async ({ page, checkA11y }) => {
  const response = await page.goto('/mentoraat/aanvragen/00000000-0000-4000-8000-000000000000');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Terug naar de netwerken' })).toBeVisible();
  await checkA11y(page);
});
