import type { BrowserContext, Page } from '@playwright/test';
import { en } from '../app/i18n/en';
import { nl } from '../app/i18n/nl';
import { expect, logInWithPassword, test } from './fixtures';

// Every page, visited in English (the pa_lang=en cookie), must have an English <title> that names the
// thing shown: never a Dutch title ("Inloggen — Politiek Actief"), never just "Overview".

type Key = keyof typeof en;
const SITE = 'Politiek Actief';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A title template as a pattern: "Koppelen: {network}" matches "Koppelen: Vrouwen in de Raad — Politiek Actief". */
const titlePattern = (template: string) =>
  new RegExp(`^${escape(template).replace(/\\\{\w+\\\}/g, '.+')}${template === SITE ? '' : ` — ${escape(SITE)}`}$`);

// Every Dutch page title (and error title) that differs from its English one.
const dutchTitles = (Object.keys(nl) as Key[])
  .filter((key) => key.startsWith('title.') || key === 'notFound.title' || key === 'error.title' || key === 'error.forbidden.title')
  .filter((key) => typeof nl[key] === 'string' && nl[key] !== en[key])
  .map((key) => ({ key, pattern: titlePattern(nl[key] as string) }));

const users = {
  admin: { email: 'admin@politiekactief.example', password: 'Demo-beheer-2026' },
  coordinator: { email: 'coordinator@politiekactief.example', password: 'Demo-coordinator-2026' },
  candidate: { email: 'kandidaat@politiekactief.example', password: 'Demo-kandidaat-2026' },
  mentor: { email: 'mentor@politiekactief.example', password: 'Demo-mentor-2026' },
} as const;

async function inEnglish(context: BrowserContext, baseURL: string | undefined) {
  await context.addCookies([{ name: 'pa_lang', value: 'en', url: baseURL ?? 'http://127.0.0.1' }]);
}

/** Opens the page and checks its title: English, the expected one, and naming `name` when given. */
async function expectEnglishTitle(page: Page, path: string, key: Key, name?: string) {
  await test.step(`${path} is titled in English`, async () => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const title = await page.title();
    for (const dutch of dutchTitles) expect.soft(title, `${path}: Dutch title (${dutch.key})`).not.toMatch(dutch.pattern);
    expect.soft(title, `${path}: expected the English ${key}`).toMatch(titlePattern(en[key] as string));
    if (name) expect.soft(title, `${path}: names what it shows`).toContain(name);
  });
}

/** The links on the page whose address matches, with their text (the name of what they open). */
async function linksOn(page: Page, path: string, href: RegExp) {
  await page.goto(path);
  const links = await page
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent?.trim() ?? '' })));
  return links.filter((l) => href.test(l.href));
}

async function firstLink(page: Page, path: string, href: RegExp) {
  const [link] = await linksOn(page, path, href);
  expect(link, `a link matching ${href} on ${path}`).toBeTruthy();
  return link!;
}

/** Pages the demo data may not hold (a mentor without matches): noted in the report, not failed. */
function notInDemo(what: string) {
  test.info().annotations.push({ type: 'skipped page', description: what });
  console.log(`not in the demo data, so not visited: ${what}`);
}

