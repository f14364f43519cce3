import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { parseCalendar } from '../test/calendar';
import { demo, expect as baseExpect, expectFieldError, logInWithPassword, test, uniqueEmail } from './fixtures';

// Issue 17, "done means": one journey from an application to a route, meetings and needs shared by
// choice, on a fresh network so that the run sees only this journey's people (mentor A lives in the
// mentee's municipality, the better fit; mentor B elsewhere).
//
// 1. The coordinator makes a network and invites two mentors, who make their profiles.
// 2. A new person registers and applies without JavaScript (a refused try first, the input kept).
// 3. The coordinator runs the matching (score and reasons), pins the pair and publishes; mentor A
//    declines with a reason; a re-run proposes mentor B, who accepts; both get the introduction, the
//    mentee sees why this mentor, and logs a check-in.
// 4. The route to the list: the mentee ticks a step with a note (JavaScript on), the mentor another
//    (JavaScript off); the coordinator sees the counts and moves a step into the next two weeks: the
//    mentee gets the route reminder.
// 5. Meetings: the mentee proposes (refused first), the mentor proposes another time without
//    JavaScript (refused first), the mentee accepts, the mentor cancels; the mentor proposes a second
//    one, the mentee declines it. Every calendar file is read back with ical.js: per meeting one UID,
//    SEQUENCE going up, an ORGANIZER, METHOD:REQUEST and then METHOD:CANCEL.
// 6. Needs: the mentee shares them with consent (refused without the consent first); the consent and
//    its text version show on /account/privacy and in the export; the mentor sees them; the mentee
//    withdraws the consent there, and the mentor sees nothing any more.
// 7. The mentee ticks "Op de lijst": the outcome question is answered. English once, at the end.
// axe on the pages. This replaces mentoring-journey.spec.ts, route.spec.ts and meetings.spec.ts.

test.use({ actionTimeout: 120_000, navigationTimeout: 240_000 });
// Pages share the web process's event loop with its worker, whose report job (every 10 minutes, ADR
// 020) solves for minutes on a loaded two-core machine: a journey this long always meets it, and a
// page or an email can then wait far longer than the suite's 20 s.
const expect = baseExpect.configure({ timeout: 120_000 });

type Person = { name: string; firstName: string; email: string; password: string };

const person = (name: string, label: string, password: string): Person => ({
  name,
  firstName: name.split(' ')[0]!,
  email: uniqueEmail(label),
  password,
});

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** Today in Amsterdam, as YYYY-MM-DD. */
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** The next municipal list deadline on or after today, from the election calendar the app loads. */
function nextMunicipalDeadline(today: string) {
  const rows = readFileSync(new URL('../db/data/verkiezingen.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return rows
    .map((line) => line.split(','))
    .filter(([, kind, , , deadline]) => kind === 'municipal' && deadline! >= today)
    .map(([, , , , deadline]) => deadline!)
    .sort()[0]!;
}

async function newContext(browser: Browser, options: { javaScript?: boolean; from?: BrowserContext } = {}) {
  return browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...(options.from ? { storageState: await options.from.storageState() } : {}),
  });
}

/** Waits for the matching job to finish: the page shows the draft (it refreshes itself; we reload too). */
async function waitForDraft(page: Page, url: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 3, name: 'Voorstel', exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 240_000, intervals: [500, 1_000, 2_000] });
}

/** The notice after a route action: inside role=status, with focus on it (read out by a screen reader). */
async function expectNotice(page: Page, text: string) {
  await expect(page.locator('[role="status"] > #notice')).toContainText(text, { timeout: 120_000 });
  await expect(page.locator('#notice')).toBeFocused();
}

/** The counts table on the network's route page: step title → [done, furthest]. */
async function routeCounts(page: Page) {
  const table = page.getByRole('table', { name: /^Hoe ver de mentees zijn/ });
  await expect(table).toBeVisible();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())));
  return Object.fromEntries(rows.map(([title, reached, furthest]) => [title!, [Number(reached), Number(furthest)]]));
}

/** The calendar files of every meeting email to `to`, oldest first, parsed by ical.js with their MIME type. */
async function meetingCalendars(page: Page, to: string) {
  await page.goto(`/dev/mailbox?adres=${encodeURIComponent(to)}`);
  const hrefs = await page
    .getByRole('link', { name: /afspraak|andere tijd/i })
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  const files = [];
  for (const href of hrefs.reverse()) {
    const res = await page.request.get(`${href}/bijlage/0`);
    expect(res.ok(), `${href} has a calendar file`).toBe(true);
    const parsed = parseCalendar(await res.text());
    expect(parsed.events).toHaveLength(1);
    files.push({ contentType: res.headers()['content-type'], method: parsed.method, ...parsed.events[0]! });
  }
  return files;
}

