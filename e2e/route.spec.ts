import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { demo, expect, logInByLink, logInWithPassword, reachAcceptedDemoMatch, test } from './fixtures';

// Issue 17, points 1–3 in the browser, on the demo data: the demo mentor's accepted match (accepted
// here if its proposal still waits, or as meetings.spec.ts left it). The mentee ticks a step with a
// note (JavaScript on), the mentor ticks another with a note (JavaScript off); the coordinator sees
// the counts per step go up, and moves a step into the next two weeks: the mentee gets the route
// reminder in the mailbox (a saved template queues its network's reminder run). Then the mentee
// ticks "Op de lijst", which answers the outcome question on /account/kandidaat (last: the answer
// queues the report's suppression job, which holds the embedded database for a while). axe on the
// pages; English once.
// It runs on every push: one password login per person at most, no waits but for what it checks.

const NETWORK = 'Vrouwen in de Raad';
const DAY_MS = 86_400_000;

/** Today in Amsterdam, as YYYY-MM-DD. */
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** The next municipal list deadline on or after today, from the election calendar the app loads. */
function nextMunicipalDeadline(today: string) {
  const rows = readFileSync(new URL('../db/data/verkiezingen.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const deadlines = rows
    .map((line) => line.split(','))
    .filter(([, kind, , , deadline]) => kind === 'municipal' && deadline! >= today)
    .map(([, , , , deadline]) => deadline!)
    .sort();
  return deadlines[0]!;
}

/**
 * The notice after an action: inside role=status, with focus on it (read out by a screen reader). A
 * save may wait behind the report's suppression job on the one embedded database (ADR 017's marks, queued 30 s after a change such as the accepted match): up to 60 s.
 */
async function expectNotice(page: Page, text: string) {
  await expect(page.locator('[role="status"] > #notice')).toContainText(text, { timeout: 60_000 });
  await expect(page.locator('#notice')).toBeFocused();
}

/** The counts table on the network's route page: step title → [done, furthest]. */
async function counts(page: Page) {
  const table = page.getByRole('table', { name: /^Hoe ver de mentees zijn/ });
  await expect(table).toBeVisible();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())));
  return Object.fromEntries(rows.map(([title, reached, furthest]) => [title!, [Number(reached), Number(furthest)] as const]));
}

