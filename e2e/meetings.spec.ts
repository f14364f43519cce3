import type { Browser, BrowserContext, Page } from '@playwright/test';
import { parseCalendar } from '../test/calendar';
import { demo, expect, expectFieldError, logInByLink, reachAcceptedDemoMatch, test } from './fixtures';

// Issue 17, points 4–6 on the demo data: the demo mentor's accepted match (the proposal waiting for
// them, accepted by the shared set-up in fixtures.ts); the mentee logs in by link. Meetings: propose (with JavaScript) → another time (the mentor, without
// JavaScript) → accept → cancel, every calendar file read back with ical.js (one UID, SEQUENCE up,
// METHOD REQUEST then CANCEL). Needs: shared with consent, seen by the mentor, withdrawn on
// /account/privacy, gone for the mentor. axe on the pages, Dutch and English.

test.use({ actionTimeout: 15_000 });

const inDays = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};

async function context(browser: Browser, options: { javaScript?: boolean } = {}) {
  return browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
}

/** The calendar files of every meeting email to `to`, oldest first, parsed. */
async function meetingCalendars(page: Page, to: string) {
  await page.goto(`/dev/mailbox?adres=${encodeURIComponent(to)}`);
  const hrefs = await page
    .getByRole('link', { name: /afspraak|andere tijd/i })
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  const files = [];
  for (const href of hrefs.reverse()) {
    const res = await page.request.get(`${href}/bijlage/0`);
    expect(res.ok()).toBe(true);
    files.push({ contentType: res.headers()['content-type'], ...parseCalendar(await res.text()) });
  }
  return files;
}

