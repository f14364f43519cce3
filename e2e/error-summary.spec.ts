import type { Browser, Page } from '@playwright/test';
import { demo, expect, logInWithPassword, test } from './fixtures';

// The error summary (components/ui/error-summary.tsx) on every form that asks for something: each
// form is sent empty (its text fields cleared) and must come back with a titled list of what is wrong
// whose every link leads to a field on the page. Without JavaScript the page must open at the summary
// (autofocus); with JavaScript focus must move to it after the refused submit.

const mentor = { email: 'mentor@politiekactief.example', password: 'Demo-mentor-2026' };

/** The post forms in <main> that have a required field (the kit marks those with "(verplicht)"). */
async function formsToCheck(page: Page) {
  return page
    .locator('main form[method="post"]')
    .evaluateAll((forms) =>
      forms.map((form, index) => ({ index, required: Boolean(form.querySelector('.pa-required')) })).filter((f) => f.required),
    );
}

/** Clears the form's text fields and sends it with its first submit button. */
async function sendEmpty(page: Page, index: number) {
  const form = page.locator('main form[method="post"]').nth(index);
  // Folded-away parts (a question's "change" disclosure) open first, so their fields can be cleared.
  await form.evaluate((f) => f.closest('details')?.setAttribute('open', ''));
  for (const field of await form
    .locator(
      'input:not([type]), input[type="text"], input[type="email"], input[type="password"], input[type="tel"], input[type="url"], input[type="date"], input[type="time"], input[type="number"], textarea',
    )
    .all()) {
    if (await field.isVisible()) await field.fill('');
  }
  // The answer streams in (the summary comes before the fields): read it once the new page has loaded.
  const navigated = page.waitForEvent('framenavigated');
  await form.locator('button[type="submit"]').first().click();
  await navigated;
  await page.waitForLoadState('load');
}

/** The summary is there, names its problems, and every link reaches an existing field. */
async function expectSummaryReachingFields(page: Page, where: string) {
  const summary = page.locator('.pa-error-summary');
  await expect(summary, `${where}: an error summary`).toHaveCount(1);
  await expect(summary.getByRole('heading'), `${where}: the summary has a title`).toBeVisible();
  const links = await summary.locator('a').evaluateAll((as) =>
    as.map((a) => {
      const id = decodeURIComponent((a as HTMLAnchorElement).hash.slice(1));
      const target = document.getElementById(id);
      const field = target?.matches('input, select, textarea') ? target : target?.querySelector('input, select, textarea');
      return { href: a.getAttribute('href'), text: a.textContent ?? '', reaches: Boolean(field) };
    }),
  );
  expect(links.length, `${where}: the summary links to the fields`).toBeGreaterThan(0);
  for (const link of links) expect.soft(link.reaches, `${where}: "${link.text}" (${link.href}) reaches a field`).toBe(true);
}

/** Every form with a required field on the page, sent empty one by one. */
async function checkPage(page: Page, path: string) {
  await page.goto(path);
  const forms = await formsToCheck(page);
  expect(forms.length, `${path} has a form to check`).toBeGreaterThan(0);
  for (const { index } of forms) {
    await test.step(`${path}, form ${index + 1}`, async () => {
      await page.goto(path);
      await sendEmpty(page, index);
      await expectSummaryReachingFields(page, `${path} form ${index + 1}`);
      // Without JavaScript the page opens at the summary: the browser focused it (autofocus).
      await expect(page.locator('.pa-error-summary')).toBeFocused();
    });
  }
}

/** A link on the page whose address matches. */
async function linkOn(page: Page, path: string, href: RegExp) {
  await page.goto(path);
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((h) => href.test(h));
}