test.describe('page titles in English', () => {
  test('public pages and links that lead nowhere', async ({ page, context, baseURL }) => {
    await inEnglish(context, baseURL);
    await expectEnglishTitle(page, '/', 'title.home');
    await expectEnglishTitle(page, '/cursussen', 'title.courses');
    const course = await firstLink(page, '/cursussen', /^\/cursussen\/[0-9a-f-]{36}$/);
    const courseName = (await page.goto(course.href), await page.getByRole('heading', { level: 1 }).innerText());
    await expectEnglishTitle(page, course.href, 'title.course', courseName);
    await expectEnglishTitle(page, `${course.href}/aanmelden`, 'title.courseSignUp', courseName);
    await expectEnglishTitle(page, '/inloggen', 'title.login');
    await expectEnglishTitle(page, '/registreren', 'title.register');
    await expectEnglishTitle(page, '/registreren/verstuurd', 'title.registerSent');
    await expectEnglishTitle(page, '/wachtwoord-vergeten', 'title.forgot');
    await expectEnglishTitle(page, '/privacy', 'title.privacy');
    await expectEnglishTitle(page, '/toegankelijkheid', 'title.accessibility');
    await expectEnglishTitle(page, '/mentoraat', 'title.mentoring');
    await expectEnglishTitle(page, '/dev/mailbox', 'title.mailbox');
    // Put a message in the mailbox: a password reset for a demo account.
    await page.goto('/wachtwoord-vergeten');
    await page
      .getByRole('main')
      .getByLabel(/^Email address/)
      .fill(users.candidate.email);
    await page.getByRole('main').getByRole('button').last().click();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    // The worker sends it (the form only queues the address): wait until it is in the mailbox.
    const mailboxMessage = /^\/dev\/mailbox\/[0-9a-f-]{36}$/;
    await expect.poll(async () => (await linksOn(page, '/dev/mailbox', mailboxMessage)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const message = await firstLink(page, '/dev/mailbox', mailboxMessage);
    await expectEnglishTitle(page, message.href, 'title.mailboxMessage');
    await expectEnglishTitle(page, '/account/verwijderd', 'title.accountDeleted');
    await expectEnglishTitle(page, '/bestaat-niet', 'notFound.title');
    // Links with an unknown token: the page says so, in English.
    await expectEnglishTitle(page, '/aanmelding/onbekend', 'notFound.title');
    await expectEnglishTitle(page, '/inloggen/link/onbekend', 'title.loginLink');
    await expectEnglishTitle(page, '/verifieren/onbekend', 'title.verify');
    await expectEnglishTitle(page, '/wachtwoord-herstellen/onbekend', 'title.reset');
    await expectEnglishTitle(page, '/e-mail/afmelden/onbekend', 'title.unsubscribe');
    await expectEnglishTitle(page, '/uitslag/onbekend', 'title.outcomeUnknown');
    await expectEnglishTitle(page, '/mentor/uitnodiging/onbekend', 'title.mentorInvitationUnknown');
    await expectEnglishTitle(page, '/beheer/uitnodiging/onbekend', 'title.manageInvitationUnknown');
  });

  test('a candidate', async ({ page, context, baseURL }) => {
    await inEnglish(context, baseURL);
    await logInWithPassword(page, users.candidate.email, users.candidate.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await expectEnglishTitle(page, '/account', 'title.account');
    await expectEnglishTitle(page, '/account/e-mail', 'title.accountEmail');
    await expectEnglishTitle(page, '/account/kandidaat', 'title.accountCandidate');
    await expectEnglishTitle(page, '/account/koppelingen', 'title.accountMatches');
    await expectEnglishTitle(page, '/account/mentoraat', 'title.accountApplications');
    await expectEnglishTitle(page, '/account/privacy', 'title.accountPrivacy');
    const [network] = await linksOn(page, '/mentoraat', /^\/mentoraat\/aanvragen\/[0-9a-f-]{36}$/);
    if (network) await expectEnglishTitle(page, network.href, 'title.mentoringApply');
    else notInDemo('/mentoraat/aanvragen/:networkId (no network open to the demo candidate)');
    await expectEnglishTitle(page, '/uitloggen', 'title.logout');
  });

  test('a mentor', async ({ page, context, baseURL }) => {
    await inEnglish(context, baseURL);
    await logInWithPassword(page, users.mentor.email, users.mentor.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await expectEnglishTitle(page, '/mentor', 'title.mentor');
    await expectEnglishTitle(page, '/mentor/profiel', 'title.mentorProfile');
    const [match] = await linksOn(page, '/mentor', /^\/koppeling\/[0-9a-f-]{36}$/);
    if (match) {
      await expectEnglishTitle(page, match.href, 'title.match');
      await expectEnglishTitle(page, `${match.href}/feedback`, 'title.matchFeedback');
    } else notInDemo('/koppeling/:matchId and its feedback page (the demo mentor has no match)');
    const [proposal] = await linksOn(page, '/mentor', /^\/mentor\/voorstellen\/[0-9a-f-]{36}$/);
    if (proposal) await expectEnglishTitle(page, proposal.href, 'title.proposal');
    else notInDemo('/mentor/voorstellen/:matchId (the demo mentor has no proposal)');
  });

  test('a coordinator', async ({ page, context, baseURL }) => {
    await inEnglish(context, baseURL);
    await logInWithPassword(page, users.coordinator.email, users.coordinator.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await expectEnglishTitle(page, '/beheer', 'title.manage');
    await expectEnglishTitle(page, '/beheer/rapportage', 'title.report');

    await expectEnglishTitle(page, '/beheer/cursussen', 'title.manageCourses');
    await expectEnglishTitle(page, '/beheer/cursussen/nieuw', 'title.manageCourseNew');
    const course = await firstLink(page, '/beheer/cursussen', /^\/beheer\/cursussen\/[0-9a-f-]{36}$/);
    await expectEnglishTitle(page, course.href, 'title.manageCourse', course.text);
    await expectEnglishTitle(page, `${course.href}/bewerken`, 'title.manageCourseEdit', course.text);
    await expectEnglishTitle(page, `${course.href}/aanmeldingen`, 'title.manageCourseRegistrations', course.text);
    await expectEnglishTitle(page, `${course.href}/aanwezigheid`, 'title.manageCourseAttendance', course.text);
    await expectEnglishTitle(page, `${course.href}/bericht`, 'title.manageCourseMessage', course.text);

    await expectEnglishTitle(page, '/beheer/netwerken', 'title.networks');
    await expectEnglishTitle(page, '/beheer/netwerken/nieuw', 'title.networkNew');
    const network = await firstLink(page, '/beheer/netwerken', /^\/beheer\/netwerken\/[0-9a-f-]{36}$/);
    await expectEnglishTitle(page, network.href, 'title.network', network.text);
    await expectEnglishTitle(page, `${network.href}/bewerken`, 'title.networkEdit', network.text);
    await expectEnglishTitle(page, `${network.href}/mentoren`, 'title.networkMentors', network.text);
    await expectEnglishTitle(page, `${network.href}/aanvragen`, 'title.networkApplications', network.text);
    await expectEnglishTitle(page, `${network.href}/koppelen`, 'title.networkMatching', network.text);
    await expectEnglishTitle(page, `${network.href}/koppelingen`, 'title.networkMatches', network.text);
    // The first network with an application.
    let application: { href: string; network: string } | undefined;
    for (const n of await linksOn(page, '/beheer/netwerken', /^\/beheer\/netwerken\/[0-9a-f-]{36}$/)) {
      const [a] = await linksOn(page, `${n.href}/aanvragen`, /\/aanvragen\/[0-9a-f-]{36}$/);
      if (a) {
        application = { href: a.href, network: n.text };
        break;
      }
    }
    expect(application, 'a network with an application').toBeTruthy();
    await expectEnglishTitle(page, application!.href, 'title.networkApplication', application!.network);

    await expectEnglishTitle(page, '/beheer/academies', 'title.academies');
    await expectEnglishTitle(page, '/beheer/academies/nieuw', 'title.academyNew');
    const [academy] = await linksOn(page, '/beheer/academies', /^\/beheer\/academies\/[0-9a-f-]{36}$/);
    if (academy) await expectEnglishTitle(page, academy.href, 'title.academy', academy.text);
    else notInDemo('/beheer/academies/:id (the demo has no academy)');
  });

  test('an administrator', async ({ page, context, baseURL }) => {
    await inEnglish(context, baseURL);
    await logInWithPassword(page, users.admin.email, users.admin.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await expectEnglishTitle(page, '/admin', 'title.admin');
    await expectEnglishTitle(page, '/admin/organisaties/nieuw', 'title.adminOrganisationNew');
    const organisation = await firstLink(page, '/admin', /^\/admin\/organisaties\/[0-9a-f-]{36}$/);
    await expectEnglishTitle(page, organisation.href, 'title.adminOrganisation', organisation.text);
    await expectEnglishTitle(page, `${organisation.href}/bewerken`, 'title.adminOrganisationEdit', organisation.text);
  });
});
