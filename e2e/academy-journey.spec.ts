import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { parseCalendar } from '../test/calendar';
import { pdfText } from '../test/pdf';
import { demo, expect, expectFieldError, logInWithPassword, test, uniqueEmail, type OpenedEmail, type OpenEmailOptions } from './fixtures';

// Issue 15, "Done means": one academy from its call to its certificates, in one journey. The
// coordinator makes two modules and an academy with them, and opens the call; three people apply (one
// without JavaScript); two invited reviewers score alone (one in English); the coordinator admits two,
// is refused a third admission, reserves one and releases the decisions; one admitted person gives up
// the place and the reserve moves up; the cohort attends the first module; a host offers a placement
// slot, the participants rank it, the matching engine assigns them, the coordinator pins a pair and
// publishes, the host accepts (calendar invitations read back with ical.js); the second module's
// attendance completes the programme, and the certificate PDF is read back with pdf.js. Emails are
// followed in /dev/mailbox; axe on every page; the cohort table and the placement in English once.
// The no-JavaScript empty submits of these forms are in error-summary.spec.ts.

type OpenEmail = (page: Page, options: OpenEmailOptions) => Promise<OpenedEmail>;
type Person = { name: string; email: string; page: Page };

const PASSWORD = 'een lange zin voor de academie';
const host = { email: demo.mentor.email, password: demo.mentor.password, name: demo.mentor.name };

/** "2026-12-07T19:30" for an input of type datetime-local, in Dutch time, `minutes` from now. */
function localInput(minutes: number) {
  const at = new Date(Date.now() + minutes * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A date `days` from today as a date input wants it (YYYY-MM-DD, Dutch calendar). */
function dateIn(days: number) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000));
}

