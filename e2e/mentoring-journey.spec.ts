import type { Browser, Page } from '@playwright/test';
import { demo, expect, logInWithPassword, test, uniqueEmail, type OpenedEmail, expectFieldError } from './fixtures';

// Issue 4, the whole mentoring journey: a person applies → the coordinator runs the matching, pins
// the pair and publishes → the mentor declines → a re-run proposes someone else → that mentor
// accepts → both get the introduction with contact details → a check-in is logged. axe on every page.
// The coordinator makes a fresh network with two fresh mentors, so the run only sees this journey's
// people: mentor A lives in the mentee's municipality (the better fit), mentor B elsewhere.

// Fail fast on a missing control instead of waiting for the long test timeout.
test.use({ actionTimeout: 15_000 });

type Person = { name: string; firstName: string; email: string; password: string };

const person = (name: string, label: string, password: string): Person => ({
  name,
  firstName: name.split(' ')[0]!,
  email: uniqueEmail(label),
  password,
});

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

/** Waits for the matching job to finish: the page shows the draft (it refreshes itself; we reload too). */
async function waitForDraft(page: Page, url: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 3, name: 'Voorstel', exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [500, 1_000, 2_000] });
}

test('apply → run, pin, publish → decline → re-run proposes another mentor → accept → introduction → check-in → end', async ({
  page,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(420_000);
  const suffix = Date.now().toString(36);
  const networkName = `Reisnetwerk ${suffix}`;
  const mentorA = person('Anna Dichtbij', 'mentor-a', 'mentor-a-wachtwoord-lang');
  const mentorB = person('Bram Verderop', 'mentor-b', 'mentor-b-wachtwoord-lang');
  const mentee = person('Fenna Nieuwkomer', 'mentee', 'een lange zin voor mijn mentor');
  const declineReason = 'Ik heb de komende maanden te weinig tijd.';
  const checkInNote = 'Eerste kennismaking, we spraken over de begroting.';
  let networkUrl = '';
  let networkId = '';

  await test.step('the coordinator creates a national, open network', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await expect(page).toHaveURL('/beheer');
    await page.goto('/beheer/netwerken/nieuw');
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw netwerk' })).toBeVisible();
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
  });

  await test.step('the coordinator invites two mentors', async () => {
    await page.goto(`${networkUrl}/mentoren`);
    await checkA11y(page);
    for (const mentor of [mentorA, mentorB]) {
      await page.getByRole('textbox', { name: /^Naam/ }).fill(mentor.name);
      await page.getByRole('textbox', { name: /^E-mailadres/ }).fill(mentor.email);
      await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'De uitnodiging is verstuurd.' })).toBeVisible();
    }
  });

  const mentorPages = new Map<Person, Page>();
  for (const [mentor, municipality] of [
    [mentorA, 'Zwolle'],
    [mentorB, 'Maastricht'],
  ] as const) {
    await test.step(`${mentor.name} accepts the invitation and completes the profile (${municipality})`, async () => {
      const mentorPage = await newPage(browser);
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
      await checkA11y(mentorPage);
    });
  }
  const pageA = mentorPages.get(mentorA)!;
  const pageB = mentorPages.get(mentorB)!;

  const menteePage = await newPage(browser);
  await test.step('the mentee registers and applies, sharing a disability with consent', async () => {
    await menteePage.goto('/registreren');
    await menteePage.getByLabel(/^Naam/).fill(mentee.name);
    await menteePage.getByLabel(/^E-mailadres/).fill(mentee.email);
    await menteePage.getByLabel(/^Wachtwoord/).fill(mentee.password);
    await menteePage.getByRole('main').getByRole('button', { name: 'Account maken' }).click();
    await expect(menteePage).toHaveURL('/registreren/verstuurd');
    const mail = await openEmail(menteePage, { to: mentee.email, subjectIncludes: 'Bevestig je e-mailadres', link: /\/verifieren\// });
    await menteePage.goto(mail.link);
    await menteePage.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await expect(menteePage).toHaveURL(/\/account\?notice=account\.verified#notice$/);

    await menteePage.goto('/mentoraat?gemeente=GM0193');
    await expect(menteePage.getByRole('heading', { level: 3, name: networkName })).toBeVisible();
    await checkA11y(menteePage);
    await menteePage.getByRole('link', { name: `Mentor aanvragen bij ${networkName}` }).click();
    await expect(menteePage).toHaveURL(`/mentoraat/aanvragen/${networkId}?gemeente=GM0193`);
    await expect(menteePage.getByRole('heading', { level: 1, name: 'Een mentor aanvragen' })).toBeVisible();
    await checkA11y(menteePage);
    await menteePage.getByLabel('Je gemeente').selectOption({ label: 'Zwolle' });
    await menteePage.getByLabel('zorg', { exact: true }).check();
    await menteePage.getByLabel('Raadslid worden').check();
    await menteePage.getByRole('group', { name: 'Dinsdag', exact: true }).getByLabel('Dinsdag avond').check();
    await menteePage.getByLabel(/^Je doel in je eigen woorden/).fill('Ik wil weten hoe je raadslid wordt.');
    await menteePage.getByLabel('Ik heb (nog) geen partij').check();
    await menteePage.getByLabel('Ik heb een beperking of chronische ziekte').check();
    await menteePage.getByLabel(/^Ik geef toestemming/).check();
    await menteePage.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect(menteePage).toHaveURL(/\/account\/mentoraat\?notice=application\.sent#notice$/);
    await expect(menteePage.getByRole('row', { name: new RegExp(networkName) })).toContainText(
      'Je hebt met toestemming gedeeld dat je een beperking hebt.',
    );
    await checkA11y(menteePage);
  });

  const runUrl = () => `${networkUrl}/koppelen`;
  const pairsTable = () => page.getByRole('table', { name: 'Voorgestelde koppelingen, met de score en waarom ze passen' });

  await test.step('the coordinator runs the matching: the mentee is paired with mentor A, with score and reasons', async () => {
    await page.goto(runUrl());
    await expect(page.getByText('Wachtende mentees: 1. Mentoren met een ingevuld profiel: 2.')).toBeVisible();
    await checkA11y(page);
    await page.getByRole('button', { name: 'Koppelingen zoeken' }).click();
    await waitForDraft(page, runUrl());
    const row = pairsTable().getByRole('row', { name: new RegExp(mentee.name) });
    await expect(row).toContainText(mentorA.name);
    await expect(row).toContainText('Zwolle');
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d+ van 100$/);
    await expect(row.getByRole('listitem').first()).toBeVisible();
    await checkA11y(page);
  });

  await test.step('pin the pair and publish', async () => {
    const row = pairsTable().getByRole('row', { name: new RegExp(mentee.name) });
    await row.getByRole('button', { name: /^Vastzetten/ }).click();
    await expect(pairsTable().getByRole('row', { name: new RegExp(mentee.name) })).toContainText('Vastgezet');
    await checkA11y(page);
    await page.getByRole('button', { name: 'Voorstel versturen naar de mentoren' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Voorstel verstuurd' })).toBeVisible();
    await checkA11y(page);
  });

  await test.step('mentor A opens the proposal from the email: no special-category data, no contact details', async () => {
    const email: OpenedEmail = await openEmail(pageA, {
      to: mentorA.email,
      subjectIncludes: `Nieuwe mentee voor jou: ${mentee.firstName}`,
      link: /\/mentor\/voorstellen\//,
      a11y: true,
    });
    await expect(pageA.locator('pre.pa-mail-text')).not.toContainText(/beperking|ziekte/i);
    await expect(pageA.locator('pre.pa-mail-text')).not.toContainText(mentee.email);
    await pageA.goto(email.link);
    await expect(pageA.getByRole('heading', { level: 1, name: `Voorstel: ${mentee.firstName}` })).toBeVisible();
    await expect(pageA.getByRole('main')).toContainText('Zwolle');
    await expect(pageA.getByRole('main')).not.toContainText(/beperking|ziekte|chronisch/i);
    await expect(pageA.getByRole('main')).not.toContainText(mentee.email);
    await expect(pageA.getByRole('main')).not.toContainText(mentee.name);
    await checkA11y(pageA);
  });

  await test.step('mentor A declines with a reason (an empty reason is refused first)', async () => {
    await pageA.getByRole('button', { name: 'Nee, ik zeg dit voorstel af' }).click();
    await expectFieldError(pageA, 'Schrijf kort de reden op.');
    await checkA11y(pageA);
    await pageA.getByLabel(/^Waarom past het niet\?/).fill(declineReason);
    await pageA.getByRole('button', { name: 'Nee, ik zeg dit voorstel af' }).click();
    await expect(pageA.getByText('Je hebt het voorstel afgewezen. Dank je voor je antwoord.')).toBeVisible();
    await checkA11y(pageA);
  });

  await test.step('the coordinator sees the decline with its reason', async () => {
    await page.goto(`${networkUrl}/koppelingen`);
    await expect(page.getByRole('heading', { level: 1, name: networkName })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Koppelingen' })).toBeVisible();
    await expect(page.getByText(declineReason)).toBeVisible();
    await checkA11y(page);
  });

  await test.step('a re-run proposes mentor B, never mentor A again', async () => {
    await page.goto(runUrl());
    await expect(page.getByText('Wachtende mentees: 1. Mentoren met een ingevuld profiel: 2.')).toBeVisible();
    await page.getByRole('button', { name: 'Koppelingen zoeken' }).click();
    await waitForDraft(page, runUrl());
    const row = pairsTable().getByRole('row', { name: new RegExp(mentee.name) });
    await expect(row).toContainText(mentorB.name);
    await expect(pairsTable()).not.toContainText(mentorA.name);
    await checkA11y(page);
    await page.getByRole('button', { name: 'Voorstel versturen naar de mentoren' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Voorstel verstuurd' })).toBeVisible();
  });

  await test.step('mentor B accepts from the email', async () => {
    const email = await openEmail(pageB, {
      to: mentorB.email,
      subjectIncludes: `Nieuwe mentee voor jou: ${mentee.firstName}`,
      link: /\/mentor\/voorstellen\//,
    });
    await pageB.goto(email.link);
    await expect(pageB.getByRole('main')).not.toContainText(/beperking|ziekte|chronisch/i);
    await checkA11y(pageB);
    await pageB.getByRole('button', { name: `Ja, ik word mentor van ${mentee.firstName}` }).click();
    await expect(pageB.getByText('Je hebt ja gezegd. Jullie krijgen allebei een e-mail met elkaars contactgegevens.')).toBeVisible();
    await checkA11y(pageB);
    // Mentor A's page no longer lists a proposal.
    await pageA.goto('/mentor');
    await expect(pageA.getByText('Er wacht nu geen voorstel op je antwoord.')).toBeVisible();
    await checkA11y(pageA);
  });

  let matchUrl = '';
  await test.step('both get the introduction with the other one’s contact details', async () => {
    const toMentee = await openEmail(menteePage, { to: mentee.email, subjectIncludes: /^Kennismaken met/, link: /\/koppeling\// });
    await expect(menteePage.locator('pre.pa-mail-text')).toContainText(mentorB.email);
    await expect(menteePage.locator('pre.pa-mail-text')).toContainText(networkName);
    matchUrl = new URL(toMentee.link).pathname;
    await openEmail(pageB, { to: mentorB.email, subjectIncludes: /^Kennismaken met/, link: /\/koppeling\// });
    await expect(pageB.locator('pre.pa-mail-text')).toContainText(mentee.email);
    await expect(pageB.locator('pre.pa-mail-text')).not.toContainText(/beperking|ziekte/i);
  });

  await test.step('the mentee logs a check-in; the mentor sees it', async () => {
    await menteePage.goto(matchUrl);
    await expect(menteePage.getByRole('heading', { level: 1, name: new RegExp(`^Koppeling met ${mentorB.firstName}`) })).toBeVisible();
    await expect(menteePage.getByRole('main')).toContainText(mentorB.email);
    await expect(menteePage.getByText('Nog geen afspraken opgeschreven.')).toBeVisible();
    await checkA11y(menteePage);
    await menteePage.getByRole('radio', { name: 'Online' }).check();
    await menteePage.getByLabel(/^Korte notitie/).fill(checkInNote);
    await menteePage.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect(menteePage.getByText('De afspraak is opgeslagen.')).toBeVisible();
    await expect(menteePage.getByRole('table', { name: new RegExp('^Afspraken met') })).toContainText(checkInNote);
    await checkA11y(menteePage);

    await pageB.goto(matchUrl);
    await expect(pageB.getByRole('main')).toContainText(mentee.email);
    await expect(pageB.getByRole('table', { name: new RegExp('^Afspraken met') })).toContainText(checkInNote);
    await expect(pageB.getByRole('main')).not.toContainText(/beperking|ziekte|chronisch/i);
    await checkA11y(pageB);
  });

  await test.step('the coordinator sees the active match', async () => {
    await page.goto(`${networkUrl}/koppelingen`);
    const active = page.getByRole('table', { name: /Actieve koppelingen/ });
    await expect(active.getByRole('row', { name: new RegExp(mentee.name) })).toContainText(mentorB.name);
    await checkA11y(page);
  });

  await test.step('the mentee ends the match through its confirmation step: "Nee" keeps it; an empty reason is refused at the step', async () => {
    // With JavaScript: the link opens the step in the page, its heading takes the focus.
    await menteePage.goto(matchUrl);
    const endLink = (p: typeof page) => p.getByRole('link', { name: `Koppeling met ${mentorB.name} stoppen` });
    const stepHeading = (p: typeof page) => p.getByRole('heading', { level: 3, name: `Koppeling met ${mentorB.name} stoppen?` });
    await endLink(menteePage).click();
    await expect(stepHeading(menteePage)).toBeFocused();
    await checkA11y(menteePage);
    await menteePage.getByRole('link', { name: 'Nee, niet stoppen' }).click();
    await expect(stepHeading(menteePage)).toHaveCount(0);
    await expect(endLink(menteePage)).toBeVisible();

    // Without JavaScript: the step is a page of its own, opened at its heading; "Ja" does it.
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await menteePage.context().storageState() });
    const noJs = await context.newPage();
    try {
      await noJs.goto(matchUrl);
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

  for (const p of [pageA, pageB, menteePage]) await p.context().close();
});
