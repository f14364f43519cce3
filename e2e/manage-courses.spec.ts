import type { Page } from '@playwright/test';
import { demo, expect, logInWithPassword, test, uniqueEmail, expectFieldError } from './fixtures';

// Journey 5 (courses): a coordinator creates a course, adds a session and publishes it; someone signs
// up on the public form; a copy of the course is moved into the past (drafts may have past sessions),
// published, gets a participant added by hand, attendance, and is closed: the follow-up goes out.

/** A date `days` from today as the date input wants it (YYYY-MM-DD, Dutch calendar). */
function dateIn(days: number) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000));
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Cursus publiceren' }).click();
  await expect(page.getByRole('status')).toContainText('De cursus is gepubliceerd.');
  await expect(page.locator('.pa-course-meta')).toContainText('Gepubliceerd');
}

test('coordinator: create and publish a course, see sign-ups, mark attendance, close with a follow-up', async ({
  page,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(240_000);
  const title = `Politiek Actief Proef ${Date.now().toString(36)}`;
  const visitor = { name: 'Pim Publiek', email: uniqueEmail('beheer-pim') };
  const walkIn = { name: 'Wendy Binnenloper', email: uniqueEmail('beheer-wendy') };
  let courseUrl = '';
  let copyUrl = '';

  await test.step('log in and open the course management', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    await page.goto('/beheer');
    await page.getByRole('link', { name: 'Cursussen beheren' }).click();
    await expect(page).toHaveURL('/beheer/cursussen');
    await expect(page.getByRole('heading', { level: 1, name: 'Cursussen' })).toBeVisible();
    // Two organisations: a switcher.
    const switcher = page.getByRole('navigation', { name: 'Kies een organisatie' });
    await expect(switcher.getByRole('link', { name: 'Kennispunt Lokale Politieke Partijen' })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('create a course (bad input first)', async () => {
    await page.getByRole('link', { name: 'Nieuwe cursus' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe cursus' })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Cursus opslaan als concept' }).click();
    await expectFieldError(page, 'Vul een titel in.');
    await expectFieldError(page, 'Kies een van jouw organisaties.');
    await checkA11y(page);

    await page.getByLabel(/^Organisatie/).selectOption({ label: 'Nederlandse Vereniging voor Raadsleden' });
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel(/^Beschrijving/).fill('Drie avonden over hoe de gemeenteraad werkt.\n\n<b>Geen HTML</b>');
    await page.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await page.getByLabel(/^Naam van de locatie/).fill('Stadhuis Zwolle');
    await page.getByLabel(/^Adres/).fill('Grote Kerkplein 15, Zwolle');
    await page.getByLabel(/^Aantal plaatsen/).fill('10');
    await page.getByRole('button', { name: 'Cursus opslaan als concept' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('opgeslagen als concept');
    courseUrl = new URL(page.url()).pathname;
    await checkA11y(page);
  });

  await test.step('add a session next month and publish', async () => {
    await page.getByRole('button', { name: 'Cursus publiceren' }).click();
    await expect(page.getByRole('alert')).toContainText('Voeg eerst minstens één bijeenkomst toe');
    const form = page.locator('#add-session');
    await form.getByLabel(/^Datum/).fill(dateIn(30));
    await form.getByLabel(/^Begintijd/).fill('19:30');
    await form.getByLabel(/^Eindtijd/).fill('21:30');
    await form.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
    await expect(page.getByRole('status')).toContainText('De bijeenkomst is opgeslagen.');
    await expect(page.getByText(/^Bijeenkomst 1: .*19:30–21:30/)).toBeVisible();
    await publish(page);
    await checkA11y(page);
  });

  await test.step('someone signs up on the public form', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const other = await context.newPage();
    const id = courseUrl.split('/').pop();
    await other.goto(`/cursussen/${id}/aanmelden`);
    await other.getByLabel(/^Naam/).fill(visitor.name);
    await other.getByLabel(/^E-mailadres/).fill(visitor.email);
    await other.getByLabel(/^In welke gemeente woon je\?/).selectOption({ label: 'Zwolle' });
    await other.getByRole('checkbox', { name: /privacyverklaring/ }).check();
    await other.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' })).toBeVisible();
    // The visitor confirms by the emailed link (ADR 011); only then is the seat taken.
    const mail = await openEmail(other, { to: visitor.email, subjectIncludes: 'Rond je aanmelding af', link: /\/aanmelden\/bevestigen\// });
    await other.goto(mail.link);
    await other.getByRole('button', { name: 'Ja, meld mij aan' }).click();
    await expect(other).toHaveURL(/\/aanmelding\/[a-z2-7]{32}/);
    // The manage page offers the schedule as a calendar file.
    const calendar = other.getByRole('link', { name: 'Zet de bijeenkomsten in je agenda (.ics)' });
    const ics = await other.request.get((await calendar.getAttribute('href'))!);
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(ics.headers()['content-disposition']).toMatch(/^attachment; filename="politiek-actief-proef-[a-z0-9-]+\.ics"$/);
    expect(await ics.text()).toContain('METHOD:PUBLISH');
    await context.close();
  });

  await test.step('see the registration, and download the CSV', async () => {
    await page.goto(`${courseUrl}/aanmeldingen`);
    const participants = page.getByRole('table', { name: 'Deelnemers' });
    await expect(participants.getByRole('rowheader', { name: visitor.name })).toBeVisible();
    await expect(participants).toContainText('bevestigd');
    await checkA11y(page);
    const href = await page.getByRole('link', { name: /Download alle aanmeldingen/ }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="aanmeldingen-politiek-actief-proef-[a-z0-9-]+\.csv"$/);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain(`\r\n${visitor.name};${visitor.email};Zwolle;`);
  });

  await test.step('send a message to the participants and watch it go out', async () => {
    await page.getByRole('navigation', { name: 'Deze cursus' }).getByRole('link', { name: 'Bericht sturen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Bericht aan alle deelnemers' })).toBeVisible();
    await checkA11y(page);
    await page.getByLabel(/^Onderwerp/).fill('Andere ingang');
    await page.getByLabel(/^Bericht/).fill('Gebruik de ingang aan de achterkant.\n\nTot dan!');
    // Sending reaches everyone at once: first the box.
    await page.getByRole('button', { name: 'Versturen aan 1 deelnemer' }).click();
    await expectFieldError(page, 'Vink eerst aan dat je het bericht nu wilt versturen.');
    await expect(page.getByLabel(/^Onderwerp/)).toHaveValue('Andere ingang');
    await checkA11y(page);
    await page.getByRole('checkbox', { name: /^Ja, stuur dit bericht nu/ }).check();
    await page.getByRole('button', { name: 'Versturen aan 1 deelnemer' }).click();
    await expect(page.getByRole('status')).toContainText('Het bericht staat klaar voor 1 deelnemer.');
    // The page checks again by itself while emails wait in the queue.
    const row = page.getByRole('table', { name: 'Verstuurde berichten' }).getByRole('row').nth(1);
    await expect(row.getByRole('cell').nth(1)).toHaveText('1 van 1', { timeout: 20_000 });
    await checkA11y(page);
    await openEmail(page, { to: visitor.email, subjectIncludes: `Bericht over ${title}: Andere ingang` });
  });

  await test.step('add a second session and remove it again: the confirmation step comes first, then the participant hears', async () => {
    await page.goto(courseUrl);
    const form = page.locator('#add-session');
    await form.getByLabel(/^Datum/).fill(dateIn(37));
    await form.getByLabel(/^Begintijd/).fill('19:30');
    await form.getByLabel(/^Eindtijd/).fill('21:30');
    await form.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
    await expect(page.getByRole('status')).toContainText('De bijeenkomst is opgeslagen.');
    await page.getByText('Bijeenkomst 2 verplaatsen of verwijderen').click();
    await page.getByRole('link', { name: 'Bijeenkomst 2 verwijderen' }).click();
    // The step (ui/confirm-step.tsx) takes the focus after the client-side navigation and says who hears it.
    const step = page.getByRole('heading', { level: 3, name: 'Bijeenkomst 2 verwijderen?' });
    await expect(step).toBeFocused();
    await expect(page.getByText(/Iedereen met een plek \(\d+\) krijgt meteen een e-mail/)).toBeVisible();
    await checkA11y(page);
    await page.getByRole('link', { name: 'Nee, bijeenkomst laten staan' }).click();
    await expect(step).toHaveCount(0);
    await expect(page.getByText(/^Bijeenkomst 2: /)).toBeVisible();
    // "Nee" is a client-side navigation: the session's <details> may still be open from before, and
    // clicking its summary again would close it.
    const removeLink = page.getByRole('link', { name: 'Bijeenkomst 2 verwijderen' });
    if (!(await removeLink.isVisible())) await page.getByText('Bijeenkomst 2 verplaatsen of verwijderen').click();
    await removeLink.click();
    await page.getByRole('button', { name: 'Ja, bijeenkomst verwijderen' }).click();
    await expect(page.getByRole('status')).toContainText(
      'De bijeenkomst is verwijderd. Deelnemers die een e-mail met de nieuwe gegevens krijgen: 1.',
    );
    await expect(page.getByText(/^Bijeenkomst 2: /)).toHaveCount(0);

    // The same without JavaScript: the step is a page of its own, opened at its heading.
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      storageState: await page.context().storageState(),
    });
    const noJs = await context.newPage();
    await noJs.goto(courseUrl);
    const add = noJs.locator('#add-session');
    await add.getByLabel(/^Datum/).fill(dateIn(44));
    await add.getByLabel(/^Begintijd/).fill('19:30');
    await add.getByLabel(/^Eindtijd/).fill('21:30');
    await add.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
    await expect(noJs.getByRole('status')).toContainText('De bijeenkomst is opgeslagen.');
    await noJs.getByText('Bijeenkomst 2 verplaatsen of verwijderen').click();
    await noJs.getByRole('link', { name: 'Bijeenkomst 2 verwijderen' }).click();
    await expect(noJs).toHaveURL(/\?bijeenkomst-verwijderen=[0-9a-f-]{36}#bijeenkomst-verwijderen$/);
    await expect(noJs.getByRole('heading', { level: 3, name: 'Bijeenkomst 2 verwijderen?' })).toBeFocused();
    await expect(noJs.getByText(/^Bijeenkomst 2: /)).toBeVisible();
    await noJs.getByRole('button', { name: 'Ja, bijeenkomst verwijderen' }).click();
    await expect(noJs.getByRole('status')).toContainText('De bijeenkomst is verwijderd.');
    await expect(noJs.getByText(/^Bijeenkomst 2: /)).toHaveCount(0);
    await context.close();
  });

  await test.step('copy the course to new dates and move the copy’s session to yesterday (a draft may)', async () => {
    await page.goto(courseUrl);
    await page.getByRole('link', { name: 'Kopiëren' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Cursus kopiëren' })).toBeVisible();
    await expect(page.getByLabel(/^Naam van de kopie/)).toHaveValue(`${title} (kopie)`);
    // A date in the past is refused, beside the field and in the error summary.
    await page.getByLabel(/^Datum van de eerste bijeenkomst/).fill(dateIn(-3));
    await page.getByRole('button', { name: 'Kopie maken' }).click();
    await expectFieldError(page, 'Kies een datum vanaf vandaag');
    await checkA11y(page);
    await page.getByLabel(/^Datum van de eerste bijeenkomst/).fill(dateIn(70));
    await page.getByRole('button', { name: 'Kopie maken' }).click();
    await expect(page).toHaveURL(/\/beheer\/cursussen\/[0-9a-f-]{36}\/bewerken\?notice=course.copied#notice$/);
    await expect(page.getByRole('status')).toContainText('Dit is de kopie, als concept.');
    await expect(page.getByRole('heading', { level: 1, name: `${title} (kopie)` })).toBeVisible();
    await expect(page.locator('.pa-course-meta')).toContainText('Concept');
    await checkA11y(page);
    copyUrl = new URL(page.url()).pathname.replace(/\/bewerken$/, '');
    await page.getByRole('navigation', { name: 'Deze cursus' }).getByRole('link', { name: 'Overzicht' }).click();
    await expect(page).toHaveURL(copyUrl);
    // The session moved to the chosen date; nobody came along.
    const day = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'Europe/Amsterdam' }).format(
      new Date(Date.now() + 70 * 86_400_000),
    );
    await expect(page.getByText(new RegExp(`^Bijeenkomst 1: .*${day}`))).toBeVisible();
    await page.getByText('Bijeenkomst 1 verplaatsen of verwijderen').click();
    const form = page.locator('form[id^="move-"]');
    await form.getByLabel(/^Datum/).fill(dateIn(-1));
    await form.getByRole('button', { name: 'Nieuwe tijd opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De bijeenkomst is opgeslagen.');
    await publish(page);
    await expect(page.getByText('Deze bijeenkomst is al geweest.')).toBeVisible();
    await checkA11y(page);
  });

  await test.step('sign a walk-in up by hand', async () => {
    await page.goto(`${copyUrl}/aanmeldingen`);
    const form = page.locator('#add-person');
    await form.getByLabel(/^Naam/).fill(walkIn.name);
    await form.getByLabel(/^E-mailadres/).fill(walkIn.email);
    await form.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await form.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('De persoon is aangemeld');
    await expect(page.getByRole('table', { name: 'Deelnemers' }).getByRole('rowheader', { name: walkIn.name })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('mark attendance', async () => {
    await page.getByRole('navigation', { name: 'Deze cursus' }).getByRole('link', { name: 'Aanwezigheid' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Aanwezigheid' })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('group', { name: 'Wie was er bij bijeenkomst 1?' }).getByRole('checkbox', { name: walkIn.name }).check();
    await page.getByRole('button', { name: 'Aanwezigheid bijeenkomst 1 opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De aanwezigheid is opgeslagen.');
    const summary = page.getByRole('table', { name: 'Aanwezigheid per deelnemer' });
    await expect(summary.getByRole('row', { name: new RegExp(walkIn.name) })).toContainText('aanwezig');
    await expect(
      summary
        .getByRole('row', { name: new RegExp(walkIn.name) })
        .getByRole('cell')
        .last(),
    ).toHaveText('ja');
    await expect(page.getByRole('checkbox', { name: walkIn.name })).toBeChecked();
    await checkA11y(page);
  });

  await test.step('close the course: the follow-up goes out', async () => {
    await page.getByRole('navigation', { name: 'Deze cursus' }).getByRole('link', { name: 'Overzicht' }).click();
    await page.getByRole('button', { name: 'Cursus afsluiten en nabericht sturen' }).click();
    await expect(page.getByRole('status')).toContainText('De cursus is afgesloten. Deelnemers die het nabericht krijgen: 1.');
    await expect(page.getByText(/Het nabericht is verstuurd op/)).toBeVisible();
    await checkA11y(page);
    await openEmail(page, { to: walkIn.email, subjectIncludes: `Bedankt voor je deelname aan ${title} (kopie)`, a11y: true });
  });

  await test.step('cancel the copy (with confirmation); both are in the list', async () => {
    await page.goto(copyUrl);
    await page.getByRole('link', { name: 'Cursus annuleren' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Deze cursus annuleren?' })).toBeFocused();
    await page.getByRole('button', { name: 'Ja, cursus annuleren' }).click();
    await expect(page.getByRole('status')).toContainText('De cursus is geannuleerd.');
    await page.goto('/beheer/cursussen');
    await expect(page.getByRole('row', { name: new RegExp(`^${title} Nederlandse`) })).toContainText('Gepubliceerd');
    await expect(page.getByRole('row', { name: new RegExp(`^${title} \\(kopie\\) Nederlandse`) })).toContainText('Geannuleerd');
  });

  await test.step('filter the course list: cancelled, with a search on the title', async () => {
    await page.goto('/beheer/cursussen');
    const filters = page.locator('#course-filters');
    await filters.getByLabel('Welke cursussen').selectOption({ label: 'Geannuleerd' });
    await filters.getByLabel('Zoek op naam of gemeente').fill(title);
    await filters.getByRole('button', { name: 'Toon cursussen' }).click();
    await expect(page).toHaveURL(/[?&]filter=geannuleerd/);
    await expect(page.getByRole('status')).toHaveText('1 cursus gevonden');
    const table = page.getByRole('table', { name: /^Cursussen/ });
    await expect(table.getByRole('rowheader')).toHaveText([`${title} (kopie)`]);
    await expect(filters.getByLabel('Welke cursussen')).toHaveValue('geannuleerd');
    await checkA11y(page);
    await filters.getByLabel('Welke cursussen').selectOption({ label: 'Nog niet begonnen' });
    await filters.getByRole('button', { name: 'Toon cursussen' }).click();
    await expect(table.getByRole('rowheader')).toHaveText([title]);
    await page.getByRole('link', { name: 'Alle cursussen tonen' }).click();
    await expect(page).toHaveURL('/beheer/cursussen');
  });
});

test('another user gets 404 on the course management', async ({ page }) => {
  await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
  await expect(page).toHaveURL('/account');
  const response = await page.goto('/beheer/cursussen');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' })).toBeVisible();
});