/** "2026-12-07T19:30" for an input of type datetime-local, in Dutch time, `minutes` from now. */
function amsterdamLocal(minutes: number) {
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
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A page without JavaScript (its own context, as in courses.spec.ts: no scripts run, none load). */
async function pageWithoutScripts(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

test.describe('every form sent empty, without JavaScript', () => {
  test('public forms', async ({ browser }) => {
    const page = await pageWithoutScripts(browser);
    for (const path of ['/inloggen', '/registreren', '/wachtwoord-vergeten']) await checkPage(page, path);
    const course = await linkOn(page, '/cursussen', /^\/cursussen\/[0-9a-f-]{36}$/);
    expect(course, 'a course in the catalogue').toBeTruthy();
    await checkPage(page, `${course}/aanmelden`);
  });

  test('a candidate', async ({ browser }) => {
    const page = await pageWithoutScripts(browser);
    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await checkPage(page, '/account');
    // The last step of deleting the account (the password again): refused, nothing deleted.
    await checkPage(page, '/account/privacy?verwijderen=1');
    const network = await linkOn(page, '/mentoraat', /^\/mentoraat\/aanvragen\/[0-9a-f-]{36}$/);
    if (network) await checkPage(page, network);
  });

  test('a mentor', async ({ browser }) => {
    const page = await pageWithoutScripts(browser);
    await logInWithPassword(page, mentor.email, mentor.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await checkPage(page, '/mentor/profiel');
  });

  test('a coordinator', async ({ browser }) => {
    const page = await pageWithoutScripts(browser);
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await checkPage(page, '/beheer/cursussen/nieuw');
    // A running course: it has confirmed people, so its message page has a form.
    const course = await linkOn(page, '/beheer/cursussen?filter=lopend', /^\/beheer\/cursussen\/[0-9a-f-]{36}$/);
    expect(course, 'a course to manage').toBeTruthy();
    for (const part of ['', '/bewerken', '/bericht', '/kopieren']) await checkPage(page, `${course}${part}`);
    await checkPage(page, '/beheer/netwerken/nieuw');
    const network = await linkOn(page, '/beheer/netwerken', /^\/beheer\/netwerken\/[0-9a-f-]{36}$/);
    expect(network, 'a network to manage').toBeTruthy();
    for (const part of ['/bewerken', '/mentoren']) await checkPage(page, `${network}${part}`);
    // With more than one organisation the coordinator first chooses the one the academy belongs to.
    const academyForm = await linkOn(page, '/beheer/academies/nieuw', /^\/beheer\/academies\/nieuw\?organisatie=/);
    await checkPage(page, academyForm ?? '/beheer/academies/nieuw');
  });

  test('academies and placements: the call, reviewers, applying, scoring, hosts and their slots', async ({ browser, openEmail }) => {
    test.setTimeout(300_000);
    // The demo academies' calls are decided: a new academy with its call open is made here.
    const coordinator = await pageWithoutScripts(browser);
    await logInWithPassword(coordinator, demo.coordinator.email, demo.coordinator.password);
    await expect(coordinator).not.toHaveURL(/\/inloggen/);
    const academyName = `Academie voor de foutmeldingen ${Date.now().toString(36)}`;
    await coordinator.goto(
      (await linkOn(coordinator, '/beheer/academies/nieuw', /^\/beheer\/academies\/nieuw\?organisatie=/)) ?? '/beheer/academies/nieuw',
    );
    await coordinator.getByRole('textbox', { name: /^Naam/ }).fill(academyName);
    await coordinator.getByRole('button', { name: 'Academie maken' }).click();
    await coordinator.getByRole('link', { name: academyName }).click();
    await expect(coordinator).toHaveURL(/\/beheer\/academies\/[0-9a-f-]{36}$/);
    const academyPath = new URL(coordinator.url()).pathname;
    const academyId = academyPath.split('/').pop()!;
    const saveCall = async (closesInMinutes: number) => {
      await coordinator.goto(`${academyPath}/oproep`);
      await coordinator.getByRole('checkbox', { name: 'De oproep staat online' }).check();
      await coordinator.getByLabel('Aanmelden kan vanaf').fill(amsterdamLocal(-60));
      await coordinator.getByLabel('Aanmelden kan tot').fill(amsterdamLocal(closesInMinutes));
      await coordinator.getByRole('spinbutton', { name: /^Aantal plaatsen/ }).fill('2');
      await coordinator.getByRole('textbox', { name: 'Onderdeel 1' }).fill('Motivatie');
      await coordinator.getByRole('button', { name: 'Oproep opslaan' }).click();
      await expect(coordinator.getByRole('status')).toContainText('De oproep is opgeslagen.');
    };
    await saveCall(24 * 60);
    for (const part of ['/oproep', '/beoordelaars', '/meeloopstages']) await checkPage(coordinator, `${academyPath}${part}`);
    // A host for /stagebieder: the demo mentor (one host profile across academies).
    await coordinator.goto(`${academyPath}/meeloopstages`);
    await coordinator.getByLabel(/^Naam/).fill('Marieke Mentor');
    await coordinator.getByLabel(/^E-mailadres/).fill(mentor.email);
    await coordinator.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await expect(coordinator.getByRole('status')).toContainText('De uitnodiging is verstuurd.');

    // Applying while the call is open; one application, so that the closed call has one to score.
    const candidate = await pageWithoutScripts(browser);
    await logInWithPassword(candidate, demo.candidate.email, demo.candidate.password);
    await expect(candidate).not.toHaveURL(/\/inloggen/);
    await checkPage(candidate, `/academies/${academyId}/aanmelden`);
    await candidate.getByLabel(/^Waarom wil je meedoen/).fill('Om te leren hoe de raad werkt.');
    await candidate.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await expect(candidate).toHaveURL(/\/account\/academies\?notice=academyApplication\.sent/);

    await saveCall(-1);
    await checkPage(coordinator, `/academies/${academyId}/beoordelen`);

    const host = await pageWithoutScripts(browser);
    await logInWithPassword(host, mentor.email, mentor.password);
    await expect(host).not.toHaveURL(/\/inloggen/);
    const invitation = await openEmail(host, {
      to: mentor.email,
      subjectIncludes: 'Uitnodiging: laat deelnemers',
      link: /\/stagebieder\/uitnodiging\//,
    });
    await host.goto(invitation.link);
    await host.getByRole('button', { name: 'Ja, ik doe mee' }).click();
    await expect(host.getByRole('heading', { level: 1, name: 'Mijn meeloopstages' })).toBeVisible();
    // The profile form and the slot form.
    await checkPage(host, '/stagebieder');
  });

  test('an administrator', async ({ browser }) => {
    const page = await pageWithoutScripts(browser);
    await logInWithPassword(page, demo.admin.email, demo.admin.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await checkPage(page, '/admin/organisaties/nieuw');
    const organisation = await linkOn(page, '/admin', /^\/admin\/organisaties\/[0-9a-f-]{36}$/);
    expect(organisation, 'an organisation').toBeTruthy();
    for (const part of ['', '/bewerken']) await checkPage(page, `${organisation}${part}`);
  });
});

test.describe('with JavaScript', () => {
  test('the browser checks first: a refused submit sends nothing, and the summary appears and takes focus', async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.goto('/registreren');
    // Tabbing through the form says nothing yet: the check runs when the form is sent, so no message
    // moves the button away under the pointer between mouse-down and mouse-up.
    await page.getByLabel(/^Naam/).focus();
    await page.getByLabel(/^E-mailadres/).focus();
    await expect(page.getByText('Vul je naam in.')).toHaveCount(0);
    await expect(page.locator('.pa-error-summary')).toHaveCount(0);
    await page.getByLabel(/^E-mailadres/).fill('geen-adres');
    await page.getByRole('button', { name: /^Account maken$/ }).click();
    const summary = page.locator('.pa-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Vul je naam in.',
      'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      /wachtwoord/,
    ]);
    // Fixed on input: the message goes as soon as the field is right.
    await page.getByLabel(/^Naam/).fill('Sam');
    await expect(summary.getByRole('link')).toHaveCount(2);
    await expect(page).toHaveURL(/\/registreren$/);
    expect(posts, 'no request for a refused submit').toEqual([]);

    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    posts.length = 0;
    await page.goto('/account/privacy?verwijderen=1');
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click();
    await expect(page.locator('.pa-error-summary')).toBeFocused();
    await expect(page.getByLabel(/^Je wachtwoord/)).toHaveAttribute('aria-invalid', 'true');
    expect(posts, 'no request for a refused submit').toEqual([]);
  });

  test('focus moves to the summary after a refused submit, and a link moves focus to its field', async ({ page, checkA11y }) => {
    // Checked in the browser (register, the network form) and by the server (log in: the password).
    await page.goto('/registreren');
    await page.getByRole('button', { name: /^Account maken$/ }).click();
    const summary = page.locator('.pa-error-summary');
    await expect(summary).toBeFocused();
    await checkA11y();
    await summary.getByRole('link').first().click();
    await expect(page.getByLabel(/^Naam/)).toBeFocused();

    await page.goto('/inloggen');
    const form = page.getByRole('region', { name: /^Met je wachtwoord$/ });
    await form.getByLabel(/^E-mailadres/).fill(demo.candidate.email);
    await form.getByLabel(/^Wachtwoord/).fill('niet-het-wachtwoord');
    await form.getByRole('button', { name: /^Inloggen$/ }).click();
    await expect(page.locator('.pa-error-summary')).toBeFocused();

    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await page.goto('/beheer/netwerken/nieuw');
    await page.getByRole('button', { name: /^Netwerk maken$/ }).click();
    await expect(page.locator('.pa-error-summary')).toBeFocused();
    await checkA11y();
  });

  test('network (new, edit), mentor invitation and academy forms: refused in the browser, no request sent, links reach the fields', async ({
    page,
  }) => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });

    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    const network = await linkOn(page, '/beheer/netwerken', /^\/beheer\/netwerken\/[0-9a-f-]{36}$/);
    expect(network, 'a network to manage').toBeTruthy();
    const academyForm =
      (await linkOn(page, '/beheer/academies/nieuw', /^\/beheer\/academies\/nieuw\?organisatie=/)) ?? '/beheer/academies/nieuw';
    for (const [path, button] of [
      ['/beheer/netwerken/nieuw', /^Netwerk maken$/],
      [`${network}/bewerken`, /^Netwerk opslaan$|^Opslaan$/],
      [`${network}/mentoren`, /^Uitnodiging versturen$/],
      [academyForm, /^Academie maken$/],
    ] as const) {
      await test.step(path, () => refusedInTheBrowser(page, posts, path, button));
    }
  });

  test('the mentor profile: refused in the browser, no request sent, a link reaches the field', async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await logInWithPassword(page, mentor.email, mentor.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await refusedInTheBrowser(page, posts, '/mentor/profiel', /^Profiel opslaan$/);
  });
});

