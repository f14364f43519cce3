import { demo, expect, logInWithPassword, test, uniqueEmail, expectFieldError } from './fixtures';

// Issue 4, networks and mentors: a coordinator creates a network and invites a mentor; the mentor
// opens the link from the email, creates an account with it and fills in the one mentor profile.

test('coordinator creates a network and invites a mentor, who creates an account and completes the profile', async ({
  page,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(600_000);
  const networkName = `Vrouwen in de raad Proef ${Date.now().toString(36)}`;
  const mentor = { name: 'Marloes Mentor', email: uniqueEmail('mentor') };
  let networkUrl = '';

  await test.step('the coordinator opens the networks', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Netwerken' }).click();
    await expect(page).toHaveURL('/beheer/netwerken');
    await expect(page.getByRole('heading', { level: 1, name: 'Netwerken' })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('create a network (bad input first)', async () => {
    await page.getByRole('link', { name: 'Nieuw netwerk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw netwerk' })).toBeVisible();
    await page.getByRole('radio', { name: 'Provincies' }).check();
    await page.getByRole('button', { name: 'Netwerk maken' }).click();
    await expectFieldError(page, 'Vul een naam in.');
    await expectFieldError(page, 'Kies minstens één provincie, of kies een ander gebied.');
    await expect(page.getByRole('textbox', { name: /^Naam/ })).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page);

    await page.getByLabel(/^Organisatie/).selectOption({ label: 'Nederlandse Vereniging voor Raadsleden' });
    await page.getByRole('textbox', { name: /^Naam/ }).fill(networkName);
    await page.getByRole('textbox', { name: /^Beschrijving/ }).fill('Ervaren vrouwen helpen nieuwe vrouwen op weg in de raad.');
    await page.getByRole('radio', { name: 'Vrouwen' }).check();
    // The kind of region was kept from the refused submission.
    await expect(page.getByRole('radio', { name: 'Provincies' })).toBeChecked();
    await page.getByRole('checkbox', { name: 'Overijssel', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Gelderland', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Aanvragen zijn open' }).check();
    await page.getByRole('spinbutton', { name: /^Zelfde gemeente/ }).fill('40');
    await page.getByRole('button', { name: 'Netwerk maken' }).click();
    await expect(page.getByRole('status')).toContainText('Het netwerk is gemaakt.');
    await expect(page.getByRole('heading', { level: 1, name: networkName })).toBeVisible();
    await expect(page.locator('.pa-details')).toContainText('Gelderland, Overijssel');
    networkUrl = new URL(page.url()).pathname;
    await checkA11y(page);
  });

  await test.step('add an intake question on the edit page', async () => {
    await page.getByRole('navigation', { name: 'Pagina’s van dit netwerk' }).getByRole('link', { name: 'Bewerken' }).click();
    await expect(page).toHaveURL(`${networkUrl}/bewerken`);
    await checkA11y(page);
    const add = page.locator('form', { has: page.getByRole('button', { name: 'Vraag toevoegen' }) });
    await add.getByRole('textbox', { name: /^Vraag/ }).fill('Heb je al ervaring in een vereniging?');
    await add.getByRole('radio', { name: 'Ja of nee' }).check();
    await add.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await expect(page.getByRole('status')).toContainText('De vraag is opgeslagen.');
    await expect(page.locator('.pa-item__title')).toHaveText(['Heb je al ervaring in een vereniging?']);
  });

  await test.step('invite the mentor', async () => {
    await page.goto(`${networkUrl}/mentoren`);
    await checkA11y(page);
    await page.getByRole('textbox', { name: /^Naam/ }).fill(mentor.name);
    await page.getByRole('textbox', { name: /^E-mailadres/ }).fill(mentor.email);
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd.');
    const row = page.getByRole('row', { name: new RegExp(mentor.name) });
    await expect(row).toContainText(mentor.email);
    await expect(row).toContainText('Werkt tot');
  });

  await test.step('the open invitations: send one again, withdraw another after the confirmation step', async () => {
    // Sent again: a fresh link (the mentor below opens the newest email).
    await page.getByRole('button', { name: `Opnieuw versturen ${mentor.email}` }).click();
    await expect(page.getByRole('status')).toContainText('De uitnodiging is opnieuw verstuurd');
    const other = { name: 'Wim Weg', email: uniqueEmail('weg') };
    await page.getByRole('textbox', { name: /^Naam/ }).fill(other.name);
    await page.getByRole('textbox', { name: /^E-mailadres/ }).fill(other.email);
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd.');
    await expect(page.getByRole('table', { name: 'Open uitnodigingen' }).getByRole('row')).toHaveCount(3);
    await page.getByRole('link', { name: `Intrekken ${other.email}` }).click();
    const heading = page.getByRole('heading', { name: `Uitnodiging voor ${other.name} intrekken?` });
    await expect(heading).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Ja, uitnodiging intrekken' }).click();
    await expect(page.getByRole('status')).toContainText('De uitnodiging is ingetrokken.');
    await expect(page.getByRole('row', { name: new RegExp(other.name) })).toHaveCount(0);
    await expect(page.getByRole('row', { name: new RegExp(mentor.name) })).toBeVisible();
    await checkA11y(page);
  });

  const context = await browser.newContext();
  const mentorPage = await context.newPage();
  await test.step('the mentor opens the link and creates an account', async () => {
    const email = await openEmail(mentorPage, {
      to: mentor.email,
      subjectIncludes: 'word mentor in',
      link: /\/mentor\/uitnodiging\//,
      a11y: true,
    });
    await mentorPage.goto(email.link);
    await expect(mentorPage.getByRole('heading', { level: 1, name: 'Uitnodiging als mentor' })).toBeVisible();
    await expect(mentorPage.getByText(`nodigt je uit om mentor te worden in het netwerk ${networkName}`)).toBeVisible();
    await checkA11y(mentorPage);
    await expect(mentorPage.getByRole('textbox', { name: /^Je naam/ })).toHaveValue(mentor.name);
    await mentorPage.getByLabel(/^Wachtwoord/).fill('kort');
    await mentorPage.getByRole('button', { name: 'Account maken en uitnodiging accepteren' }).click();
    await expectFieldError(mentorPage, 'Kies een wachtwoord van minstens 12 tekens.');
    await checkA11y(mentorPage);
    await mentorPage.getByLabel(/^Wachtwoord/).fill('een-lang-mentorwachtwoord');
    await mentorPage.getByRole('button', { name: 'Account maken en uitnodiging accepteren' }).click();
    await expect(mentorPage).toHaveURL('/mentor/profiel?notice=mentorProfile.welcome#notice');
    await expect(mentorPage.getByRole('heading', { level: 1, name: 'Mijn mentorprofiel' })).toBeVisible();
    await expect(
      mentorPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mentor', exact: true }),
    ).toBeVisible();
    // Used: the link no longer works.
    await mentorPage.goto(email.link);
    await expect(mentorPage.getByRole('heading', { level: 1, name: 'Deze uitnodiging is al gebruikt' })).toBeVisible();
  });

  await test.step('the mentor completes the profile', async () => {
    await mentorPage.goto('/mentor/profiel');
    await expect(mentorPage.getByText(networkName)).toBeVisible();
    await expect(mentorPage.getByText('Je profiel is nog niet ingevuld.')).toBeVisible();
    await checkA11y(mentorPage);
    await mentorPage.getByLabel(/^Functie/).selectOption({ label: 'Wethouder' });
    await mentorPage.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await mentorPage.getByRole('spinbutton', { name: /^Capaciteit/ }).fill('12');
    await mentorPage.getByRole('button', { name: 'Profiel opslaan' }).click();
    await expectFieldError(mentorPage, 'Vul een heel getal in van 0 tot en met 10.');
    await expectFieldError(mentorPage, 'Kies minstens één thema.');
    await expect(mentorPage.getByLabel(/^Gemeente/)).toHaveValue('GM0193');
    await checkA11y(mentorPage);
    await mentorPage.getByRole('spinbutton', { name: /^Capaciteit/ }).fill('2');
    await mentorPage.getByRole('checkbox', { name: 'zorg', exact: true }).check();
    await mentorPage.getByRole('checkbox', { name: 'onderwijs', exact: true }).check();
    await mentorPage.getByRole('group', { name: 'Dinsdag' }).getByRole('checkbox', { name: 'Avond' }).check();
    await mentorPage.getByRole('textbox', { name: /^Over jou/ }).fill('Wethouder in Zwolle, daarvoor acht jaar raadslid.');
    await mentorPage.getByRole('button', { name: 'Profiel opslaan' }).click();
    await expect(mentorPage.getByRole('status')).toContainText('Je profiel is opgeslagen.');
    await expect(mentorPage.getByText('In gebruik: 0 van je capaciteit van 2, in alle netwerken samen.')).toBeVisible();
    await expect(mentorPage.getByRole('group', { name: 'Dinsdag' }).getByRole('checkbox', { name: 'Avond' })).toBeChecked();
    await checkA11y(mentorPage);
  });
  await context.close();

  await test.step('the coordinator sees the mentor in the network', async () => {
    await page.goto(`${networkUrl}/mentoren`);
    const row = page.getByRole('row', { name: new RegExp(mentor.name) });
    await expect(row).toContainText('Wethouder');
    await expect(row).toContainText('0 van 2');
    await expect(row).toContainText('Beschikbaar');
    await expect(page.getByText('Er staan geen uitnodigingen open.')).toBeVisible();
  });
});