test('apply → match → route steps → meetings with calendar files → needs shared and withdrawn → on the list → end', async ({
  page,
  browser,
  checkA11y,
  openEmail: openEmailFixture,
}) => {
  const openEmail: typeof openEmailFixture = (p, options) => openEmailFixture(p, { timeout: 180_000, ...options });
  // Four people, a dozen emails, two matching runs and many axe scans: minutes on a loaded machine.
  test.setTimeout(1_500_000);
  const suffix = Date.now().toString(36);
  const networkName = `Routenetwerk ${suffix}`;
  const mentorA = person('Anna Dichtbij', 'mentor-a', 'mentor-a-wachtwoord-lang');
  const mentorB = person('Bram Verderop', 'mentor-b', 'mentor-b-wachtwoord-lang');
  const mentee = person('Fenna Nieuwkomer', 'mentee', 'een lange zin voor mijn mentor');
  const declineReason = 'Ik heb de komende maanden te weinig tijd.';
  let networkUrl = '';
  let networkId = '';

  // The coordinator works on `page` throughout.
  await test.step('the coordinator creates a national, open network and invites two mentors', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer', { timeout: 45_000 });
    await page.goto('/beheer/netwerken/nieuw');
    await page.getByLabel(/^Organisatie/).selectOption({ label: 'Nederlandse Vereniging voor Raadsleden' });
    await page.getByRole('textbox', { name: /^Naam/ }).fill(networkName);
    await page.getByRole('textbox', { name: /^Beschrijving/ }).fill('Ervaren raadsleden helpen nieuwe mensen op weg.');
    await page.getByRole('radio', { name: 'Iedereen', exact: true }).check();
    await page.getByRole('radio', { name: 'Heel Nederland' }).check();
    await page.getByRole('checkbox', { name: 'Aanvragen zijn open' }).check();
    await page.getByRole('button', { name: 'Netwerk maken' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het netwerk is gemaakt.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: networkName })).toBeVisible();
    networkUrl = new URL(page.url()).pathname;
    networkId = networkUrl.split('/').at(-1)!;
    await checkA11y(page);
    await page.goto(`${networkUrl}/mentoren`);
    for (const mentor of [mentorA, mentorB]) {
      await page.getByRole('textbox', { name: /^Naam/ }).fill(mentor.name);
      await page.getByRole('textbox', { name: /^E-mailadres/ }).fill(mentor.email);
      await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'De uitnodiging is verstuurd.' })).toBeVisible();
    }
    await checkA11y(page);
  });

  const mentorPages = new Map<Person, Page>();
  for (const [mentor, municipality] of [
    [mentorA, 'Zwolle'],
    [mentorB, 'Maastricht'],
  ] as const) {
    await test.step(`${mentor.name} accepts the invitation and completes the profile (${municipality})`, async () => {
      const mentorPage = await (await newContext(browser)).newPage();
      mentorPages.set(mentor, mentorPage);
      const email = await openEmail(mentorPage, { to: mentor.email, subjectIncludes: 'word mentor in', link: /\/mentor\/uitnodiging\// });
      await mentorPage.goto(email.link);
      await expect(mentorPage.getByRole('heading', { level: 1, name: 'Uitnodiging als mentor' })).toBeVisible();
      await mentorPage.getByLabel(/^Wachtwoord/).fill(mentor.password);
      await mentorPage.getByRole('button', { name: 'Account maken en uitnodiging accepteren' }).click();
      await expect(mentorPage).toHaveURL('/mentor/profiel?notice=mentorProfile.welcome#notice');
      await mentorPage.getByLabel(/^Functie/).selectOption({ label: 'Raadslid' });
      await mentorPage.getByLabel(/^Gemeente/).selectOption({ label: municipality });
      await mentorPage.getByRole('spinbutton', { name: /^Capaciteit/ }).fill('2');
      await mentorPage.getByRole('checkbox', { name: 'zorg', exact: true }).check();
      await mentorPage.getByRole('group', { name: 'Dinsdag' }).getByRole('checkbox', { name: 'Avond' }).check();
      await mentorPage.getByRole('textbox', { name: /^Over jou/ }).fill(`Raadslid in ${municipality}.`);
      await mentorPage.getByRole('button', { name: 'Profiel opslaan' }).click();
      await expect(mentorPage.getByRole('status').filter({ hasText: 'Je profiel is opgeslagen.' })).toBeVisible();
      if (mentor === mentorA) await checkA11y(mentorPage);
    });
  }
  const pageA = mentorPages.get(mentorA)!;
  const pageB = mentorPages.get(mentorB)!;

  // The mentee registers and applies in a browser without JavaScript: every form posts as plain HTML.
  const menteeNoJsContext = await newContext(browser, { javaScript: false });
  const menteeNoJs = await menteeNoJsContext.newPage();
  await test.step('the mentee registers and applies without JavaScript (a refused try keeps the input)', async () => {
    await menteeNoJs.goto('/registreren');
    await menteeNoJs.getByLabel(/^Naam/).fill(mentee.name);
    await menteeNoJs.getByLabel(/^E-mailadres/).fill(mentee.email);
    await menteeNoJs.getByLabel(/^Wachtwoord/).fill(mentee.password);
    await menteeNoJs.getByRole('main').getByRole('button', { name: 'Account maken' }).click();
    await expect(menteeNoJs).toHaveURL('/registreren/verstuurd');
    const mail = await openEmail(menteeNoJs, { to: mentee.email, subjectIncludes: 'Bevestig je e-mailadres', link: /\/verifieren\// });
    await menteeNoJs.goto(mail.link);
    await menteeNoJs.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await expect(menteeNoJs).toHaveURL(/\/account\?notice=account\.verified#notice$/);

    await menteeNoJs.goto('/mentoraat?gemeente=GM0193');
    await expect(menteeNoJs.getByRole('heading', { level: 3, name: networkName })).toBeVisible();
    await menteeNoJs.getByRole('link', { name: `Mentor aanvragen bij ${networkName}` }).click();
    await expect(menteeNoJs).toHaveURL(`/mentoraat/aanvragen/${networkId}?gemeente=GM0193`);
    await expect(menteeNoJs.getByRole('heading', { level: 1, name: 'Een mentor aanvragen' })).toBeVisible();
    await menteeNoJs.getByLabel('Je gemeente').selectOption({ label: 'Zwolle' });
    await menteeNoJs.getByLabel(/^Je doel in je eigen woorden/).fill('Ik wil weten hoe je raadslid wordt.');
    await menteeNoJs.getByRole('button', { name: 'Aanvraag versturen' }).click();
    // Refused by the server (no topic): the messages at the fields and in the summary, the input kept.
    await expectFieldError(menteeNoJs, 'Kies minstens één onderwerp.');
    await expect(menteeNoJs.getByLabel(/^Je doel in je eigen woorden/)).toHaveValue('Ik wil weten hoe je raadslid wordt.');
    await menteeNoJs.getByLabel('zorg', { exact: true }).check();
    await menteeNoJs.getByLabel('Raadslid worden').check();
    await menteeNoJs.getByRole('group', { name: 'Dinsdag', exact: true }).getByLabel('Dinsdag avond').check();
    await menteeNoJs.getByLabel('Ik heb (nog) geen partij').check();
    await menteeNoJs.getByLabel('Ik heb een beperking of chronische ziekte').check();
    await menteeNoJs.getByLabel(/^Ik geef toestemming/).check();
    await menteeNoJs.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect(menteeNoJs).toHaveURL(/\/account\/mentoraat\?notice=application\.sent#notice$/);
    await expect(menteeNoJs.getByRole('row', { name: new RegExp(networkName) })).toContainText(
      'Je hebt met toestemming gedeeld dat je een beperking hebt.',
    );
  });
  // From here the mentee's browser runs JavaScript (the same session).
  const menteeContext = await newContext(browser, { from: menteeNoJsContext });
  const menteePage = await menteeContext.newPage();
  await menteeNoJsContext.close();

  const runUrl = () => `${networkUrl}/koppelen`;
  const pairsTable = () => page.getByRole('table', { name: 'Voorgestelde koppelingen, met de score en waarom ze passen' });

  await test.step('the coordinator runs the matching: mentor A, with score and reasons; pin and publish', async () => {
    await page.goto(runUrl());
    await expect(page.getByText('Wachtende mentees: 1. Mentoren met een ingevuld profiel: 2.')).toBeVisible();
    await page.getByRole('button', { name: 'Koppelingen zoeken' }).click();
    await waitForDraft(page, runUrl());
    const row = pairsTable().getByRole('row', { name: new RegExp(mentee.name) });
    await expect(row).toContainText(mentorA.name);
    await expect(row).toContainText('Zwolle');
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d+ van 100$/);
    await expect(row.getByRole('listitem').first()).toBeVisible();
    await checkA11y(page);
    await row.getByRole('button', { name: /^Vastzetten/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De koppeling is vastgezet.' })).toBeVisible();
    await expect(pairsTable().getByRole('row', { name: new RegExp(mentee.name) })).toContainText('Vastgezet');
    await page.getByRole('button', { name: 'Voorstel versturen naar de mentoren' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Voorstel verstuurd' })).toBeVisible();
  });

  await test.step('mentor A opens the proposal (no special-category data, no contact details) and declines with a reason', async () => {
    const email = await openEmail(pageA, {
      to: mentorA.email,
      subjectIncludes: `Nieuwe mentee voor jou: ${mentee.firstName}`,
      link: /\/mentor\/voorstellen\//,
    });
    await expect(pageA.locator('pre.pa-mail-text')).not.toContainText(/beperking|ziekte/i);
    await expect(pageA.locator('pre.pa-mail-text')).not.toContainText(mentee.email);
    await pageA.goto(email.link);
    await expect(pageA.getByRole('heading', { level: 1, name: `Voorstel: ${mentee.firstName}` })).toBeVisible();
    const main = pageA.getByRole('main');
    await expect(main).toContainText('Zwolle');
    await expect(main).not.toContainText(/beperking|ziekte|chronisch/i);
    await expect(main).not.toContainText(mentee.email);
    await expect(main).not.toContainText(mentee.name);
    // Declining cannot be undone: its confirmation step asks for the reason.
    await pageA.getByRole('link', { name: 'Nee, ik zeg dit voorstel af' }).click();
    await expect(pageA.getByRole('heading', { level: 3, name: `Voorstel voor ${mentee.firstName} afzeggen?` })).toBeFocused();
    await pageA.getByRole('button', { name: 'Ja, zeg het voorstel af' }).click();
    await expectFieldError(pageA, 'Schrijf kort de reden op.');
    await checkA11y(pageA);
    await pageA.getByLabel(/^Waarom past het niet\?/).fill(declineReason);
    await pageA.getByRole('button', { name: 'Ja, zeg het voorstel af' }).click();
    await expect(pageA.getByText('Je hebt het voorstel afgewezen. Dank je voor je antwoord.')).toBeVisible();
  });

  await test.step('the coordinator sees the reason; a re-run proposes mentor B, never mentor A again', async () => {
    await page.goto(`${networkUrl}/koppelingen`);
    await expect(page.getByText(declineReason)).toBeVisible();
    await checkA11y(page);
    await page.goto(runUrl());
    await page.getByRole('button', { name: 'Koppelingen zoeken' }).click();
    await waitForDraft(page, runUrl());
    await expect(pairsTable().getByRole('row', { name: new RegExp(mentee.name) })).toContainText(mentorB.name);
    await expect(pairsTable()).not.toContainText(mentorA.name);
    await page.getByRole('button', { name: 'Voorstel versturen naar de mentoren' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Voorstel verstuurd' })).toBeVisible();
  });

  let matchPath = '';
  await test.step('mentor B accepts from the email; both get the introduction with contact details', async () => {
    const email = await openEmail(pageB, {
      to: mentorB.email,
      subjectIncludes: `Nieuwe mentee voor jou: ${mentee.firstName}`,
      link: /\/mentor\/voorstellen\//,
    });
    await pageB.goto(email.link);
    await pageB.getByRole('button', { name: `Ja, ik word mentor van ${mentee.firstName}` }).click();
    await expect(pageB.getByText('Je hebt ja gezegd. Jullie krijgen allebei een e-mail met elkaars contactgegevens.')).toBeVisible();
    await checkA11y(pageB);
    await pageA.goto('/mentor');
    await expect(pageA.getByText('Er wacht nu geen voorstel op je antwoord.')).toBeVisible();

    const toMentee = await openEmail(menteePage, { to: mentee.email, subjectIncludes: /^Kennismaken met/, link: /\/koppeling\// });
    await expect(menteePage.locator('pre.pa-mail-text')).toContainText(mentorB.email);
    matchPath = new URL(toMentee.link).pathname;
    await openEmail(pageB, { to: mentorB.email, subjectIncludes: /^Kennismaken met/, link: /\/koppeling\// });
    await expect(pageB.locator('pre.pa-mail-text')).toContainText(mentee.email);
    await expect(pageB.locator('pre.pa-mail-text')).not.toContainText(/beperking|ziekte/i);
  });

  await test.step('the mentee opens the match: why this mentor; logs a check-in the mentor sees', async () => {
    await menteePage.goto(matchPath);
    await expect(menteePage.getByRole('heading', { level: 1, name: new RegExp(`^Koppeling met ${mentorB.firstName}`) })).toBeVisible();
    await expect(menteePage.getByRole('heading', { level: 2, name: `Waarom ${mentorB.name}?` })).toBeVisible();
    await expect(menteePage.getByRole('main')).toContainText(mentorB.email);
    await expect(menteePage.getByText('Nog geen afspraken opgeschreven.')).toBeVisible();
    await checkA11y(menteePage);
    await menteePage.getByRole('radio', { name: 'Online' }).check();
    await menteePage.getByLabel(/^Korte notitie/).fill('Eerste kennismaking, we spraken over de begroting.');
    await menteePage.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect(menteePage.getByText('De afspraak is opgeslagen.')).toBeVisible();
    await pageB.goto(matchPath);
    await expect(pageB.getByRole('table', { name: /^Afspraken met/ })).toContainText('Eerste kennismaking');
    await expect(pageB.getByRole('main')).not.toContainText(/beperking|ziekte|chronisch/i);
    // Nothing shared yet: the mentor sees no needs at all.
    await expect(pageB.getByRole('heading', { name: /nodig heeft bij afspraken/ })).toHaveCount(0);
  });

  // The mentor's session in a second browser without JavaScript (no second login).
  const mentorNoJsContext = await newContext(browser, { javaScript: false, from: pageB.context() });
  const mentorNoJs = await mentorNoJsContext.newPage();
  const note = `Raadsvergadering over de begroting bezocht (${suffix})`;

  await test.step('route: the mentee (JavaScript on) ticks the first step with a note', async () => {
    await menteePage.goto(matchPath);
    const route = menteePage.getByRole('region', { name: 'Route naar de lijst' });
    await expect(route).toContainText('De partijen leveren hun lijsten in op');
    const step = route.getByRole('form', { name: 'Bezoek een raadsvergadering' });
    await step.getByRole('checkbox', { name: 'Ik heb deze stap gedaan' }).check();
    await step.getByLabel(/^Notitie/).fill(note);
    await step.getByRole('button', { name: 'Opslaan: Bezoek een raadsvergadering' }).click();
    await expectNotice(menteePage, 'De stap is opgeslagen.');
    await expect(step.getByRole('checkbox', { name: 'Ik heb deze stap gedaan' })).toBeChecked();
    await expect(step.getByLabel(/^Notitie/)).toHaveValue(note);
    await expect(
      route.getByRole('listitem').filter({ has: menteePage.getByRole('heading', { name: 'Bezoek een raadsvergadering' }) }),
    ).toContainText('Gedaan op');
    await checkA11y(menteePage);
  });

  await test.step('route: the mentor (JavaScript off) sees the note and ticks another step with a note', async () => {
    await mentorNoJs.goto(matchPath);
    const route = mentorNoJs.getByRole('region', { name: 'Route naar de lijst' });
    await expect(route.getByRole('form', { name: 'Bezoek een raadsvergadering' }).getByLabel(/^Notitie/)).toHaveValue(note);
    const step = route.getByRole('form', { name: 'Praat met een lokale partij' });
    await step.getByRole('checkbox', { name: 'Ik heb deze stap gedaan' }).check();
    await step.getByLabel(/^Notitie/).fill('Samen naar de ledenavond geweest.');
    await step.getByRole('button', { name: 'Opslaan: Praat met een lokale partij' }).click();
    await expectNotice(mentorNoJs, 'De stap is opgeslagen.');
    const saved = mentorNoJs.getByRole('region', { name: 'Route naar de lijst' });
    await expect(saved.getByRole('form', { name: 'Praat met een lokale partij' }).getByLabel(/^Notitie/)).toHaveValue(
      'Samen naar de ledenavond geweest.',
    );
    await expect(mentorNoJs.getByText(`Het laatst bijgewerkt door ${mentorB.name}`)).toBeVisible();
  });

  const routeUrl = () => `${networkUrl}/route`;
  await test.step('route: the coordinator sees the counts per step', async () => {
    await page.goto(routeUrl());
    await expect(page.getByRole('navigation', { name: 'Pagina’s van dit netwerk' }).locator('[aria-current="page"]')).toHaveText(
      'Route naar de lijst',
    );
    const counts = await routeCounts(page);
    // The network's only mentee did two steps; the second is the furthest.
    expect(counts['Bezoek een raadsvergadering']).toEqual([1, 0]);
    expect(counts['Praat met een lokale partij']).toEqual([1, 1]);
    expect(counts['Op de lijst']).toEqual([0, 0]);
    await checkA11y(page);
  });

  await test.step('route: the coordinator moves a step into the next two weeks; the mentee gets the reminder', async () => {
    const today = amsterdamToday();
    // The step's suggested date becomes 13 days from today (a reminder goes out from 14 days before).
    const daysBefore = Math.round((Date.parse(nextMunicipalDeadline(today)) - Date.parse(today)) / DAY_MS) - 13;
    const third = page.getByRole('region', { name: 'Stappen aanpassen' }).getByRole('group', { name: 'Stap 3' });
    await expect(third.getByLabel(/^Naam van de stap in het Nederlands/)).toHaveValue('Vraag naar de selectieprocedure');
    await third.getByLabel(/^Aantal dagen vóór de kandidaatstelling/).fill(String(daysBefore));
    await page.getByRole('button', { name: 'Route opslaan' }).click();
    await expectNotice(page, 'De route is opgeslagen.');
    const mail = await openEmail(menteePage, {
      to: mentee.email,
      subjectIncludes: 'Over twee weken: de volgende stap op je route naar de lijst',
      link: /\/koppeling\//,
    });
    await expect(menteePage.getByRole('main')).toContainText('Vraag naar de selectieprocedure');
    expect(mail.link).toContain(`${matchPath}#route`);
  });

  await test.step('meeting 1: the mentee proposes (a refused form first)', async () => {
    await menteePage.goto(matchPath);
    const form = menteePage.getByRole('region', { name: 'Nieuwe afspraak voorstellen' });
    await form.getByRole('button', { name: 'Afspraak voorstellen' }).click();
    await expectFieldError(menteePage, 'Vul de datum in');
    await expectFieldError(menteePage, 'Vul een plaats of een videolink in.');
    await expect(menteePage.locator('.pa-error-summary')).toBeFocused();
    await form.getByLabel(/^Datum/).fill(inDays(14));
    await form.getByLabel(/^Begintijd/).fill('19:30');
    await form.getByLabel(/^Plaats/).fill('Stadhuis, raadzaal');
    await form.getByRole('button', { name: 'Afspraak voorstellen' }).click();
    await expect(menteePage.getByRole('status').filter({ hasText: 'Je voorstel is verstuurd.' })).toBeVisible();
    await expect(menteePage.getByRole('table', { name: /^Geplande afspraken met / })).toContainText('Jouw voorstel: wacht op');
    await checkA11y(menteePage);
  });

  await test.step('meeting 1: the mentor proposes another time without JavaScript (a refused try keeps the input)', async () => {
    await mentorNoJs.goto(matchPath);
    await mentorNoJs.getByRole('link', { name: /^Andere tijd voorstellen/ }).click();
    const form = mentorNoJs.getByRole('region', { name: /^Andere tijd voorstellen voor de afspraak van / });
    await form.getByLabel(/^Datum/).fill(inDays(16));
    await form.getByLabel(/^Begintijd/).fill('20:00');
    await form.getByLabel(/^Plaats/).fill('');
    await form.getByLabel(/^Videolink/).fill('geen-link');
    await form.getByRole('button', { name: 'Andere tijd voorstellen' }).click();
    await expectFieldError(mentorNoJs, 'Vul een videolink in die begint met https://.');
    await expect(mentorNoJs.locator('.pa-error-summary')).toBeFocused();
    await expect(form.getByLabel(/^Begintijd/)).toHaveValue('20:00');
    await form.getByLabel(/^Videolink/).fill('https://meet.example/raad');
    await form.getByRole('button', { name: 'Andere tijd voorstellen' }).click();
    await expect(mentorNoJs.getByRole('status').filter({ hasText: 'Je hebt een andere tijd voorgesteld.' })).toBeVisible();
  });

  await test.step('meeting 1: the mentee accepts, the mentor cancels; meeting 2: the mentor proposes, the mentee declines', async () => {
    await menteePage.goto(matchPath);
    await menteePage.getByRole('button', { name: /^Ja, dit past/ }).click();
    await expect(menteePage.getByRole('status').filter({ hasText: 'De afspraak staat vast.' })).toBeVisible();
    await mentorNoJs.goto(matchPath);
    await mentorNoJs.getByRole('button', { name: /^Afzeggen/ }).click();
    await expect(mentorNoJs.getByRole('status').filter({ hasText: 'De afspraak is afgezegd.' })).toBeVisible();
    const form = mentorNoJs.getByRole('region', { name: 'Nieuwe afspraak voorstellen' });
    await form.getByLabel(/^Datum/).fill(inDays(21));
    await form.getByLabel(/^Begintijd/).fill('18:00');
    await form.getByLabel(/^Plaats/).fill('Café De Raad');
    await form.getByRole('button', { name: 'Afspraak voorstellen' }).click();
    await expect(mentorNoJs.getByRole('status').filter({ hasText: 'Je voorstel is verstuurd.' })).toBeVisible();
    await menteePage.goto(matchPath);
    await menteePage.getByRole('button', { name: /^Nee, dit past niet/ }).click();
    await expect(menteePage.getByRole('status').filter({ hasText: 'Je hebt nee gezegd.' })).toBeVisible();
    const table = menteePage.getByRole('table', { name: /^Geplande afspraken met / });
    await expect(table).toContainText('Afgezegd');
    await expect(table).toContainText('Gaat niet door');
  });

  await test.step('the calendar files, read by ical.js: per meeting one UID, SEQUENCE up, REQUEST then CANCEL', async () => {
    for (const to of [mentee.email, mentorB.email]) {
      await expect(async () => {
        const files = await meetingCalendars(page, to);
        expect(files).toHaveLength(6);
        expect(new Set(files.map((f) => f.uid)).size).toBe(2);
        const [first, second] = [files.filter((f) => f.uid === files[0]!.uid), files.filter((f) => f.uid !== files[0]!.uid)];
        // Meeting 1: proposed, another time, accepted, cancelled.
        expect(first.map((f) => f.method)).toEqual(['REQUEST', 'REQUEST', 'REQUEST', 'CANCEL']);
        expect(first.map((f) => f.contentType)).toEqual([
          'text/calendar; charset=utf-8; method=REQUEST',
          'text/calendar; charset=utf-8; method=REQUEST',
          'text/calendar; charset=utf-8; method=REQUEST',
          'text/calendar; charset=utf-8; method=CANCEL',
        ]);
        expect(first.map((f) => f.sequence)).toEqual([0, 1, 2, 3]);
        expect(first.map((f) => f.status)).toEqual(['TENTATIVE', 'TENTATIVE', 'CONFIRMED', 'CANCELLED']);
        expect(first[1]!.start.toISOString().slice(0, 10)).toBe(inDays(16));
        // Meeting 2: proposed, declined.
        expect(second.map((f) => f.method)).toEqual(['REQUEST', 'CANCEL']);
        expect(second.map((f) => f.sequence)).toEqual([0, 1]);
        expect(second.map((f) => f.status)).toEqual(['TENTATIVE', 'CANCELLED']);
        for (const f of files) {
          expect(f.organizer?.email, 'ORGANIZER').toBeTruthy();
          expect(f.attendees.map((a) => a.toLowerCase()).sort()).toEqual([mentee.email, mentorB.email].map((a) => a.toLowerCase()).sort());
        }
      }).toPass({ timeout: 180_000, intervals: [1_000, 2_000, 5_000] });
    }
  });

  await test.step('needs: shared with consent (refused without it); on /account/privacy with its text version; the mentor sees them', async () => {
    await menteePage.goto(matchPath);
    const section = menteePage.getByRole('region', { name: 'Wat je nodig hebt bij afspraken' });
    await section.getByRole('checkbox', { name: /Nederlandse Gebarentaal/ }).check();
    await section.getByLabel(/^Iets anders/).fill('Graag een rustige plek');
    await section.getByRole('button', { name: /^Delen met / }).click();
    await expectFieldError(menteePage, 'Zet een vinkje als je wilt dat je mentor dit ziet.');
    await section.getByRole('checkbox', { name: /Ik wil dat .* dit ziet/ }).check();
    await section.getByRole('button', { name: /^Delen met / }).click();
    await expect(menteePage.getByRole('status').filter({ hasText: 'Gedeeld.' })).toBeVisible();
    await checkA11y(menteePage);

    await menteePage.goto('/account/privacy');
    const row = menteePage.getByRole('row').filter({ hasText: 'Wat je je mentor laat weten' });
    await expect(row).toContainText('Tekst van december 2026');
    await expect(row.getByRole('link', { name: /^Toestemming intrekken/ })).toBeVisible();
    const exported = await (await menteePage.request.get('/account/privacy/export.json')).json();
    expect(JSON.stringify(exported.sharedNeeds)).toContain('Graag een rustige plek');

    await mentorNoJs.goto(matchPath);
    const shared = mentorNoJs.getByRole('region', { name: /nodig heeft bij afspraken/ });
    await expect(shared).toContainText('Een tolk Nederlandse Gebarentaal (NGT)');
    await expect(shared).toContainText('Graag een rustige plek');
  });

  await test.step('needs: the mentee withdraws the consent on /account/privacy; the mentor sees nothing any more', async () => {
    await menteePage.goto('/account/privacy');
    const row = menteePage.getByRole('row').filter({ hasText: 'Wat je je mentor laat weten' });
    await row.getByRole('link', { name: /^Toestemming intrekken/ }).click();
    await menteePage.getByRole('button', { name: 'Ja, trek mijn toestemming in' }).click();
    await expect(menteePage.getByRole('status').filter({ hasText: 'Je mentor ziet niet meer wat je nodig hebt.' })).toBeVisible();
    await expect(menteePage.getByRole('row').filter({ hasText: 'Wat je je mentor laat weten' })).toContainText('Ingetrokken');
    await mentorNoJs.goto(matchPath);
    await expect(mentorNoJs.getByText('Graag een rustige plek')).toHaveCount(0);
    await expect(mentorNoJs.getByRole('heading', { name: /nodig heeft bij afspraken/ })).toHaveCount(0);
  });

  await test.step('the coordinator sees the active match', async () => {
    await page.goto(`${networkUrl}/koppelingen`);
    const active = page.getByRole('table', { name: /Actieve koppelingen/ });
    await expect(active.getByRole('row', { name: new RegExp(mentee.name) })).toContainText(mentorB.name);
  });

  // Last: the answer queues the report's suppression job, which holds an embedded database for a while.
  await test.step('route: the mentee ticks "Op de lijst": the outcome question is answered', async () => {
    await menteePage.goto(matchPath);
    const route = menteePage.getByRole('region', { name: 'Route naar de lijst' });
    await route.getByRole('form', { name: 'Op de lijst' }).getByRole('checkbox', { name: 'Ik heb deze stap gedaan' }).check();
    await route.getByRole('button', { name: 'Opslaan: Op de lijst' }).click();
    await expectNotice(menteePage, 'We hebben ook genoteerd dat je op een lijst staat.');
    await menteePage.goto('/account/kandidaat');
    const election = menteePage.getByRole('region', { name: 'Gemeenteraadsverkiezingen 2030' });
    await expect(
      election.getByRole('group', { name: 'Stond je op een kandidatenlijst?' }).getByRole('radio', { name: 'Ja' }),
    ).toBeChecked();
  });

  await test.step('in English: the route, the meetings and the needs form', async () => {
    await menteeContext.addCookies([{ name: 'pa_lang', value: 'en', url: new URL(menteePage.url()).origin }]);
    await menteePage.goto(matchPath);
    const route = menteePage.getByRole('region', { name: 'Route to the list' });
    await expect(route).toContainText('The parties hand in their lists on');
    const step = route.getByRole('form', { name: 'Talk to a local party' });
    await expect(step.getByRole('checkbox', { name: 'I have done this step' })).toBeChecked();
    await expect(route.getByRole('heading', { level: 3, name: 'Reminders' })).toBeVisible();
    await expect(route).toContainText('Done on');
    await expect(route).not.toContainText('Gedaan op');
    await expect(menteePage.getByRole('heading', { level: 2, name: 'Plan meetings' })).toBeVisible();
    await expect(menteePage.getByRole('table', { name: /^Planned meetings with / })).toContainText('Cancelled');
    await expect(menteePage.getByRole('heading', { level: 2, name: 'What you need for meetings' })).toBeVisible();
    await checkA11y(menteePage);
  });

  await test.step('the mentee ends the match through its confirmation step: "Nee" keeps it; an empty reason is refused at the step', async () => {
    await menteeContext.addCookies([{ name: 'pa_lang', value: 'nl', url: new URL(menteePage.url()).origin }]);
    // With JavaScript: the link opens the step in the page, its heading takes the focus.
    await menteePage.goto(matchPath);
    const endLink = (p: Page) => p.getByRole('link', { name: `Koppeling met ${mentorB.name} stoppen` });
    const stepHeading = (p: Page) => p.getByRole('heading', { level: 3, name: `Koppeling met ${mentorB.name} stoppen?` });
    await endLink(menteePage).click();
    await expect(stepHeading(menteePage)).toBeFocused();
    await checkA11y(menteePage);
    await menteePage.getByRole('link', { name: 'Nee, niet stoppen' }).click();
    await expect(stepHeading(menteePage)).toHaveCount(0);
    await expect(endLink(menteePage)).toBeVisible();

    // Without JavaScript: the step is a page of its own, opened at its heading; "Ja" does it.
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await menteeContext.storageState() });
    const noJs = await context.newPage();
    try {
      await noJs.goto(matchPath);
      await endLink(noJs).click();
      await expect(noJs).toHaveURL(/\?stoppen=[0-9a-f-]{36}#stoppen$/);
      await expect(stepHeading(noJs)).toBeFocused();
      await noJs.getByRole('button', { name: 'Ja, koppeling stoppen' }).click();
      await expectFieldError(noJs, 'Schrijf kort de reden op.');
      await expect(noJs.locator('.pa-error-summary')).toBeFocused();
      await expect(stepHeading(noJs)).toBeVisible();
      await noJs.getByLabel(/^Waarom stop je\?/).fill('We zien elkaar al via de fractie.');
      await noJs.getByRole('button', { name: 'Ja, koppeling stoppen' }).click();
      await expect(noJs.getByRole('status')).toContainText('De koppeling is gestopt.');
      await expect(endLink(noJs)).toHaveCount(0);
    } finally {
      await context.close();
    }
    await page.goto(`${networkUrl}/koppelingen?status=finished`);
    // The coordinator reads the reason among the finished matches.
    await expect(page.getByRole('main').getByText('We zien elkaar al via de fractie.')).toBeVisible();
  });

  for (const p of [pageA, pageB, menteePage, mentorNoJs]) await p.context().close();
});