test('the candidacy route: ticked by mentee and mentor, "on the list" answered, counted, a reminder sent', async ({
  page,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(240_000);
  const { matchPath, menteeEmail } = await test.step('the demo mentor has an accepted match', () => reachAcceptedDemoMatch(page));

  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  let routeUrl = '';
  let before: Awaited<ReturnType<typeof counts>> = {};
  await test.step('the coordinator opens the network’s route page: the counts before', async () => {
    await logInWithPassword(coordinator, demo.coordinator.email, demo.coordinator.password);
    await expect(coordinator).toHaveURL('/beheer');
    await coordinator.goto('/beheer/netwerken');
    const network = await coordinator.getByRole('link', { name: NETWORK, exact: true }).first().getAttribute('href');
    expect(network).toMatch(/^\/beheer\/netwerken\/[0-9a-f-]{36}$/);
    routeUrl = `${network}/route`;
    await coordinator.goto(routeUrl);
    // In the network's layout: its name as the heading, the route's tab marked.
    await expect(coordinator.getByRole('heading', { level: 1, name: NETWORK })).toBeVisible();
    await expect(coordinator.getByRole('navigation', { name: 'Pagina’s van dit netwerk' }).locator('[aria-current="page"]')).toHaveText(
      'Route naar de lijst',
    );
    before = await counts(coordinator);
    expect(Object.keys(before)).toContain('Bezoek een raadsvergadering');
    expect(Object.keys(before)).toContain('Op de lijst');
  });

  const menteeContext = await browser.newContext();
  const mentee = await menteeContext.newPage();
  const note = `Raadsvergadering over de begroting bezocht (${Date.now().toString(36)})`;
  await test.step('the mentee (JavaScript on) ticks the first step with a note', async () => {
    await logInByLink(mentee, openEmail, menteeEmail);
    await mentee.goto(matchPath);
    const route = mentee.getByRole('region', { name: 'Route naar de lijst' });
    await expect(route).toContainText('De partijen leveren hun lijsten in op');
    const step = route.getByRole('form', { name: 'Bezoek een raadsvergadering' });
    await step.getByRole('checkbox', { name: 'Ik heb deze stap gedaan' }).check();
    await step.getByLabel(/^Notitie/).fill(note);
    await step.getByRole('button', { name: 'Opslaan: Bezoek een raadsvergadering' }).click();
    await expectNotice(mentee, 'De stap is opgeslagen.');
    await expect(step.getByRole('checkbox', { name: 'Ik heb deze stap gedaan' })).toBeChecked();
    await expect(step.getByLabel(/^Notitie/)).toHaveValue(note);
    await expect(
      route.getByRole('listitem').filter({ has: mentee.getByRole('heading', { name: 'Bezoek een raadsvergadering' }) }),
    ).toContainText('Gedaan op');
    await checkA11y(mentee);
  });

  // The mentor's session from the first page, in a context without JavaScript (no second login).
  const mentorContext = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const mentor = await mentorContext.newPage();
  await test.step('the mentor (JavaScript off) sees the note and ticks another step with a note', async () => {
    await mentor.goto(matchPath);
    const route = mentor.getByRole('region', { name: 'Route naar de lijst' });
    await expect(route.getByRole('form', { name: 'Bezoek een raadsvergadering' }).getByLabel(/^Notitie/)).toHaveValue(note);
    const step = route.getByRole('form', { name: 'Praat met een lokale partij' });
    await step.getByRole('checkbox', { name: 'Ik heb deze stap gedaan' }).check();
    await step.getByLabel(/^Notitie/).fill('Samen naar de ledenavond geweest.');
    await step.getByRole('button', { name: 'Opslaan: Praat met een lokale partij' }).click();
    await expectNotice(mentor, 'De stap is opgeslagen.');
    const saved = mentor.getByRole('region', { name: 'Route naar de lijst' });
    await expect(saved.getByRole('form', { name: 'Praat met een lokale partij' }).getByLabel(/^Notitie/)).toHaveValue(
      'Samen naar de ledenavond geweest.',
    );
    await expect(mentor.getByText(`Het laatst bijgewerkt door ${demo.mentor.name}`)).toBeVisible();
    await expect(
      saved.getByRole('listitem').filter({ has: mentor.getByRole('heading', { name: 'Praat met een lokale partij' }) }),
    ).toContainText('Gedaan op');
  });

  await test.step('the coordinator sees both steps counted', async () => {
    await coordinator.goto(routeUrl);
    const after = await counts(coordinator);
    for (const title of ['Bezoek een raadsvergadering', 'Praat met een lokale partij']) {
      expect(after[title]![0], title).toBe(before[title]![0] + 1);
    }
    // The mentee's furthest step is now the second one.
    expect(after['Praat met een lokale partij']![1]).toBe(before['Praat met een lokale partij']![1] + 1);
    await checkA11y(coordinator);
  });

  await test.step('the coordinator moves a step into the next two weeks: the mentee gets the reminder', async () => {
    const today = amsterdamToday();
    const deadline = nextMunicipalDeadline(today);
    // The step's suggested date becomes 13 days from today (a reminder goes out from 14 days before).
    const daysBefore = Math.round((Date.parse(deadline) - Date.parse(today)) / DAY_MS) - 13;
    const third = coordinator.getByRole('region', { name: 'Stappen aanpassen' }).getByRole('group', { name: 'Stap 3' });
    await expect(third.getByLabel(/^Naam van de stap in het Nederlands/)).toHaveValue('Vraag naar de selectieprocedure');
    await third.getByLabel(/^Aantal dagen vóór de kandidaatstelling/).fill(String(daysBefore));
    await coordinator.getByRole('button', { name: 'Route opslaan' }).click();
    await expectNotice(coordinator, 'De route is opgeslagen.');
    const mail = await openEmail(mentee, {
      to: menteeEmail,
      subjectIncludes: 'Over twee weken: de volgende stap op je route naar de lijst',
      link: /\/koppeling\//,
      timeout: 45_000,
    });
    await expect(mentee.getByRole('main')).toContainText('Vraag naar de selectieprocedure');
    expect(mail.link).toContain(`${matchPath}#route`);
  });

  await test.step('the mentee ticks "Op de lijst": the outcome question is answered', async () => {
    await mentee.goto(matchPath);
    const route = mentee.getByRole('region', { name: 'Route naar de lijst' });
    await route.getByRole('form', { name: 'Op de lijst' }).getByRole('checkbox', { name: 'Ik heb deze stap gedaan' }).check();
    await route.getByRole('button', { name: 'Opslaan: Op de lijst' }).click();
    await expectNotice(mentee, 'We hebben ook genoteerd dat je op een lijst staat.');
    await mentee.goto('/account/kandidaat');
    const election = mentee.getByRole('region', { name: 'Gemeenteraadsverkiezingen 2030' });
    await expect(
      election.getByRole('group', { name: 'Stond je op een kandidatenlijst?' }).getByRole('radio', { name: 'Ja' }),
    ).toBeChecked();
  });

  await test.step('the route section in English', async () => {
    await menteeContext.addCookies([{ name: 'pa_lang', value: 'en', url: new URL(mentee.url()).origin }]);
    await mentee.goto(matchPath);
    const route = mentee.getByRole('region', { name: 'Route to the list' });
    await expect(route).toContainText('The parties hand in their lists on');
    const step = route.getByRole('form', { name: 'Talk to a local party' });
    await expect(step.getByRole('checkbox', { name: 'I have done this step' })).toBeChecked();
    await expect(step.getByRole('button', { name: 'Save: Talk to a local party' })).toBeVisible();
    await expect(route.getByRole('heading', { level: 3, name: 'Reminders' })).toBeVisible();
    await expect(route).toContainText('Done on');
    await expect(route).not.toContainText('Gedaan op');
    await checkA11y(mentee);
  });

  await coordinatorContext.close();
  await menteeContext.close();
  await mentorContext.close();
});