test.describe('a notice from before', () => {
  // A form without an action of its own posted to the page's address, `?notice=…` included, so the
  // refused answer showed the earlier "opgeslagen" above the error summary. The kit's Form drops it.
  const addQuestion = async (page: Page, label: string) => {
    const form = page.locator('form#add-question');
    await form.getByLabel(/^Vraag/).fill(label);
    await form.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await expect(page.locator('#notice')).toContainText('De vraag is opgeslagen.');
    await expect(page).toHaveURL(/[?&]notice=course\.questionSaved/);
  };
  const noticeGone = async (page: Page, where: string) => {
    await expect(page.locator('.pa-error-summary'), `${where}: the summary takes focus`).toBeFocused();
    await expect(page.locator('#notice'), `${where}: the earlier notice is gone`).toHaveCount(0);
    await expect(page, `${where}: the address has no notice`).not.toHaveURL(/notice=/);
  };

  test('is gone after a refused submit, without and with JavaScript', async ({ browser, page }) => {
    const plain = await pageWithoutScripts(browser);
    await logInWithPassword(plain, demo.coordinator.email, demo.coordinator.password);
    await expect(plain).not.toHaveURL(/\/inloggen/);
    const course = await linkOn(plain, '/beheer/cursussen?filter=lopend', /^\/beheer\/cursussen\/[0-9a-f-]{36}$/);
    expect(course, 'a course to manage').toBeTruthy();
    await plain.goto(course!);
    await addQuestion(plain, 'Wat wil je na de cursus doen?');
    await plain.locator('form#add-question').getByRole('button', { name: 'Vraag toevoegen' }).click();
    await noticeGone(plain, 'without JavaScript');
    await expect(plain.locator('.pa-error-summary')).toContainText('Vul');

    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).not.toHaveURL(/\/inloggen/);
    await page.goto(course!);
    await page.waitForLoadState('networkidle');
    // Refused by the server (a session of a running course in the past): the answer has no notice either.
    await addQuestion(page, 'Hoe hoorde je van de cursus?');
    const session = page.locator('form#add-session');
    await session.getByLabel(/^Datum/).fill(amsterdamLocal(-2 * 24 * 60).slice(0, 10));
    await session.getByLabel(/^Begintijd/).fill('10:00');
    await session.getByLabel(/^Eindtijd/).fill('12:00');
    await session.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
    await noticeGone(page, 'refused by the server');
    await expect(page.locator('.pa-error-summary')).toContainText('al voorbij');

    // Refused by the browser's own check: nothing is sent, so the address keeps its notice, but the
    // page no longer shows it above the summary (the notice region hides it on the refusal).
    await addQuestion(page, 'Wat verwacht je van de gemeente?');
    // A fresh page (its address still says the question was saved): the form was never sent here.
    await page.reload();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('#notice')).toContainText('De vraag is opgeslagen.');
    await expect(page.locator('form#add-question').getByLabel(/^Vraag/)).toHaveValue('');
    await page.locator('form#add-question').getByRole('button', { name: 'Vraag toevoegen' }).click();
    const summary = page.locator('form#add-question .pa-error-summary');
    await expect(summary, 'refused in the browser: the summary takes focus').toBeFocused();
    await expect(page.locator('#notice'), 'refused in the browser: the earlier notice is gone').toHaveCount(0);
    await expect(summary).toContainText('Vul');
  });
});