/** A new person with a confirmed account, logged in, in a browser context of their own. */
async function register(browser: Browser, openEmail: OpenEmail, label: string, name: string, javaScriptEnabled = true): Promise<Person> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const email = uniqueEmail(label);
  await page.goto('/registreren');
  await page.getByLabel(/^Naam/).fill(name);
  await page.getByLabel(/^E-mailadres/).fill(email);
  await page.getByLabel(/^Wachtwoord/).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Account maken' }).click();
  await expect(page).toHaveURL('/registreren/verstuurd');
  const mail = await openEmail(page, { to: email, subjectIncludes: 'Bevestig je e-mailadres', link: /\/verifieren\//, timeout: 60_000 });
  await page.goto(mail.link);
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
  await expect(page).toHaveURL(/\/account\?notice=account\.verified#notice$/);
  return { name, email, page };
}

/** Sets the language cookie of a page's context ('en' or 'nl'), as the language switch does. */
async function useLanguage(page: Page, language: 'en' | 'nl') {
  await page.context().addCookies([{ name: 'pa_lang', value: language, url: new URL(page.url()).origin }]);
}

test('one academy from its call to its certificates: selection, a reserve moving up, modules, placements, completion', async ({
  page,
  browser,
  checkA11y,
  openEmail: openEmailNow,
}) => {
  // Seven people's emails go through the worker's queue; on a loaded machine one can take longer than 15 s.
  const openEmail: OpenEmail = (p, options) => openEmailNow(p, { timeout: 60_000, ...options });
  test.setTimeout(900_000); // one long journey of seven people; the shared machines are slow at times
  const tag = Date.now().toString(36);
  const academyName = `Raadsledenacademie Proef ${tag}`;
  const modules = [`Academiemodule ${tag} 1: de raad`, `Academiemodule ${tag} 2: de begroting`];
  const secretParty = `Geheime Partij ${tag}`;
  const nav = () => page.getByRole('navigation', { name: 'Pagina’s van deze academie' });
  let academyPath = '';
  let academyId = '';

  await test.step('the coordinator makes two modules: published courses whose one session was yesterday', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    for (const title of modules) {
      await page.goto('/beheer/cursussen/nieuw');
      await page.getByLabel(/^Organisatie/).selectOption({ label: 'Nederlandse Vereniging voor Raadsleden' });
      await page.getByLabel(/^Titel/).fill(title);
      await page.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
      await page.getByLabel(/^Naam van de locatie/).fill('Stadhuis Zwolle');
      await page.getByLabel(/^Adres/).fill('Grote Kerkplein 15, Zwolle');
      await page.getByLabel(/^Aantal plaatsen/).fill('10');
      await page.getByRole('button', { name: 'Cursus opslaan als concept' }).click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      // A draft may have a session in the past: attendance can be registered right away.
      const session = page.locator('#add-session');
      await session.getByLabel(/^Datum/).fill(dateIn(-1));
      await session.getByLabel(/^Begintijd/).fill('19:30');
      await session.getByLabel(/^Eindtijd/).fill('21:30');
      await session.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
      await expect(page.getByRole('status')).toContainText('De bijeenkomst is opgeslagen.');
      await page.getByRole('button', { name: 'Cursus publiceren' }).click();
      await expect(page.getByRole('status')).toContainText('De cursus is gepubliceerd.');
    }
  });

  await test.step('the coordinator creates the academy with both modules and opens its call', async () => {
    await page.goto('/beheer/academies');
    await page.getByRole('link', { name: 'Nieuwe academie (Nederlandse Vereniging voor Raadsleden)' }).click();
    await page.getByRole('textbox', { name: /^Naam/ }).fill(academyName);
    await page.getByRole('button', { name: 'Academie maken' }).click();
    await expect(page.getByRole('status')).toBeVisible();
    await page.getByRole('link', { name: academyName }).click();
    await expect(page).toHaveURL(/\/beheer\/academies\/[0-9a-f-]{36}$/);
    academyPath = new URL(page.url()).pathname;
    academyId = academyPath.split('/').pop()!;
    // The organisation's courses come a page at a time: search for this journey's modules.
    await page.goto(`${academyPath}?zoek=${encodeURIComponent(`Academiemodule ${tag}`)}`);
    for (const title of modules) await page.getByRole('checkbox', { name: title }).check();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('De academie is opgeslagen.');
    await page.goto(academyPath);
    await expect(page.getByText('Cursussen in deze academie: 2.')).toBeVisible();

    await nav().getByRole('link', { name: 'Oproep' }).click();
    await expect(page).toHaveURL(`${academyPath}/oproep`);
    await checkA11y(page);
    await page.getByRole('checkbox', { name: 'De oproep staat online' }).check();
    await page.getByRole('spinbutton', { name: /^Aantal plaatsen/ }).fill('2');
    await page.getByLabel('Aanmelden kan vanaf').fill(localInput(-60));
    await page.getByLabel('Aanmelden kan tot').fill(localInput(24 * 60));
    await page.getByRole('textbox', { name: 'Onderdeel 1' }).fill('Motivatie');
    await page.getByRole('textbox', { name: 'Onderdeel 2' }).fill('Ervaring');
    await page.getByRole('group', { name: 'Vraag 1' }).getByRole('textbox', { name: 'Vraag' }).fill('Waarom wil je raadslid worden?');
    await page.getByRole('group', { name: 'Vraag 1' }).getByRole('checkbox', { name: 'Verplicht' }).check();
    await page.getByRole('button', { name: 'Oproep opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De oproep is opgeslagen.');
  });

  // Three applicants (the third without JavaScript) and two reviewers, each in a browser of their own.
  const applicants: Person[] = [];
  const reviewers: Person[] = [];
  await test.step('three people register and apply; one of them without JavaScript', async () => {
    for (const [index, name] of ['Anna Aanmelder', 'Bram Aanmelder', 'Cato Aanmelder'].entries()) {
      const person = await register(browser, openEmail, `academie-${index + 1}`, name, index !== 2);
      applicants.push(person);
      const p = person.page;
      await p.goto('/academies');
      await p.getByRole('link', { name: academyName }).click();
      await expect(p.getByRole('heading', { level: 1, name: academyName })).toBeVisible();
      // The call shows its programme: the modules.
      await expect(p.getByRole('main')).toContainText(modules[1]!);
      if (index === 0) await checkA11y(p);
      await p
        .getByRole('main')
        .getByRole('link', { name: /^Aanmelden/ })
        .first()
        .click();
      await expect(p.getByRole('heading', { level: 1 })).toContainText(academyName);
      await p.getByLabel(/^Waarom wil je meedoen|^Motivatie/).fill(`Ik wil meedoen, zegt ${name}.`);
      await p.getByLabel(/^Waarom wil je raadslid worden\?/).fill(`Omdat ${name} iets wil veranderen.`);
      if (index === 1) await p.getByLabel(/^In welke gemeente woon je\?/).selectOption({ label: 'Zwolle' });
      if (index === 0) {
        // Special-category data and a party the reviewers may not see.
        await p.getByLabel('Bij welke partij', { exact: false }).fill(secretParty);
        await p.getByRole('checkbox', { name: 'een vrouw' }).check();
        await p.getByLabel('Ik heb een beperking of chronische ziekte').check();
        await p.getByLabel(/^Ik geef toestemming/).check();
        await checkA11y(p);
      }
      await p.getByRole('button', { name: 'Aanmelding versturen' }).click();
      await expect(p).toHaveURL(/\/account\/academies\?notice=academyApplication\.sent/);
      await expect(p.getByText('Je aanmelding is verstuurd.')).toBeVisible();
    }
  });

  await test.step('the coordinator invites two reviewers; they accept, and the link works once', async () => {
    reviewers.push(await register(browser, openEmail, 'beoordelaar-1', 'Rita Beoordelaar'));
    reviewers.push(await register(browser, openEmail, 'beoordelaar-2', 'Ruben Reviewer'));
    await page.goto(academyPath);
    await nav().getByRole('link', { name: 'Beoordelaars' }).click();
    await checkA11y(page);
    for (const reviewer of reviewers) {
      await page.getByRole('textbox', { name: /^E-mailadres/ }).fill(reviewer.email);
      await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd.');
    }
    await expect(page.getByRole('heading', { name: '2 uitnodigingen open' })).toBeVisible();
    for (const reviewer of reviewers) {
      const first = reviewer === reviewers[0];
      const mail = await openEmail(reviewer.page, {
        to: reviewer.email,
        subjectIncludes: 'beoordeel de aanmeldingen',
        link: /\/academies\/uitnodiging\//,
        a11y: first,
      });
      await reviewer.page.goto(mail.link);
      await expect(reviewer.page.getByRole('heading', { level: 1, name: 'Aanmeldingen beoordelen' })).toBeVisible();
      if (first) await checkA11y(reviewer.page);
      await reviewer.page.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
      await expect(reviewer.page).toHaveURL(new RegExp(`/academies/${academyId}/beoordelen\\?notice=academyReviewer\\.welcome`));
      await expect(reviewer.page.getByText('Beoordelen kan als de aanmeldperiode voorbij is')).toBeVisible();
      if (first) {
        await reviewer.page.goto(mail.link);
        await expect(reviewer.page.getByRole('heading', { level: 1 })).not.toHaveText('Aanmeldingen beoordelen');
      }
    }
  });

  await test.step('the coordinator closes the call', async () => {
    await page.goto(`${academyPath}/oproep`);
    await page.getByLabel('Aanmelden kan tot').fill(localInput(-1));
    await page.getByRole('button', { name: 'Oproep opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De oproep is opgeslagen.');
  });

  const score = async (p: Page, applicant: string, values: [number, number], submit: RegExp) => {
    const card = p.getByRole('region', { name: applicant });
    await card
      .getByRole('group', { name: /^Motivatie/ })
      .getByLabel(String(values[0]), { exact: true })
      .check();
    await card
      .getByRole('group', { name: /^Ervaring/ })
      .getByLabel(String(values[1]), { exact: true })
      .check();
    await card.getByRole('button', { name: submit }).click();
  };

  await test.step('the first reviewer scores alone, and sees only the allowed fields', async () => {
    const p = reviewers[0]!.page;
    await p.goto(`/academies/${academyId}/beoordelen`);
    await expect(p.getByText('Je hebt 0 van 3 aanmeldingen beoordeeld.')).toBeVisible();
    await expect(p.getByText('Ik wil meedoen, zegt Anna Aanmelder.')).toBeVisible();
    // Never focus groups, disability or (not chosen for reviewers) the party. The party is the person's
    // own text: nowhere in the HTML. The page's dictionary ships with it, so the focus-group and
    // disability labels are checked in what it shows.
    expect(await p.content()).not.toContain(secretParty);
    const shown = await p.getByRole('main').innerText();
    for (const hidden of ['een vrouw', 'Vrouwen', 'beperking', 'chronische ziekte']) expect(shown).not.toContain(hidden);
    await checkA11y(p);
    // A score form with a missing score comes back with its message.
    const card = p.getByRole('region', { name: 'Anna Aanmelder' });
    await card
      .getByRole('group', { name: /^Motivatie/ })
      .getByLabel('5', { exact: true })
      .check();
    await card.getByRole('button', { name: /^Cijfers opslaan/ }).click();
    await expectFieldError(p, 'Kies een cijfer van 1 tot 5.');
    await score(p, 'Anna Aanmelder', [5, 4], /^Cijfers opslaan/);
    await expect(p.getByRole('status')).toContainText('Je cijfers zijn opgeslagen.');
    await expect(
      p.getByRole('region', { name: 'Anna Aanmelder' }).getByText('Nog niemand anders heeft deze aanmelding beoordeeld.'),
    ).toBeVisible();
    await score(p, 'Bram Aanmelder', [4, 4], /^Cijfers opslaan/);
    await score(p, 'Cato Aanmelder', [3, 3], /^Cijfers opslaan/);
    await expect(p.getByText('Je hebt 3 van 3 aanmeldingen beoordeeld.')).toBeVisible();
  });

  await test.step('the second reviewer scores in English and only then sees the other scores', async () => {
    const p = reviewers[1]!.page;
    await useLanguage(p, 'en');
    await p.goto(`/academies/${academyId}/beoordelen`);
    await expect(p.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
    await expect(p.getByText('You have reviewed 0 of 3 applications.')).toBeVisible();
    await expect(p.getByText('Reviewer 1')).toHaveCount(0);
    await checkA11y(p);
    await score(p, 'Anna Aanmelder', [4, 4], /^Save scores/);
    await expect(p.getByRole('status')).toContainText('Your scores have been saved.');
    await expect(p.getByRole('region', { name: 'Anna Aanmelder' }).getByText('Reviewer 1')).toBeVisible();
    await score(p, 'Bram Aanmelder', [5, 5], /^Save scores/);
    await score(p, 'Cato Aanmelder', [2, 3], /^Save scores/);
    await expect(p.getByText('You have reviewed 3 of 3 applications.')).toBeVisible();
  });

  await test.step('the coordinator admits two, is refused a third, reserves one and releases the decisions', async () => {
    await page.goto(academyPath);
    await nav().getByRole('link', { name: 'Selectie' }).click();
    await expect(page.getByText('0 van 2 plaatsen')).toBeVisible();
    await checkA11y(page);
    const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
    // Best average first: Bram (4,5), Anna (4,25), Cato (2,75).
    await expect(page.getByRole('rowheader')).toHaveText(['Bram Aanmelder', 'Anna Aanmelder', 'Cato Aanmelder']);
    await expect(row('Bram Aanmelder')).toContainText('4,5 van 5');
    const decide = async (name: string, choice: string) => {
      await row(name).getByLabel('Besluit', { exact: true }).selectOption({ label: choice });
      await row(name)
        .getByRole('button', { name: /^Besluit opslaan/ })
        .click();
    };
    await decide('Anna Aanmelder', 'Toelaten');
    await expect(page.getByRole('status')).toContainText('Het besluit is opgeslagen.');
    await decide('Bram Aanmelder', 'Toelaten');
    await expect(page.getByText('2 van 2 plaatsen')).toBeVisible();
    await decide('Cato Aanmelder', 'Toelaten');
    await expect(row('Cato Aanmelder').getByText('Alle 2 plaatsen zijn al vergeven.', { exact: false })).toBeVisible();
    await checkA11y(page);
    await decide('Cato Aanmelder', 'Reserve');
    await expect(row('Cato Aanmelder')).toContainText('Reserve 1');

    await page.getByRole('link', { name: 'Besluiten versturen' }).click();
    await expect(page.getByText('Dit verstuurt 3 e-mails.')).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Ja, besluiten versturen' }).click();
    await expect(page.getByRole('status')).toContainText('De besluiten zijn verstuurd: 3 e-mails.');
    await expect(row('Anna Aanmelder')).toContainText('Plaats aangeboden');
    await expect(row('Cato Aanmelder')).toContainText('Reserve 1');
    await expect(page.getByRole('link', { name: 'Besluiten versturen' })).toHaveCount(0);
  });

  const [anna, bram, cato] = applicants as [Person, Person, Person];
  await test.step('one admitted person gives up the place, and the reserve moves up and takes it', async () => {
    await openEmail(anna.page, { to: anna.email, subjectIncludes: `Je bent toegelaten tot ${academyName}`, a11y: true });
    await openEmail(cato.page, { to: cato.email, subjectIncludes: `Je staat op de reservelijst van ${academyName}` });
    await bram.page.goto('/account/academies');
    await bram.page.getByRole('button', { name: `Plek aannemen: ${academyName}` }).click();
    await expect(bram.page.getByText('Je hebt je plek aangenomen. Welkom!')).toBeVisible();

    await anna.page.goto('/account/academies');
    await anna.page.getByRole('link', { name: `Plek opgeven: ${academyName}` }).click();
    await checkA11y(anna.page);
    await anna.page.getByRole('button', { name: 'Ja, plek opgeven' }).click();
    await expect(anna.page.getByText('Je hebt je plek opgegeven.')).toBeVisible();

    // The reserve (the person without JavaScript) gets the place offered by email and takes it.
    await openEmail(cato.page, { to: cato.email, subjectIncludes: `Er is een plek vrij voor je in ${academyName}` });
    await cato.page.goto('/account/academies');
    await cato.page.getByRole('button', { name: `Plek aannemen: ${academyName}` }).click();
    await expect(cato.page.getByText('Je hebt je plek aangenomen. Welkom!')).toBeVisible();

    await page.goto(`${academyPath}/selectie`);
    await expect(page.getByRole('row', { name: /Anna Aanmelder/ })).toContainText('Plaats afgezegd');
    await expect(page.getByRole('row', { name: /Bram Aanmelder/ })).toContainText('Plaats aangenomen');
    await expect(page.getByRole('row', { name: /Cato Aanmelder/ })).toContainText('Plaats aangenomen');
    await expect(page.getByText('2 van 2 plaatsen')).toBeVisible();
  });

  /** Marks the cohort present at a module's one session, from the cohort page's link to its attendance. */
  const registerAttendance = async (title: string) => {
    await page.goto(`${academyPath}/deelnemers`);
    await page.getByRole('link', { name: `Aanwezigheid van ${title}` }).click();
    const group = page.getByRole('group', { name: 'Wie was er bij bijeenkomst 1?' });
    for (const person of [bram, cato]) await group.getByRole('checkbox', { name: person.name }).check();
    await page.getByRole('button', { name: 'Aanwezigheid bijeenkomst 1 opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De aanwezigheid is opgeslagen.');
  };

  await test.step('the participants are enrolled in both modules; the first module is attended', async () => {
    // Accepting the place enrolled them: each module sent its confirmation.
    await openEmail(bram.page, { to: bram.email, subjectIncludes: modules[0]! });
    await registerAttendance(modules[0]!);
    await page.goto(`${academyPath}/deelnemers`);
    await expect(page.getByRole('heading', { level: 1, name: `Deelnemers van ${academyName}` })).toBeVisible();
    const table = page.getByRole('table', { name: 'Aanwezigheid per module' });
    for (const person of [bram, cato]) await expect(table.getByRole('row', { name: new RegExp(person.name) })).toContainText('1 van 2');
    await expect(table.getByRole('row', { name: /Anna Aanmelder/ })).toHaveCount(0);
    await checkA11y(page);
    // The CSV of the same table.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de aanwezigheid als CSV-bestand' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(cato.name);
    expect(csv).toContain(modules[1]!);
    // English once.
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('table', { name: 'Attendance per module' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'When has someone completed the academy?' })).toBeVisible();
    await checkA11y(page);
    await useLanguage(page, 'nl');

    await bram.page.goto('/account/academies');
    await expect(bram.page.getByRole('heading', { level: 2, name: `Je programma: ${academyName}` })).toBeVisible();
    await expect(bram.page.getByText('1 van 2 modules bijgewoond')).toBeVisible();
    const modulesTable = bram.page.getByRole('table', { name: `Modules van ${academyName}` });
    await expect(modulesTable.getByRole('row', { name: new RegExp(modules[0]!) })).toContainText('Bijgewoond');
    await checkA11y(bram.page);
  });

  let placementsPath = '';
  const hostPage = await (await browser.newContext()).newPage();
  await test.step('the coordinator invites a host, who accepts and offers a slot (bad input first)', async () => {
    await page.goto(academyPath);
    await nav().getByRole('link', { name: 'Meeloopstages' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Meeloopstages: ${academyName}` })).toBeVisible();
    placementsPath = new URL(page.url()).pathname;
    await checkA11y(page);
    await page.getByLabel(/^Naam/).fill(host.name);
    await page.getByLabel(/^E-mailadres/).fill(host.email);
    await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De uitnodiging is verstuurd.' })).toBeVisible();

    await logInWithPassword(hostPage, host.email, host.password);
    await hostPage.waitForURL(/\/(account|mentor)/);
    const mail = await openEmail(hostPage, {
      to: host.email,
      subjectIncludes: 'Uitnodiging: laat deelnemers',
      link: /\/stagebieder\/uitnodiging\//,
      a11y: true,
    });
    await hostPage.goto(mail.link);
    await expect(hostPage.getByRole('heading', { level: 1, name: 'Wil je een meeloopstage aanbieden?' })).toBeVisible();
    await checkA11y(hostPage);
    await hostPage.getByRole('button', { name: 'Ja, ik doe mee' }).click();
    await expect(hostPage.getByRole('heading', { level: 1, name: 'Mijn meeloopstages' })).toBeVisible();
    // One profile across academies: it may exist already (another spec on the same data); saved either way.
    const profile = hostPage.locator('#host-profile');
    await profile.getByLabel(/^Functie/).selectOption({ label: 'burgemeester' });
    await profile.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await profile.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await expect(hostPage.getByRole('status').filter({ hasText: 'Je gegevens zijn opgeslagen.' })).toBeVisible();

    const slot = hostPage.locator('#offer-slot');
    await slot.getByLabel(/^Academie/).selectOption({ label: `${academyName} (Nederlandse Vereniging voor Raadsleden)` });
    await slot.getByLabel(/^Eerste dag/).fill('2027-04-12');
    await slot.getByLabel(/^Laatste dag/).fill('2027-04-11');
    await slot.getByLabel(/^Gemeente waar het is/).selectOption({ label: 'Zwolle' });
    await slot.getByLabel(/^Hoeveel deelnemers/).fill('2');
    await slot.getByRole('button', { name: 'Plek aanbieden' }).click();
    await expectFieldError(hostPage, 'Vul de laatste dag in. Die is gelijk aan of later dan de eerste dag.');
    await checkA11y(hostPage);
    await hostPage
      .locator('#offer-slot')
      .getByLabel(/^Laatste dag/)
      .fill('2027-04-14');
    await hostPage.locator('#offer-slot').getByRole('button', { name: 'Plek aanbieden' }).click();
    await expect(hostPage.getByRole('status').filter({ hasText: 'Je plek is aangeboden.' })).toBeVisible();
    await expect(hostPage.getByRole('table', { name: 'Dagen die je aanbiedt' })).toContainText('12 april 2027 t/m 14 april 2027');
    await checkA11y(hostPage);
  });

  await test.step('both participants rank the slot (one without JavaScript)', async () => {
    for (const person of [bram, cato]) {
      await person.page.goto('/account/academies');
      await person.page.getByRole('link', { name: `Meeloopstage bij ${academyName}` }).click();
      await expect(person.page.getByRole('heading', { level: 1, name: `Meeloopstage: ${academyName}` })).toBeVisible();
      await person.page.getByLabel(/^Marieke Mentor \(burgemeester\), Zwolle/).selectOption({ label: 'Keuze 1' });
      await person.page.getByRole('button', { name: 'Keuzes opslaan' }).click();
      await expect(person.page.getByRole('status').filter({ hasText: 'Je keuzes zijn opgeslagen.' })).toBeVisible();
      if (person === bram) await checkA11y(bram.page);
    }
  });

  await test.step('the coordinator runs the assignment, reads the reasons, pins a pair and publishes', async () => {
    await page.goto(placementsPath);
    await expect(page.getByRole('table', { name: 'Plekken die gastheren aanbieden' })).toContainText(host.name);
    await page.getByRole('button', { name: 'Indeling maken' }).click();
    const draft = page.getByRole('table', { name: 'Voorstel voor de indeling' });
    await expect(draft).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Een plek in dit voorstel: 2 van de 2 deelnemers.')).toBeVisible();
    const bramRow = draft.getByRole('row').filter({ hasText: bram.name });
    await expect(bramRow).toContainText('Keuze 1 van de deelnemer (+50)');
    await expect(bramRow).toContainText('Woont in Zwolle (+25)');
    await checkA11y(page);
    await page.getByRole('button', { name: `Vastzetten: ${bram.name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgezet.' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Jouw regels voor de indeling' })).toContainText(bram.name);
    await page.getByRole('button', { name: 'Indeling versturen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'De indeling is verstuurd: de gastheren hebben een e-mail gekregen over 2 deelnemers.' }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Verstuurde indeling' })).toContainText('Wacht op antwoord van de gastheer');
  });

  await test.step('the host accepts both; host and participant get the details with a calendar invitation', async () => {
    await openEmail(hostPage, { to: host.email, subjectIncludes: `Wil je ${bram.name} laten meelopen?` });
    await hostPage.goto('/stagebieder');
    const proposals = hostPage.getByRole('table', { name: 'Deelnemers die met je meelopen' });
    await expect(proposals.getByRole('row').filter({ hasText: cato.name })).toBeVisible();
    await checkA11y(hostPage);
    for (const person of [bram, cato]) {
      await hostPage.getByRole('button', { name: `Ja: ${person.name}` }).click();
      await expect(hostPage.getByRole('status').filter({ hasText: 'Je hebt ja gezegd.' })).toBeVisible();
      await expect(proposals.getByRole('row').filter({ hasText: person.name })).toContainText('Geaccepteerd');
    }
    // METHOD:REQUEST with both as attendees, one UID for both copies, SEQUENCE 0.
    const uids: string[] = [];
    for (const [p, to, other] of [
      [hostPage, host.email, bram.name],
      [bram.page, bram.email, host.name],
    ] as const) {
      await openEmail(p, { to, subjectIncludes: `Meeloopstage met ${other} staat vast` });
      const ics = p.getByRole('link', { name: 'meeloopstage.ics' });
      const calendar = parseCalendar(await (await p.request.get((await ics.getAttribute('href'))!)).text());
      expect(calendar.method).toBe('REQUEST');
      expect(calendar.events).toHaveLength(1);
      const [event] = calendar.events;
      expect(event!.uid).toMatch(/^placement-[0-9a-f-]{36}@politiekactief$/);
      expect(event!.sequence).toBe(0);
      expect(event!.attendees.sort()).toEqual([bram.email, host.email].sort());
      uids.push(event!.uid);
    }
    expect(uids[0]).toBe(uids[1]);
    await hostPage.context().close();

    // The participant sees it, in English too.
    await cato.page.goto('/account/academies');
    await cato.page.getByRole('link', { name: `Meeloopstage bij ${academyName}` }).click();
    await expect(cato.page.getByRole('table', { name: 'Jouw meeloopstage' })).toContainText('Staat vast');
    await useLanguage(bram.page, 'en');
    await bram.page.goto('/account/academies');
    await bram.page.getByRole('link', { name: `Placement at ${academyName}` }).click();
    await expect(bram.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(bram.page.getByRole('heading', { level: 1, name: `Placement: ${academyName}` })).toBeVisible();
    await expect(bram.page.getByRole('table', { name: 'Your placement' })).toContainText('Confirmed');
    await expect(bram.page).toHaveTitle(`Placement: ${academyName} — Politiek Actief`);
    await checkA11y(bram.page);
    await useLanguage(bram.page, 'nl');
  });

  let verifyPath = '';
  await test.step('the second module completes the programme: a certificate for each participant', async () => {
    await registerAttendance(modules[1]!);
    await page.goto(`${academyPath}/deelnemers`);
    const table = page.getByRole('table', { name: 'Aanwezigheid per module' });
    for (const person of [bram, cato]) {
      await expect(table.getByRole('row', { name: new RegExp(person.name) })).toContainText('2 van 2');
      await expect(table.getByRole('row', { name: new RegExp(person.name) })).toContainText('Ja, op');
    }
    // The completion email carries the certificate.
    await openEmail(cato.page, { to: cato.email, subjectIncludes: `Gefeliciteerd: je hebt ${academyName} afgerond` });
    const attached = cato.page.getByRole('link', { name: 'certificaat-academie.pdf' });
    const attachedText = await pdfText(new Uint8Array(await (await cato.page.request.get((await attached.getAttribute('href'))!)).body()));
    expect(attachedText).toContain(cato.name);
    expect(attachedText).toContain(academyName);

    await bram.page.goto('/account/academies');
    await expect(bram.page.getByText('2 van 2 modules bijgewoond')).toBeVisible();
    await expect(bram.page.getByText(/Gefeliciteerd! Je hebt de academie afgerond op/)).toBeVisible();
    await checkA11y(bram.page);
    const [download] = await Promise.all([
      bram.page.waitForEvent('download'),
      bram.page.getByRole('link', { name: 'Download je certificaat (PDF)' }).click(),
    ]);
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(bram.name);
    expect(text).toContain(academyName);
    verifyPath = (await bram.page.getByRole('link', { name: /Echtheid van je certificaat controleren/ }).getAttribute('href'))!;
    expect(verifyPath).toMatch(/^\/certificaat\/[a-z2-7]{32}$/);
    const url = text.match(/https?:\/\/\S+\/certificaat\/[a-z2-7]{32}/)?.[0];
    expect(new URL(url!).pathname).toBe(verifyPath);
  });

  await test.step('anyone can verify the code: the academy and initials only', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const visitor = await context.newPage();
    const response = await visitor.goto(verifyPath);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole('main')).toContainText(academyName);
    await expect(visitor.getByRole('main')).toContainText('Programma');
    await expect(visitor.getByRole('main')).not.toContainText(bram.name);
    await checkA11y(visitor);
    await context.close();
  });
});
