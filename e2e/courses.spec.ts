import type { Page } from '@playwright/test';
import { expect, test, uniqueEmail, type OpenEmailOptions, type OpenedEmail, expectFieldError } from './fixtures';

// Journey 1: find a course, sign up without an account, confirm by the emailed link, cancel by
// link; the waitlisted person gets the freed seat offered and takes it. Runs on the demo catalogue.

const MANAGE_URL = /\/aanmelding\/[a-z2-7]{32}(\?notice=signUp\.\w+(&position=\d+)?#notice)?$/;
const SENT_URL = /\/cursussen\/[0-9a-f-]{36}\/aanmelden\/verstuurd$/;
type OpenEmail = (page: Page, options: OpenEmailOptions) => Promise<OpenedEmail>;

/** Every sign-up ends on "check your email" (ADR 011); the owner follows the emailed link and confirms. */
async function confirmByEmail(
  page: Page,
  openEmail: OpenEmail,
  email: string,
  options: { a11y?: boolean; checkA11y?: (page: Page) => Promise<void> } = {},
) {
  await expect(page).toHaveURL(SENT_URL);
  const mail = await openEmail(page, {
    to: email,
    subjectIncludes: 'Rond je aanmelding af',
    link: /\/aanmelden\/bevestigen\//,
    a11y: options.a11y,
  });
  await page.goto(mail.link);
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelding afronden' })).toBeVisible();
  if (options.checkA11y) await options.checkA11y(page);
  await page.getByRole('button', { name: 'Ja, meld mij aan' }).click();
  await expect(page).toHaveURL(/\/aanmelding\/[a-z2-7]{32}\?notice=signUp\.\w+(&position=\d+)?#notice$/);
}

/** Fills in the sign-up form as a participant from Zwolle, answering the course's required questions. */
async function fillSignUp(page: Page, person: { name: string; email: string }) {
  await page.getByLabel(/^Naam/).fill(person.name);
  await page.getByLabel(/^E-mailadres/).fill(person.email);
  await page.getByLabel(/^In welke gemeente woon je\?/).selectOption({ label: 'Zwolle' });
  // The course's own questions: the first answer of every choice, some text where it is required.
  for (const group of await page
    .getByRole('group')
    .filter({ has: page.getByRole('radio') })
    .all())
    await group.getByRole('radio').first().check();
  for (const box of await page.locator('textarea[aria-required="true"]').all()) await box.fill('Ik wil weten hoe de raad werkt.');
  await page.getByLabel(/Hoe heb je over deze cursus gehoord\?/).selectOption('friend-family');
  await page.getByRole('checkbox', { name: /privacyverklaring/ }).check();
}

type Card = { href: string; title: string; seats: number | null };

/** The cards on the catalogue page that is open now. */
async function cardsOnPage(page: Page): Promise<Card[]> {
  return page.locator('.pa-course-card').evaluateAll((cards) =>
    cards.map((card) => {
      const link = card.querySelector('h3 a');
      const seats = /Nog (\d+) plek/.exec(card.querySelector('.pa-seats')?.textContent ?? '');
      // The link carries the catalogue's filters (for the way back); the course's own address is before them.
      return {
        href: (link?.getAttribute('href') ?? '').split('?')[0]!,
        title: link?.textContent?.trim() ?? '',
        seats: seats ? Number(seats[1]) : null,
      };
    }),
  );
}

test('find a course, sign up, cancel by link; the waitlisted person takes the freed seat', async ({ page, checkA11y, openEmail }) => {
  test.setTimeout(300_000);
  const alice = { name: 'Anna Aanmelder', email: uniqueEmail('cursus-anna') };
  const bob = { name: 'Bram Wachtlijst', email: uniqueEmail('cursus-bram') };
  let course: Card = { href: '', title: '', seats: null };

  await test.step('find a course with a filter', async () => {
    await page.goto('/cursussen');
    await expect(page.getByRole('heading', { level: 1, name: 'Cursussen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /\d+ cursussen gevonden/ })).toBeVisible();
    await checkA11y(page);
    await expect(page.getByLabel('Gemeente').locator('option')).toHaveCount(343); // 342 and "all"
    await page.getByLabel('Vorm').selectOption('in-person');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/[?&]format=in-person/);
    await expect(page.getByLabel('Vorm')).toHaveValue('in-person');
    await checkA11y(page);
    // The open course with the fewest seats left, over every page of results.
    const cards: Card[] = [];
    for (;;) {
      cards.push(...(await cardsOnPage(page)));
      const pages = page.getByRole('navigation', { name: 'Pagina’s met cursussen' });
      const next = pages.getByRole('link', { name: 'Volgende' });
      if ((await next.count()) === 0) break;
      const current = Number(await pages.locator('[aria-current="page"]').textContent());
      await next.click();
      await expect(pages.locator('[aria-current="page"]')).toHaveText(String(current + 1));
    }
    const open = cards.filter((c) => c.seats !== null).sort((a, b) => a.seats! - b.seats!);
    expect(open.length, 'an in-person course with seats left').toBeGreaterThan(0);
    course = open[0]!;
    expect(course.seats!, 'a course that fills up in a few sign-ups').toBeLessThanOrEqual(12);
  });

  await test.step('open the course page', async () => {
    await page.goto(course.href);
    await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
    await expect(page.getByRole('table', { name: /bijeenkomst/ })).toBeVisible();
    await expect(page.getByText(`Nog ${course.seats} plek`)).toBeVisible();
    await checkA11y(page);
  });

  await test.step('fill the course up to its last seat (other people signing up)', async () => {
    const fillers = Array.from({ length: course.seats! - 1 }, (_, i) => uniqueEmail(`cursus-vuller${i + 1}`));
    const uniqueEmailOf = (i: number) => fillers[i - 1]!;
    for (let i = 1; i < course.seats!; i++) {
      await page.goto(`${course.href}/aanmelden`);
      await fillSignUp(page, { name: `Vuller ${i}`, email: uniqueEmailOf(i) });
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
      await confirmByEmail(page, openEmail, uniqueEmailOf(i));
    }
  });

  await test.step('sign up: first with mistakes, then right', async () => {
    await page.goto(course.href);
    await page.getByRole('link', { name: 'Aanmelden', exact: true }).click();
    await expect(page).toHaveURL(`${course.href}/aanmelden`);
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await expect(page.getByText('Nog 1 plek vrij')).toBeVisible();
    await checkA11y(page);

    await page.getByLabel(/^Naam/).fill(alice.name);
    await page.getByLabel(/^E-mailadres/).fill('anna-zonder-apenstaartje');
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expectFieldError(page, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.');
    await expectFieldError(page, 'Kies je gemeente.');
    await expectFieldError(page, 'Geef toestemming, anders kunnen we je aanmelding niet verwerken.');
    await expect(page.getByLabel(/^Naam/)).toHaveValue(alice.name);
    await expect(page.getByLabel(/^E-mailadres/)).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page);

    await fillSignUp(page, alice);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    // Nothing about the address or the seat yet: the same page for everyone.
    await expect(page).toHaveURL(SENT_URL);
    await expect(page.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' })).toBeVisible();
    await checkA11y(page);
    await confirmByEmail(page, openEmail, alice.email, { a11y: true, checkA11y });
    await checkA11y(page);
    await expect(page).toHaveURL(MANAGE_URL);
    await expect(page.getByRole('heading', { level: 1, name: 'Je aanmelding' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Je bent aangemeld' })).toBeVisible();
    await expect(page.getByText('Aangemeld.', { exact: true })).toBeVisible();
    await checkA11y(page);
  });

  let aliceManageLink = '';
  await test.step('the confirmation email has the calendar file and the manage link', async () => {
    const mail = await openEmail(page, { to: alice.email, subjectIncludes: 'Je bent aangemeld voor', link: /\/aanmelding\//, a11y: true });
    aliceManageLink = mail.link;
    const ics = page.getByRole('link', { name: 'cursus.ics' });
    await expect(ics).toBeVisible();
    const calendar = await (await page.request.get((await ics.getAttribute('href'))!)).text();
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toMatch(/BEGIN:VEVENT[\s\S]*UID:[0-9a-f-]{36}@politiekactief/);
  });

  await test.step('signing up again with the same address looks the same, and the link shows the registration', async () => {
    await page.goto(`${course.href}/aanmelden`);
    await fillSignUp(page, alice);
    await page.getByRole('button', { name: 'Aanmelden voor de wachtlijst' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' })).toBeVisible();
    await confirmByEmail(page, openEmail, alice.email);
    await expect(page.getByRole('status').filter({ hasText: 'Je was al aangemeld' })).toBeVisible();
    await expect(page.getByText('Aangemeld.', { exact: true })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('the course is full now: the next person goes on the waitlist', async () => {
    await page.goto(course.href);
    await expect(page.getByText('Vol — wachtlijst')).toBeVisible();
    await page.getByRole('link', { name: 'Aanmelden voor de wachtlijst' }).click();
    await expect(page.getByText('De cursus is vol. Je komt op de wachtlijst.')).toBeVisible();
    await fillSignUp(page, bob);
    await page.getByRole('button', { name: 'Aanmelden voor de wachtlijst' }).click();
    await confirmByEmail(page, openEmail, bob.email);
    await expect(page.getByRole('status').filter({ hasText: 'Je staat op de wachtlijst, plek 1' })).toBeVisible();
    await checkA11y(page);
    await openEmail(page, { to: bob.email, subjectIncludes: 'Je staat op de wachtlijst voor', link: /\/aanmelding\// });
  });

  await test.step('cancel by the link in the email, after "are you sure?"', async () => {
    await page.goto(aliceManageLink);
    await expect(page.getByRole('heading', { level: 1, name: 'Je aanmelding' })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page.getByText('Weet je het zeker?')).toBeVisible();
    await expect(page.getByText('Aangemeld.', { exact: true })).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Ja, meld mij af' }).click();
    await expect(page).toHaveURL(/\?notice=signUp\.cancelled#notice$/);
    await expect(page.getByRole('status').filter({ hasText: 'Je bent afgemeld' })).toBeVisible();
    // With JavaScript the page stays and focus moves to the notice, inside the live region, so it is read out.
    await expect(page.locator('#notice')).toBeFocused();
    await expect(page.locator('[role="status"] > #notice')).toContainText('Je bent afgemeld');
    await expect(page.getByText('Je bent afgemeld voor deze cursus.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Afmelden' })).toHaveCount(0);
    await checkA11y(page);
    await openEmail(page, { to: alice.email, subjectIncludes: 'Je bent afgemeld voor' });
  });

  await test.step('the waitlisted person is offered the seat by email and confirms it', async () => {
    const offer = await openEmail(page, {
      to: bob.email,
      subjectIncludes: 'Er is een plek vrij voor je',
      link: /\/aanmelding\//,
      a11y: true,
    });
    await page.goto(offer.link);
    await expect(page.getByText('Er is een plek vrij voor je')).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Bevestig mijn plek' }).click();
    await expect(page).toHaveURL(/\?notice=signUp\.claimed#notice$/);
    await expect(page.getByRole('status').filter({ hasText: 'Je plek is bevestigd' })).toBeVisible();
    await expect(page.getByText('Aangemeld.', { exact: true })).toBeVisible();
    await checkA11y(page);
    await openEmail(page, { to: bob.email, subjectIncludes: 'Je bent aangemeld voor', link: /\/aanmelding\// });
  });
});

test('a course or registration that does not exist gets a clear 404 page', async ({ page, checkA11y }) => {
  for (const path of ['/cursussen/bestaat-niet', '/cursussen/00000000-0000-4000-8000-000000000000', '/cursussen/bestaat-niet/aanmelden']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Deze cursus bestaat niet' })).toBeVisible();
  }
  await checkA11y(page);
  const response = await page.goto('/aanmelding/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'We vinden deze aanmelding niet' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: 'Naar alle cursussen' }).click();
  await expect(page).toHaveURL('/cursussen');
});

test('without JavaScript: filter, sign up, confirm and cancel work as plain forms', async ({ browser, openEmail }) => {
  // No axe here: it hangs with JavaScript disabled. The same pages are scanned in the journey above.
  // (A context of its own: with scripts off, Chromium reports the module preloads as blocked.)
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const person = { name: 'Zonder Script', email: uniqueEmail('cursus-nojs') };
    await page.goto('/cursussen');
    await page.getByLabel('Gemeente').selectOption({ label: 'Amsterdam' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/[?&]municipality=GM0363/);
    await expect(page.getByText('Eerst cursussen in Amsterdam, dan in de buurt, dan online.')).toBeVisible();
    await expect(page.getByLabel('Gemeente')).toHaveValue('GM0363');
    // The first course with seats left.
    const card = page
      .locator('.pa-course-card')
      .filter({ hasText: /Nog \d+ plek/ })
      .first();
    await card.getByRole('heading', { level: 3 }).getByRole('link').click();
    await page.getByRole('link', { name: 'Aanmelden', exact: true }).click();

    await page.getByLabel(/^Naam/).fill(person.name);
    const [invalid] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Aanmelden', exact: true }).click(),
    ]);
    expect(invalid.status()).toBe(400);
    await expectFieldError(page, 'Vul je e-mailadres in.');
    await expect(page.getByLabel(/^Naam/)).toHaveValue(person.name);

    await fillSignUp(page, person);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' })).toBeVisible();
    await confirmByEmail(page, openEmail, person.email);
    await expect(page.locator('#notice')).toContainText('Je bent aangemeld');
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page.getByText('Weet je het zeker?')).toBeVisible();
    await page.getByRole('button', { name: 'Ja, meld mij af' }).click();
    await expect(page.getByText('Je bent afgemeld voor deze cursus.')).toBeVisible();
    // Without JavaScript the new page opens at the notice (#notice) and the notice has focus (autofocus).
    await expect(page).toHaveURL(/\?notice=signUp\.cancelled#notice$/);
    await expect(page.locator('[role="status"] > #notice')).toContainText('Je bent afgemeld');
    await expect(page.locator('#notice')).toBeFocused();
  } finally {
    await context.close();
  }
});
