import { readFile } from 'node:fs/promises';
import { demo, expect, logInWithPassword, test } from './fixtures';
import { pdfQrCode, pdfText } from '../test/pdf';

// The certificate of participation, end to end: the coordinator records attendance and closes the
// course; the participant downloads the PDF from /account (read back with PDF.js, its QR code
// decoded); the verification link shows the initials only, in Dutch and English, axe-clean.

function dateIn(days: number) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000));
}

test('a participant gets a certificate after the coordinator closes attendance, and anyone can verify it', async ({
  page,
  browser,
  baseURL,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(240_000);
  const title = `Bewijsproef ${Date.now().toString(36)}`;
  // The demo candidate's address, so the registration shows on her account; a name with diacritics.
  const participant = { name: 'Zoë Çelik-Brouwer', email: demo.candidate.email };
  let courseUrl = '';

  await test.step('the coordinator sets up a one-session course that took place yesterday', async () => {
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
    // The default (all sessions but one) means one for a one-session course; the field says so.
    await expect(page.getByLabel(/^Bewijs van deelname vanaf/)).toHaveValue('');
    await page.getByRole('button', { name: 'Cursus opslaan als concept' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    courseUrl = new URL(page.url()).pathname;
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
    await add.getByLabel(/^Naam/).fill(participant.name);
    await add.getByLabel(/^E-mailadres/).fill(participant.email);
    await add.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await add.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('De persoon is aangemeld');
  });

  await test.step('records attendance and closes the course', async () => {
    await page.goto(`${courseUrl}/aanwezigheid`);
    await page.getByRole('group', { name: 'Wie was er bij bijeenkomst 1?' }).getByRole('checkbox', { name: participant.name }).check();
    await page.getByRole('button', { name: 'Aanwezigheid bijeenkomst 1 opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De aanwezigheid is opgeslagen.');
    await page.goto(courseUrl);
    await page.getByRole('button', { name: 'Cursus afsluiten en nabericht sturen' }).click();
    await expect(page.getByRole('status')).toContainText('Deelnemers die het nabericht krijgen: 1.');
    await page.context().clearCookies();
  });

  let verifyPath = '';
  await test.step('the follow-up carries the certificate as a PDF attachment', async () => {
    const mail = await openEmail(page, { to: participant.email, subjectIncludes: `Bedankt voor je deelname aan ${title}` });
    expect(mail.subject).toContain(title);
    const attachment = page.getByRole('link', { name: /^bewijs-van-deelname-bewijsproef-[a-z0-9-]+\.pdf$/ });
    await expect(attachment).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), attachment.click()]);
    expect(await pdfText(new Uint8Array(await readFile((await download.path())!)))).toContain(participant.name);
  });

  await test.step('the participant downloads the certificate on /account', async () => {
    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await expect(page).toHaveURL('/account');
    const link = page.getByRole('link', { name: `Bewijs van deelname voor ${title} downloaden (PDF)` });
    await expect(link).toBeVisible();
    await checkA11y(page);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^bewijs-van-deelname-bewijsproef-[a-z0-9-]+\.pdf$/);
    const pdf = new Uint8Array(await readFile((await download.path())!));
    const text = await pdfText(pdf);
    expect(text).toContain(participant.name);
    expect(text).toContain(title);
    expect(text).toContain('Nederlandse Vereniging voor Raadsleden');
    const url = text.match(/https?:\/\/\S+\/certificaat\/[a-z2-7]{32}/)?.[0];
    expect(url).toBeTruthy();
    expect(await pdfQrCode(pdf)).toBe(url);
    verifyPath = new URL(url!).pathname;
  });

  await test.step('the verification page shows the initials, not the name (Dutch and English)', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const visitor = await context.newPage();
    const response = await visitor.goto(verifyPath);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole('heading', { level: 1, name: 'Bewijs van deelname controleren' })).toBeVisible();
    await expect(visitor.getByText('Dit bewijs van deelname is echt')).toBeVisible();
    await expect(visitor.getByRole('main')).toContainText('Z. Ç.-B.');
    await expect(visitor.getByRole('main')).toContainText(title);
    await expect(visitor.getByRole('main')).not.toContainText('Zoë');
    await checkA11y(visitor);

    await context.addCookies([{ name: 'pa_lang', value: 'en', url: baseURL ?? 'http://127.0.0.1' }]);
    await visitor.goto(verifyPath);
    await expect(visitor.locator('html')).toHaveAttribute('lang', 'en');
    await expect(visitor.getByText('This certificate of participation is genuine')).toBeVisible();
    await expect(visitor.getByRole('main')).toContainText('Initials');
    await checkA11y(visitor);

    const unknown = await visitor.goto('/certificaat/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(unknown?.status()).toBe(404);
    await expect(visitor.getByText('We do not know this certificate of participation')).toBeVisible();
    await checkA11y(visitor);
    await context.close();
  });
});
