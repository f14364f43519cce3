import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { demo, expect, logInWithPassword, test, uniqueEmail } from './fixtures';

// Privacy journeys: a person downloads their data and deletes their account; someone unsubscribes
// from a course follow-up with the link in the email, without logging in.

const GENERIC_LOGIN_ERROR = 'Dit e-mailadres en wachtwoord horen niet bij elkaar.';

function dateIn(days: number) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000));
}

async function registerAndVerify(
  page: Page,
  openEmail: Parameters<Parameters<typeof test>[2]>[0]['openEmail'],
  name: string,
  email: string,
  password: string,
) {
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
}

test('a person downloads all their data, then deletes their account', async ({ page, checkA11y, openEmail }) => {
  test.setTimeout(180_000);
  const name = 'Pieter Privacy';
  const email = uniqueEmail('privacy');
  const password = 'een lange zin als wachtwoord';
  await registerAndVerify(page, openEmail, name, email, password);

  await test.step('email settings: switch news on', async () => {
    await page.getByRole('link', { name: 'E-mail instellingen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'E-mail instellingen' })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('checkbox', { name: 'Nieuws over Politiek Actief' }).check();
    await page.getByRole('checkbox', { name: 'Herinneringen voor een cursus' }).uncheck();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('Je keuzes zijn opgeslagen.');
    await expect(page.getByRole('checkbox', { name: 'Nieuws over Politiek Actief' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Herinneringen voor een cursus' })).not.toBeChecked();
    await checkA11y(page);
  });

  await test.step('the privacy page lists the news consent; download the data', async () => {
    await page.goto('/account');
    await page.getByRole('link', { name: 'Privacy en je gegevens' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy en je gegevens' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Toestemmingen, nieuwste eerst' })).toContainText('Nieuws per e-mail');
    await expect(page.getByText('Niemand anders heeft je gevoelige gegevens bekeken.')).toBeVisible();
    await checkA11y(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download mijn gegevens' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^politiek-actief-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      account: { email: string; name: string; hasPassword: boolean };
      consents: { purpose: string }[];
      emails: { template: string }[];
      emailPreferences: { news: boolean; reminders: boolean };
    };
    expect(data.account).toMatchObject({ email, name, hasPassword: true });
    expect(data.consents.map((c) => c.purpose)).toContain('marketing');
    expect(data.emails.map((e) => e.template)).toContain('verify-email');
    expect(data.emailPreferences).toMatchObject({ news: true, reminders: false });
    expect(JSON.stringify(data)).not.toContain('password_hash');
  });

  await test.step('withdraw the news consent', async () => {
    await page
      .getByRole('table', { name: 'Toestemmingen, nieuwste eerst' })
      .getByRole('link', { name: /^Toestemming intrekken: Nieuws per e-mail/ })
      .click();
    // First a confirmation step that says what happens; nothing changed yet.
    const step = page.getByRole('region', { name: 'Toestemming intrekken: Nieuws per e-mail?' });
    await expect(step).toContainText('krijg je geen nieuwsbrieven meer');
    await expect(page.getByRole('table', { name: 'Toestemmingen, nieuwste eerst' })).not.toContainText('Ingetrokken op');
    await checkA11y(page);
    await step.getByRole('button', { name: 'Ja, trek mijn toestemming in' }).click();
    await expect(page.getByRole('status')).toContainText('Je krijgt geen nieuwsbrieven meer.');
    await expect(page.getByRole('table', { name: 'Toestemmingen, nieuwste eerst' })).toContainText('Ingetrokken op');
    await checkA11y(page);
  });

  await test.step('delete the account: confirm step, wrong then right password', async () => {
    await page.getByRole('link', { name: 'Account verwijderen' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Weet je het zeker?' })).toBeVisible();
    await checkA11y(page);
    await page.getByLabel(/^Je wachtwoord/).fill('niet mijn wachtwoord');
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click();
    // Beside the field and in the error summary at the top of the form.
    await expect(page.getByText('Dit wachtwoord klopt niet.')).toHaveCount(2);
    await expect(page.locator('.pa-error-summary')).toBeFocused();
    await expect(page.getByLabel(/^Je wachtwoord/)).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page);
    await page.getByLabel(/^Je wachtwoord/).fill(password);
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click();
    await expect(page).toHaveURL('/account/verwijderd');
    await expect(page.getByRole('heading', { level: 1, name: 'Je account is verwijderd' })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('the account is gone: logging in fails, /account asks to log in', async () => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/inloggen/);
    await logInWithPassword(page, email, password);
    await expect(page.getByText(GENERIC_LOGIN_ERROR)).toBeVisible();
  });
});

test('unsubscribe from course follow-ups with the link in the email, without logging in', async ({
  page,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(180_000);
  const title = `Privacyproef ${Date.now().toString(36)}`;
  const walkIn = { name: 'Ulla Uitschrijver', email: uniqueEmail('afmelden') };

  await test.step('a coordinator runs a course that took place yesterday and closes it', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    await page.goto('/beheer/cursussen/nieuw');
    await page.getByLabel(/^Organisatie/).selectOption({ label: 'Nederlandse Vereniging voor Raadsleden' });
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel(/^Beschrijving/).fill('Een avond over de gemeenteraad.');
    await page.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await page.getByLabel(/^Naam van de locatie/).fill('Stadhuis Zwolle');
    await page.getByLabel(/^Adres/).fill('Grote Kerkplein 15, Zwolle');
    await page.getByLabel(/^Aantal plaatsen/).fill('10');
    await page.getByRole('button', { name: 'Cursus opslaan als concept' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const courseUrl = new URL(page.url()).pathname;
    const form = page.locator('#add-session');
    await form.getByLabel(/^Datum/).fill(dateIn(-1));
    await form.getByLabel(/^Begintijd/).fill('19:30');
    await form.getByLabel(/^Eindtijd/).fill('21:30');
    await form.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
    await expect(page.getByRole('status')).toContainText('De bijeenkomst is opgeslagen.');
    await page.getByRole('button', { name: 'Cursus publiceren' }).click();
    await expect(page.getByRole('status')).toContainText('De cursus is gepubliceerd.');

    await page.goto(`${courseUrl}/aanmeldingen`);
    const add = page.locator('#add-person');
    await add.getByLabel(/^Naam/).fill(walkIn.name);
    await add.getByLabel(/^E-mailadres/).fill(walkIn.email);
    await add.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await add.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('De persoon is aangemeld');

    await page.goto(`${courseUrl}/aanwezigheid`);
    await page.getByRole('group', { name: 'Wie was er bij bijeenkomst 1?' }).getByRole('checkbox', { name: walkIn.name }).check();
    await page.getByRole('button', { name: 'Aanwezigheid bijeenkomst 1 opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De aanwezigheid is opgeslagen.');
    await page.goto(courseUrl);
    await page.getByRole('button', { name: 'Cursus afsluiten en nabericht sturen' }).click();
    await expect(page.getByRole('status')).toContainText('Deelnemers die het nabericht krijgen: 1.');
  });

  await test.step('the follow-up email carries an unsubscribe link; it works without login', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const anonymous = await context.newPage();
    const mail = await openEmail(anonymous, {
      to: walkIn.email,
      subjectIncludes: `Bedankt voor je deelname aan ${title}`,
      link: /\/e-mail\/afmelden\//,
    });
    await anonymous.goto(mail.link);
    await expect(anonymous.getByRole('heading', { level: 1, name: 'Afmelden' })).toBeVisible();
    await expect(anonymous.getByText(`Dit geldt voor ${walkIn.email.toLowerCase()}.`)).toBeVisible();
    await checkA11y(anonymous);
    await anonymous.getByRole('main').getByRole('button', { name: 'Afmelden' }).click();
    await expect(anonymous.getByRole('status')).toContainText('Je bent afgemeld.');
    await checkA11y(anonymous);

    // A mail client's RFC 8058 one-click POST, from no page of ours, works too.
    const oneClick = await anonymous.request.post(mail.link, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example' },
      data: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status()).toBe(200);
    // A forged token does not (one character of the sealed token changed), and the link shows no address.
    expect(mail.link).not.toContain(walkIn.email.split('@')[0]!);
    const at = mail.link.length - 10;
    const forged = `${mail.link.slice(0, at)}${mail.link[at] === 'A' ? 'B' : 'A'}${mail.link.slice(at + 1)}`;
    expect((await anonymous.request.get(forged)).status()).toBe(404);
    await context.close();
  });
});
