import type { Browser, Page } from '@playwright/test';
import { demo, expect, expectFieldError, logInWithPassword, test } from './fixtures';

// Issue 17, points 1 and 3 in the browser, on the demo data: the demo mentor's match (accepted here
// if its proposal still waits, or as meetings.spec.ts left it), the mentee ticks a step with a note
// (JavaScript on), the mentor ticks another (JavaScript off), the coordinator sees the counts per step
// go up and edits the template (a refused try, then a good one). axe on each page; English for the
// match page's route section.

// Generous: the machine is shared, and a password login hashes on purpose slowly.
test.use({ actionTimeout: 30_000, navigationTimeout: 30_000 });

/** The demo mentor (db/seed-mentoring.ts), whose match is in the network "Vrouwen in de Raad". */
const demoMentor = { email: 'mentor@politiekactief.example', password: 'Demo-mentor-2026' };
const NETWORK = 'Vrouwen in de Raad';

async function context(browser: Browser, options: { javaScript?: boolean; locale?: string } = {}) {
  return browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    locale: options.locale ?? 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
}

/** The notice after an action: inside role=status, with focus on it (read out by a screen reader). */
async function expectNotice(page: Page, text: string) {
  await expect(page.locator('[role="status"] > #notice')).toContainText(text);
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

// NOT YET GREEN (helper h/route2, 7 Dec): under load average 11–14 the runs failed at different
// places (a password login, a notice wait, a 30 s page load), never on the same assertion twice; one
// run got through the mentee's and the mentor's steps, then ran out of time. fixme until it passes
// twice on a quieter machine.
test.fixme('the candidacy route: ticked by mentee and mentor, counted and edited by the coordinator', async ({
  page,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(600_000);
  let matchPath = '';
  let menteeEmail = '';
  let routeUrl = '';
  let before: Awaited<ReturnType<typeof counts>> = {};

  await test.step('the demo mentor has an accepted match (accepting the proposal if it still waits)', async () => {
    await logInWithPassword(page, demoMentor.email, demoMentor.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await page.goto('/mentor');
    const open = page.getByRole('link', { name: /^Voorstel apart openen/ });
    if ((await open.count()) > 0) {
      await open.first().click();
      await page.getByRole('button', { name: /^Ja, ik word mentor van / }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Je hebt ja gezegd' })).toBeVisible();
      await page.goto('/mentor');
    }
    const href = await page
      .locator('a[href^="/koppeling/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!).find((h) => /^\/koppeling\/[0-9a-f-]{36}$/.test(h)));
    expect(href).toBeTruthy();
    matchPath = href!;
    await page.goto(matchPath);
    menteeEmail = (await page.locator('a[href^="mailto:"]').first().textContent())!.trim();
    await expect(page.getByRole('region', { name: 'Route naar de lijst' })).toBeVisible();
  });

  const coordinatorContext = await context(browser);
  const coordinator = await coordinatorContext.newPage();
  await test.step('the coordinator opens the route page of the network: the counts before', async () => {
    await logInWithPassword(coordinator, demo.coordinator.email, demo.coordinator.password);
    await expect(coordinator).toHaveURL('/beheer');
    await coordinator.goto('/beheer/netwerken');
    const network = await coordinator.getByRole('link', { name: NETWORK, exact: true }).first().getAttribute('href');
    expect(network).toMatch(/^\/beheer\/netwerken\/[0-9a-f-]{36}$/);
    routeUrl = `${network}/route`;
    await coordinator.goto(routeUrl);
    await expect(coordinator.getByRole('heading', { level: 2, name: 'Route naar de lijst' })).toBeVisible();
    before = await counts(coordinator);
    expect(Object.keys(before)).toContain('Bezoek een raadsvergadering');
    expect(Object.keys(before)).toContain('Op de lijst');
  });

  const menteeContext = await context(browser);
  const mentee = await menteeContext.newPage();
  const note = `Raadsvergadering over de begroting bezocht (${Date.now().toString(36)})`;
  await test.step('the mentee (JavaScript on) ticks the first step with a note', async () => {
    await mentee.goto('/inloggen');
    const section = mentee.getByRole('region', { name: 'Met een link in je e-mail' });
    await section.getByLabel(/^E-mailadres/).fill(menteeEmail);
    await section.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    const mail = await openEmail(mentee, { to: menteeEmail, subjectIncludes: 'inloglink', link: /\/inloggen\/link\// });
    await mentee.goto(mail.link);
    await mentee.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    await expect(mentee).toHaveURL('/account');
    await mentee.goto(matchPath);
    const route = mentee.getByRole('region', { name: 'Route naar de lijst' });
    await expect(route).toContainText('De partijen leveren hun lijsten in op');
    await checkA11y(mentee);

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

  const mentorContext = await context(browser, { javaScript: false });
  const mentor = await mentorContext.newPage();
  await test.step('the mentor (JavaScript off) sees the note and ticks another step', async () => {
    await logInWithPassword(mentor, demoMentor.email, demoMentor.password);
    await expect(mentor).not.toHaveURL(/\/inloggen/);
    await mentor.goto(matchPath);
    const route = mentor.getByRole('region', { name: 'Route naar de lijst' });
    await expect(route.getByRole('form', { name: 'Bezoek een raadsvergadering' }).getByLabel(/^Notitie/)).toHaveValue(note);
    const step = route.getByRole('form', { name: 'Praat met een lokale partij' });
    await step.getByRole('checkbox', { name: 'Ik heb deze stap gedaan' }).check();
    await step.getByLabel(/^Notitie/).fill('Samen naar de ledenavond geweest.');
    await step.getByRole('button', { name: 'Opslaan: Praat met een lokale partij' }).click();
    await expectNotice(mentor, 'De stap is opgeslagen.');
    await expect(mentor.getByRole('checkbox', { name: 'Ik heb deze stap gedaan', checked: true })).toHaveCount(2);
    await expect(mentor.getByText('Het laatst bijgewerkt door Marieke Mentor')).toBeVisible();
    await expect(
      route.getByRole('listitem').filter({ has: mentor.getByRole('heading', { name: 'Praat met een lokale partij' }) }),
    ).toContainText('Gedaan op');
    await checkA11y(mentor);
  });

  await test.step('the coordinator sees both steps counted', async () => {
    await coordinator.goto(routeUrl);
    const after = await counts(coordinator);
    const [visitBefore] = before['Bezoek een raadsvergadering']!;
    const [talkBefore, talkFurthestBefore] = before['Praat met een lokale partij']!;
    expect(after['Bezoek een raadsvergadering']![0]).toBe(visitBefore + 1);
    expect(after['Praat met een lokale partij']![0]).toBe(talkBefore + 1);
    // The mentee's furthest step is now the second one.
    expect(after['Praat met een lokale partij']![1]).toBe(talkFurthestBefore + 1);
    await expect(coordinator.getByText('Nog geen enkele mentee heeft een stap aangevinkt.')).toHaveCount(0);
    await checkA11y(coordinator);
  });

  await test.step('the coordinator edits the template: a refused try, then a good one', async () => {
    const form = coordinator.getByRole('region', { name: 'Stappen aanpassen' });
    const first = form.getByRole('group', { name: 'Stap 1' });
    await first.getByLabel(/^Naam van de stap in het Nederlands/).fill('');
    await form.getByRole('button', { name: 'Route opslaan' }).click();
    await expectFieldError(coordinator, 'Vul de naam van stap 1 in het Nederlands in');
    await expect(coordinator.locator('.pa-error-summary')).toBeFocused();
    await coordinator.locator('.pa-error-summary').getByRole('link', { name: 'Vul de naam van stap 1 in het Nederlands in' }).click();
    await expect(first.getByLabel(/^Naam van de stap in het Nederlands/)).toBeFocused();
    await checkA11y(coordinator);

    await first.getByLabel(/^Naam van de stap in het Nederlands/).fill('Bezoek twee raadsvergaderingen');
    await first.getByLabel(/^Aantal dagen vóór de kandidaatstelling/).fill('470');
    await form.getByRole('button', { name: 'Route opslaan' }).click();
    await expectNotice(coordinator, 'De route is opgeslagen.');
    await expect(first.getByLabel(/^Naam van de stap in het Nederlands/)).toHaveValue('Bezoek twee raadsvergaderingen');
    await expect(first.getByLabel(/^Aantal dagen vóór de kandidaatstelling/)).toHaveValue('470');
    const after = await counts(coordinator);
    expect(after['Bezoek twee raadsvergaderingen']![0]).toBe(before['Bezoek een raadsvergadering']![0] + 1);
  });

  await test.step('the mentee sees the renamed step; the route section in English', async () => {
    await mentee.goto(matchPath);
    await expect(
      mentee
        .getByRole('region', { name: 'Route naar de lijst' })
        .getByRole('heading', { level: 3, name: 'Bezoek twee raadsvergaderingen' }),
    ).toBeVisible();
    await menteeContext.addCookies([{ name: 'pa_lang', value: 'en', url: new URL(mentee.url()).origin }]);
    await mentee.goto(matchPath);
    const route = mentee.getByRole('region', { name: 'Route to the list' });
    await expect(route).toContainText('The parties hand in their lists on');
    const step = route.getByRole('form', { name: 'Talk to a local party' });
    await expect(step.getByRole('checkbox', { name: 'I have done this step' })).toBeChecked();
    await expect(step.getByRole('button', { name: 'Save: Talk to a local party' })).toBeVisible();
    await expect(route.getByRole('heading', { level: 3, name: 'On the list' })).toBeVisible();
    await expect(route.getByRole('heading', { level: 3, name: 'Reminders' })).toBeVisible();
    await expect(route).toContainText('Done on');
    await expect(route).not.toContainText('Gedaan op');
    await checkA11y(mentee);
  });

  await coordinatorContext.close();
  await menteeContext.close();
  await mentorContext.close();
});
