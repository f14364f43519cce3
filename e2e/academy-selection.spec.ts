import type { Browser, Page } from '@playwright/test';
import { demo, expect, expectFieldError, logInWithPassword, test, uniqueEmail, type OpenedEmail, type OpenEmailOptions } from './fixtures';

// Issue 15, points 1–3: a coordinator opens an academy's call; three people apply (one without
// JavaScript); two invited reviewers accept and score alone (one in English); the coordinator admits
// two, is refused a third admission, reserves one and releases the decisions; one admitted person
// refuses the place and the reserve is offered it. Emails are followed in /dev/mailbox.

type OpenEmail = (page: Page, options: OpenEmailOptions) => Promise<OpenedEmail>;
type Person = { name: string; email: string; page: Page };

const PASSWORD = 'een lange zin voor de academie';

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
  const mail = await openEmail(page, { to: email, subjectIncludes: 'Bevestig je e-mailadres', link: /\/verifieren\// });
  await page.goto(mail.link);
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
  await expect(page).toHaveURL(/\/account\?notice=account\.verified#notice$/);
  return { name, email, page };
}

test('a coordinator runs an academy’s selection: call, applications, reviewers, decisions, release, a reserve moving up', async ({
  page,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(900_000);
  const academyName = `Raadsledenacademie Proef ${Date.now().toString(36)}`;
  const secretParty = `Geheime Partij ${Date.now().toString(36)}`;
  let academyPath = '';
  let academyId = '';

  await test.step('the coordinator creates an academy and opens its call (bad input first)', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    await page.goto('/beheer/academies');
    await page.getByRole('link', { name: 'Nieuwe academie (Nederlandse Vereniging voor Raadsleden)' }).click();
    await page.getByRole('textbox', { name: /^Naam/ }).fill(academyName);
    await page.getByRole('button', { name: 'Academie maken' }).click();
    await expect(page.getByRole('status')).toBeVisible();
    await page.getByRole('link', { name: academyName }).click();
    await expect(page).toHaveURL(/\/beheer\/academies\/[0-9a-f-]{36}$/);
    academyPath = new URL(page.url()).pathname;
    academyId = academyPath.split('/').pop()!;
    await page.getByRole('navigation', { name: 'Pagina’s van deze academie' }).getByRole('link', { name: 'Oproep' }).click();
    await expect(page).toHaveURL(`${academyPath}/oproep`);
    await expect(page.getByRole('heading', { level: 2, name: 'Oproep' })).toBeVisible();
    await checkA11y(page);

    await page.getByRole('checkbox', { name: 'De oproep staat online' }).check();
    await page.getByRole('spinbutton', { name: /^Aantal plaatsen/ }).fill('2');
    await page.getByRole('button', { name: 'Oproep opslaan' }).click();
    await expectFieldError(page, 'Vul in vanaf wanneer mensen zich kunnen aanmelden.');
    await expectFieldError(page, 'Een oproep die online staat heeft minstens één onderdeel om op te beoordelen.');
    await expect(page.getByRole('spinbutton', { name: /^Aantal plaatsen/ })).toHaveValue('2');
    await checkA11y(page);

    await page.getByLabel('Aanmelden kan vanaf').fill(localInput(-60));
    await page.getByLabel('Aanmelden kan tot').fill(localInput(24 * 60));
    await page.getByRole('textbox', { name: 'Onderdeel 1' }).fill('Motivatie');
    await page.getByRole('textbox', { name: 'Onderdeel 2' }).fill('Ervaring');
    await page.getByRole('group', { name: 'Vraag 1' }).getByRole('textbox', { name: 'Vraag' }).fill('Waarom wil je raadslid worden?');
    await page.getByRole('group', { name: 'Vraag 1' }).getByRole('checkbox', { name: 'Verplicht' }).check();
    await page.getByRole('button', { name: 'Oproep opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De oproep is opgeslagen.');
    await expect(page.getByRole('textbox', { name: 'Onderdeel 1' })).toHaveValue('Motivatie');
  });

  // Five people: three applicants (the third without JavaScript) and two reviewers.
  const applicants: Person[] = [];
  const reviewers: Person[] = [];
  await test.step('three people register and apply; one of them without JavaScript', async () => {
    for (const [index, name] of ['Anna Aanmelder', 'Bram Aanmelder', 'Cato Aanmelder'].entries()) {
      const person = await register(browser, openEmail, `academie-${index + 1}`, name, index !== 2);
      applicants.push(person);
      const p = person.page;
      await p.goto(`/academies/${academyId}`);
      await expect(p.getByRole('heading', { level: 1, name: academyName })).toBeVisible();
      await p
        .getByRole('main')
        .getByRole('link', { name: /^Aanmelden/ })
        .first()
        .click();
      await expect(p.getByRole('heading', { level: 1 })).toContainText(academyName);
      await p.getByLabel(/^Waarom wil je meedoen|^Motivatie/).fill(`Ik wil meedoen, zegt ${name}.`);
      await p.getByLabel(/^Waarom wil je raadslid worden\?/).fill(`Omdat ${name} iets wil veranderen.`);
      if (index === 0) {
        // Special-category data and a party the reviewers may not see.
        await p.getByLabel('Bij welke partij', { exact: false }).fill(secretParty);
        await p.getByRole('checkbox', { name: 'een vrouw' }).check();
        await p.getByLabel('Ik heb een beperking of chronische ziekte').check();
        await p.getByLabel(/^Ik geef toestemming/).check();
      }
      await p.getByRole('button', { name: 'Aanmelding versturen' }).click();
      await expect(p).toHaveURL(/\/account\/academies\?notice=academyApplication\.sent/);
      await expect(p.getByText('Je aanmelding is verstuurd.')).toBeVisible();
    }
  });

  await test.step('the coordinator invites two reviewers', async () => {
    reviewers.push(await register(browser, openEmail, 'beoordelaar-1', 'Rita Beoordelaar'));
    reviewers.push(await register(browser, openEmail, 'beoordelaar-2', 'Ruben Reviewer'));
    await page.goto(academyPath);
    await page.getByRole('navigation', { name: 'Pagina’s van deze academie' }).getByRole('link', { name: 'Beoordelaars' }).click();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expectFieldError(page, 'Vul je e-mailadres in.');
    for (const reviewer of reviewers) {
      await page.getByRole('textbox', { name: /^E-mailadres/ }).fill(reviewer.email);
      await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd.');
      await expect(page.locator('.pa-item__title', { hasText: reviewer.email })).toBeVisible();
    }
    await expect(page.getByRole('heading', { name: '2 uitnodigingen open' })).toBeVisible();
  });

  await test.step('the reviewers accept; the link works once', async () => {
    for (const reviewer of reviewers) {
      const mail = await openEmail(reviewer.page, {
        to: reviewer.email,
        subjectIncludes: 'beoordeel de aanmeldingen',
        link: /\/academies\/uitnodiging\//,
        a11y: reviewer === reviewers[0],
      });
      await reviewer.page.goto(mail.link);
      await expect(reviewer.page.getByRole('heading', { level: 1, name: 'Aanmeldingen beoordelen' })).toBeVisible();
      if (reviewer === reviewers[0]) await checkA11y(reviewer.page);
      await reviewer.page.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
      await expect(reviewer.page).toHaveURL(new RegExp(`/academies/${academyId}/beoordelen\\?notice=academyReviewer\\.welcome`));
      await expect(reviewer.page.getByText('Beoordelen kan als de aanmeldperiode voorbij is')).toBeVisible();
      await reviewer.page.goto(mail.link);
      await expect(reviewer.page.getByRole('heading', { level: 1 })).not.toHaveText('Aanmeldingen beoordelen');
    }
    // Their home: /account/academies lists the academy.
    await reviewers[0]!.page.goto('/account/academies');
    await expect(reviewers[0]!.page.getByRole('link', { name: `Aanmeldingen beoordelen: ${academyName}` })).toBeVisible();
  });

  await test.step('the coordinator closes the call', async () => {
    await page.goto(`${academyPath}/oproep`);
    await page.getByLabel('Aanmelden kan tot').fill(localInput(-1));
    await page.getByRole('button', { name: 'Oproep opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De oproep is opgeslagen.');
  });

  const score = async (p: Page, applicant: string, values: [number, number], criteria: [string, string], submit: RegExp) => {
    const card = p.getByRole('region', { name: applicant });
    await card
      .getByRole('group', { name: new RegExp(`^${criteria[0]}`) })
      .getByLabel(String(values[0]), { exact: true })
      .check();
    await card
      .getByRole('group', { name: new RegExp(`^${criteria[1]}`) })
      .getByLabel(String(values[1]), { exact: true })
      .check();
    await card.getByRole('button', { name: submit }).click();
  };

  await test.step('the first reviewer scores alone, and sees only the allowed fields', async () => {
    const p = reviewers[0]!.page;
    await p.goto(`/academies/${academyId}/beoordelen`);
    await expect(p.getByText('Je hebt 0 van 3 aanmeldingen beoordeeld.')).toBeVisible();
    await expect(p.getByText('Ik wil meedoen, zegt Anna Aanmelder.')).toBeVisible();
    // Never focus groups, disability or (not chosen for reviewers) the party.
    // The party is the person's own text: nowhere in the HTML (nor in the data it carries). The page's
    // dictionary ships with it, so the focus-group and disability labels are checked in what it shows.
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
    await checkA11y(p);
    await score(p, 'Anna Aanmelder', [5, 4], ['Motivatie', 'Ervaring'], /^Cijfers opslaan/);
    await expect(p.getByRole('status')).toContainText('Je cijfers zijn opgeslagen.');
    await expect(
      p.getByRole('region', { name: 'Anna Aanmelder' }).getByText('Nog niemand anders heeft deze aanmelding beoordeeld.'),
    ).toBeVisible();
    await score(p, 'Bram Aanmelder', [4, 4], ['Motivatie', 'Ervaring'], /^Cijfers opslaan/);
    await score(p, 'Cato Aanmelder', [3, 3], ['Motivatie', 'Ervaring'], /^Cijfers opslaan/);
    await expect(p.getByText('Je hebt 3 van 3 aanmeldingen beoordeeld.')).toBeVisible();
  });

  await test.step('the second reviewer scores in English and only then sees the other scores', async () => {
    const p = reviewers[1]!.page;
    await p.context().addCookies([{ name: 'pa_lang', value: 'en', url: new URL(page.url()).origin }]);
    await p.goto(`/academies/${academyId}/beoordelen`);
    await expect(p.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
    await expect(p.getByText('You have reviewed 0 of 3 applications.')).toBeVisible();
    await expect(p.getByText('Reviewer 1')).toHaveCount(0);
    await checkA11y(p);
    await score(p, 'Anna Aanmelder', [4, 4], ['Motivatie', 'Ervaring'], /^Save scores/);
    await expect(p.getByRole('status')).toContainText('Your scores have been saved.');
    await expect(p.getByRole('region', { name: 'Anna Aanmelder' }).getByText('Reviewer 1')).toBeVisible();
    await score(p, 'Bram Aanmelder', [5, 5], ['Motivatie', 'Ervaring'], /^Save scores/);
    await score(p, 'Cato Aanmelder', [2, 3], ['Motivatie', 'Ervaring'], /^Save scores/);
  });

  await test.step('the coordinator admits two, is refused a third, reserves one', async () => {
    await page.goto(academyPath);
    await page.getByRole('navigation', { name: 'Pagina’s van deze academie' }).getByRole('link', { name: 'Selectie' }).click();
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
  });

  await test.step('the coordinator releases the decisions after the confirmation step', async () => {
    await page.getByRole('link', { name: 'Besluiten versturen' }).click();
    await expect(page.getByText('Dit verstuurt 3 e-mails.')).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Ja, besluiten versturen' }).click();
    await expect(page.getByRole('status')).toContainText('De besluiten zijn verstuurd: 3 e-mails.');
    await expect(page.getByRole('row', { name: /Cato Aanmelder/ })).toContainText('Reserve 1');
    await expect(page.getByRole('row', { name: /Anna Aanmelder/ })).toContainText('Plaats aangeboden');
    await expect(page.getByRole('link', { name: 'Besluiten versturen' })).toHaveCount(0);
  });

  await test.step('one admitted person refuses the place, and the reserve is offered it', async () => {
    const [anna, bram, cato] = applicants as [Person, Person, Person];
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
});