test('meetings with calendar invitations, needs shared by choice, and why this mentor', async ({ page, browser, checkA11y, openEmail }) => {
  // Three people, four emails each with a file, five axe scans: minutes on a loaded machine.
  test.setTimeout(600_000);
  const { matchPath, menteeEmail } = await test.step('the demo mentor has an accepted match', async () => {
    const reached = await reachAcceptedDemoMatch(page);
    // Before anything is shared, the mentor sees no needs at all.
    await expect(page.getByRole('heading', { name: /nodig heeft bij afspraken/ })).toHaveCount(0);
    await checkA11y(page);
    return reached;
  });

  const menteeContext = await context(browser);
  const mentee = await menteeContext.newPage();
  await test.step('the mentee logs in by link and sees why this mentor', async () => {
    await logInByLink(mentee, openEmail, menteeEmail);
    await mentee.goto(matchPath);
    await expect(mentee.getByRole('heading', { level: 2, name: /^Waarom / })).toBeVisible();
  });

  await test.step('the mentee proposes a meeting (JavaScript on): a refused form first, then a good one', async () => {
    const form = mentee.getByRole('region', { name: 'Nieuwe afspraak voorstellen' });
    await form.getByRole('button', { name: 'Afspraak voorstellen' }).click();
    await expectFieldError(mentee, 'Vul de datum in');
    await expectFieldError(mentee, 'Vul een plaats of een videolink in.');
    await expect(mentee.locator('.pa-error-summary')).toBeFocused();
    await form.getByLabel(/^Datum/).fill(inDays(14));
    await form.getByLabel(/^Begintijd/).fill('19:30');
    await form.getByLabel(/^Plaats/).fill('Stadhuis, raadzaal');
    await form.getByRole('button', { name: 'Afspraak voorstellen' }).click();
    await expect(mentee.getByRole('status').filter({ hasText: 'Je voorstel is verstuurd.' })).toBeVisible();
    await expect(mentee.getByRole('table', { name: /^Geplande afspraken met / })).toContainText('Jouw voorstel: wacht op');
    await checkA11y(mentee);
  });

  // The mentor's session from the first page, in a context without JavaScript (no second login).
  const mentorNoJs = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    storageState: await page.context().storageState(),
  });
  const mentor = await mentorNoJs.newPage();
  await test.step('the mentor proposes another time without JavaScript (a refused try keeps the input)', async () => {
    await mentor.goto(matchPath);
    await mentor.getByRole('link', { name: /^Andere tijd voorstellen/ }).click();
    const form = mentor.getByRole('region', { name: /^Andere tijd voorstellen voor de afspraak van / });
    await form.getByLabel(/^Datum/).fill(inDays(16));
    await form.getByLabel(/^Begintijd/).fill('20:00');
    await form.getByLabel(/^Plaats/).fill('');
    await form.getByLabel(/^Videolink/).fill('geen-link');
    await form.getByRole('button', { name: 'Andere tijd voorstellen' }).click();
    await expectFieldError(mentor, 'Vul een videolink in die begint met https://.');
    await expect(mentor.locator('.pa-error-summary')).toBeFocused();
    await expect(form.getByLabel(/^Begintijd/)).toHaveValue('20:00');
    await form.getByLabel(/^Videolink/).fill('https://meet.example/raad');
    await form.getByRole('button', { name: 'Andere tijd voorstellen' }).click();
    await expect(mentor.getByRole('status').filter({ hasText: 'Je hebt een andere tijd voorgesteld.' })).toBeVisible();
  });

  await test.step('the mentee accepts, the mentor cancels', async () => {
    await mentee.goto(matchPath);
    await mentee.getByRole('button', { name: /^Ja, dit past/ }).click();
    await expect(mentee.getByRole('status').filter({ hasText: 'De afspraak staat vast.' })).toBeVisible();
    await mentor.goto(matchPath);
    await mentor.getByRole('button', { name: /^Afzeggen/ }).click();
    await expect(mentor.getByRole('status').filter({ hasText: 'De afspraak is afgezegd.' })).toBeVisible();
    await expect(mentor.getByRole('table', { name: /^Geplande afspraken met / })).toContainText('Afgezegd');
  });

  await test.step('each person got four calendar files: one UID, SEQUENCE 0–3, REQUEST ×3 then CANCEL', async () => {
    for (const to of [menteeEmail, demo.mentor.email]) {
      await expect(async () => {
        const files = await meetingCalendars(page, to);
        expect(files).toHaveLength(4);
        expect(files.map((f) => f.method)).toEqual(['REQUEST', 'REQUEST', 'REQUEST', 'CANCEL']);
        expect(files.map((f) => f.contentType)).toEqual([
          'text/calendar; charset=utf-8; method=REQUEST',
          'text/calendar; charset=utf-8; method=REQUEST',
          'text/calendar; charset=utf-8; method=REQUEST',
          'text/calendar; charset=utf-8; method=CANCEL',
        ]);
        const events = files.map((f) => f.events[0]!);
        expect(new Set(events.map((e) => e.uid)).size).toBe(1);
        expect(events.map((e) => e.sequence)).toEqual([0, 1, 2, 3]);
        expect(events.map((e) => e.status)).toEqual(['TENTATIVE', 'TENTATIVE', 'CONFIRMED', 'CANCELLED']);
        expect(events.every((e) => e.organizer?.email && e.attendees.length === 2)).toBe(true);
        expect(events[1]!.start.toISOString().slice(0, 10)).toBe(inDays(16));
      }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 5_000] });
    }
  });

  await test.step('the mentee shares needs with consent; the mentor sees them', async () => {
    await mentee.goto(matchPath);
    const section = mentee.getByRole('region', { name: 'Wat je nodig hebt bij afspraken' });
    await section.getByRole('checkbox', { name: /Nederlandse Gebarentaal/ }).check();
    await section.getByLabel(/^Iets anders/).fill('Graag een rustige plek');
    await section.getByRole('button', { name: /^Delen met / }).click();
    await expectFieldError(mentee, 'Zet een vinkje als je wilt dat je mentor dit ziet.');
    await section.getByRole('checkbox', { name: /Ik wil dat .* dit ziet/ }).check();
    await section.getByRole('button', { name: /^Delen met / }).click();
    await expect(mentee.getByRole('status').filter({ hasText: 'Gedeeld.' })).toBeVisible();
    await checkA11y(mentee);

    await mentor.goto(matchPath);
    const shared = mentor.getByRole('region', { name: /nodig heeft bij afspraken/ });
    await expect(shared).toContainText('Een tolk Nederlandse Gebarentaal (NGT)');
    await expect(shared).toContainText('Graag een rustige plek');
  });

  await test.step('the mentee withdraws the consent on /account/privacy; the mentor no longer sees anything', async () => {
    await mentee.goto('/account/privacy');
    const row = mentee.getByRole('row').filter({ hasText: 'Wat je je mentor laat weten' });
    await row.getByRole('link', { name: /^Toestemming intrekken/ }).click();
    await mentee.getByRole('button', { name: 'Ja, trek mijn toestemming in' }).click();
    await expect(mentee.getByRole('status').filter({ hasText: 'Je mentor ziet niet meer wat je nodig hebt.' })).toBeVisible();
    await mentor.goto(matchPath);
    await expect(mentor.getByText('Graag een rustige plek')).toHaveCount(0);
    await expect(mentor.getByRole('heading', { name: /nodig heeft bij afspraken/ })).toHaveCount(0);
  });

  await test.step('in English: the match page, its meetings and the needs form', async () => {
    await setEnglish(menteeContext);
    await mentee.goto(matchPath);
    await expect(mentee.getByRole('heading', { level: 2, name: 'Plan meetings' })).toBeVisible();
    await expect(mentee.getByRole('region', { name: 'Propose a new meeting' })).toBeVisible();
    await expect(mentee.getByRole('heading', { level: 2, name: 'What you need for meetings' })).toBeVisible();
    await expect(mentee.getByRole('table', { name: /^Planned meetings with / })).toContainText('Cancelled');
    await checkA11y(mentee);
  });

  await menteeContext.close();
  await mentorNoJs.close();
});

async function setEnglish(ctx: BrowserContext) {
  const url = ctx.pages()[0]!.url();
  await ctx.addCookies([{ name: 'pa_lang', value: 'en', url: new URL(url).origin }]);
}