/**
 * With JavaScript: the form (the one with that submit button) sent with its text fields cleared is
 * refused by the browser's check. No POST leaves the page, the summary takes focus, and its first link
 * moves focus to the field it names.
 */
async function refusedInTheBrowser(page: Page, posts: string[], path: string, button: RegExp) {
  await page.goto(path);
  // The check runs once React has taken over the page; before that a click would post the form.
  await page.waitForLoadState('networkidle');
  const form = page.locator('main form[method="post"]').filter({ has: page.getByRole('button', { name: button }) });
  await expect(form).toHaveCount(1);
  for (const field of await form
    .locator('input[type="text"], input:not([type]), input[type="email"], input[type="number"], textarea')
    .all()) {
    if (await field.isVisible()) await field.fill('');
  }
  posts.length = 0;
  await form.getByRole('button', { name: button }).click();
  const summary = page.locator('.pa-error-summary');
  await expect(summary, `${path}: the summary takes focus`).toBeFocused();
  await expect(summary.getByRole('link').first()).toBeVisible();
  expect(posts, `${path}: no request for a refused submit`).toEqual([]);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
  const link = summary.getByRole('link').first();
  const target = decodeURIComponent(((await link.getAttribute('href')) ?? '').slice(1));
  await link.click();
  const focused = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', tag: document.activeElement?.tagName ?? '' }));
  expect(['INPUT', 'SELECT', 'TEXTAREA'], `${path}: focus on a field`).toContain(focused.tag);
  // The link names the field's id, or a group whose first box has it.
  expect(focused.id.startsWith(target), `${path}: focus on ${target}, not ${focused.id}`).toBe(true);
}
