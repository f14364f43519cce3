import type { Browser, Page } from '@playwright/test';
import { demo, expect, expectFieldError, logInWithPassword, test } from './fixtures';

// The host on /stagebieder (issue #14): saying no with a reason, changing a slot someone is placed in,
// and withdrawing it through the confirmation step, each with and without JavaScript; withdrawing a
// slot nobody is placed in is one button. The demo academy "Oriëntatieprogramma burgemeesters" has a
// cohort of three in place; the demo mentor becomes its host. axe hangs with JavaScript disabled, so
// the states reached without it are scanned again in a page with JavaScript, with the same session.

const academyName = 'Oriëntatieprogramma burgemeesters';
const host = demo.mentor;

async function loggedIn(browser: Browser, javaScriptEnabled: boolean) {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await logInWithPassword(page, host.email, host.password);
  await page.waitForURL(/\/(account|mentor)/);
  return page;
}

const notice = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('the host says no, changes and withdraws slots on /stagebieder, with and without JavaScript', async ({
  page: coordinator,
  browser,
  checkA11y,
  openEmail,
}) => {
  test.setTimeout(600_000);
  let academyPath = '';

  const hostPage = await loggedIn(browser, true);
  await test.step('the coordinator invites the host, who accepts and offers a slot for two', async () => {
    await logInWithPassword(coordinator, demo.coordinator.email, demo.coordinator.password);
    await expect(coordinator).not.toHaveURL(/\/inloggen/);
    await coordinator.goto('/beheer/academies');
    await coordinator.getByRole('link', { name: academyName, exact: true }).click();
    await expect(coordinator).toHaveURL(/\/beheer\/academies\/[0-9a-f-]{36}$/);
    academyPath = new URL(coordinator.url()).pathname;
    await coordinator.goto(`${academyPath}/meeloopstages`);
    await coordinator.getByLabel(/^Naam/).fill(host.name);
    await coordinator.getByLabel(/^E-mailadres/).fill(host.email);
    await coordinator.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await expect(notice(coordinator, 'De uitnodiging is verstuurd.')).toBeVisible();

    const mail = await openEmail(hostPage, {
      to: host.email,
      // The academy's own invitation: the demo mentor may have older ones (other specs on the same data).
      subjectIncludes: `Uitnodiging: laat deelnemers van ${academyName} met je meelopen`,
      link: /\/stagebieder\/uitnodiging\//,
      timeout: 60_000,
    });
    await hostPage.goto(mail.link);
    await hostPage.getByRole('button', { name: 'Ja, ik doe mee' }).click();
    await expect(hostPage.getByRole('heading', { level: 1, name: 'Mijn meeloopstages' })).toBeVisible();
    const profile = hostPage.locator('#host-profile');
    await profile.getByLabel(/^Functie/).selectOption({ label: 'burgemeester' });
    await profile.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await profile.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await expect(notice(hostPage, 'Je gegevens zijn opgeslagen.')).toBeVisible();

    const slot = hostPage.locator('#offer-slot');
    await slot.getByLabel(/^Academie/).selectOption({ label: `${academyName} (Nederlandse Vereniging voor Raadsleden)` });
    await slot.getByLabel(/^Eerste dag/).fill('2027-09-06');
    await slot.getByLabel(/^Laatste dag/).fill('2027-09-08');
    await slot.getByLabel(/^Gemeente waar het is/).selectOption({ label: 'Zwolle' });
    await slot.getByLabel(/^Hoeveel deelnemers/).fill('2');
    await slot.getByRole('button', { name: 'Plek aanbieden' }).click();
    await expect(notice(hostPage, 'Je plek is aangeboden.')).toBeVisible();
  });

  await test.step('the coordinator assigns two of the three participants to it and publishes', async () => {
    await coordinator.goto(`${academyPath}/meeloopstages`);
    await coordinator.getByRole('button', { name: 'Indeling maken' }).click();
    await expect(coordinator.getByRole('table', { name: 'Voorstel voor de indeling' })).toBeVisible({ timeout: 30_000 });
    await coordinator.getByRole('button', { name: 'Indeling versturen' }).click();
    await expect(notice(coordinator, 'De indeling is verstuurd: de gastheren hebben een e-mail gekregen over 2 deelnemers.')).toBeVisible();
  });

  const noScripts = await loggedIn(browser, false);
  const proposals = (page: Page) => page.getByRole('table', { name: 'Deelnemers die met je meelopen' });
  let declined = '';
  let accepted = '';
  await test.step('without JavaScript the host says no to one: an empty reason is refused at the step', async () => {
    await noScripts.goto('/stagebieder');
    const no = proposals(noScripts)
      .getByRole('link', { name: /^Nee: / })
      .first();
    declined = (await no.textContent())!.replace(/^Nee: /, '').trim();
    await no.click();
    const heading = noScripts.getByRole('heading', { level: 3, name: `Nee zeggen tegen ${declined}` });
    await expect(heading).toBeFocused();
    await noScripts.getByRole('button', { name: 'Nee zeggen' }).click();
    // The step stays open at its own address, its summary focused, the reason's message linked.
    await expect(noScripts).toHaveURL(/\/stagebieder\?afwijzen=[0-9a-f-]{36}$/);
    await expectFieldError(noScripts, 'Schrijf kort waarom je nee zegt.');
    await expect(noScripts.locator('.pa-error-summary')).toBeFocused();
    await noScripts.getByLabel(/^Waarom zeg je nee/).fill('Die dagen ben ik op werkbezoek.');
    await noScripts.getByRole('button', { name: 'Nee zeggen' }).click();
    await expect(notice(noScripts, 'Je hebt nee gezegd.')).toBeVisible();
    await expect(proposals(noScripts).getByRole('row').filter({ hasText: declined })).toContainText('Afgewezen');
  });

  await test.step('with JavaScript the step checks the reason in the browser; the host accepts the other', async () => {
    await hostPage.goto('/stagebieder');
    const yes = proposals(hostPage).getByRole('button', { name: /^Ja: / });
    accepted = (await yes.textContent())!.replace(/^Ja: /, '').trim();
    expect(accepted).not.toBe(declined);
    const posts: string[] = [];
    hostPage.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await proposals(hostPage)
      .getByRole('link', { name: `Nee: ${accepted}` })
      .click();
    await expect(hostPage.getByRole('heading', { level: 3, name: `Nee zeggen tegen ${accepted}` })).toBeFocused();
    await hostPage.getByRole('button', { name: 'Nee zeggen' }).click();
    await expectFieldError(hostPage, 'Schrijf kort waarom je nee zegt.');
    await expect(hostPage.locator('.pa-error-summary')).toBeFocused();
    expect(posts, 'the browser refused it without sending').toEqual([]);
    await checkA11y(hostPage);
    await hostPage.getByRole('link', { name: 'Niet nu' }).click();
    await expect(hostPage.getByRole('heading', { level: 3, name: `Nee zeggen tegen ${accepted}` })).toHaveCount(0);
    await yes.click();
    await expect(notice(hostPage, 'Je hebt ja gezegd.')).toBeVisible();
    await expect(proposals(hostPage).getByRole('row').filter({ hasText: accepted })).toContainText('Geaccepteerd');
  });

  const slots = (page: Page) => page.getByRole('table', { name: 'Dagen die je aanbiedt' });
  await test.step('without JavaScript the host changes the slot: wrong days first, then new days', async () => {
    await noScripts.goto('/stagebieder');
    await expect(slots(noScripts).getByRole('row').filter({ hasText: '6 september 2027 t/m 8 september 2027' })).toContainText(accepted);
    await noScripts.getByRole('link', { name: 'Wijzigen: 6 september 2027 t/m 8 september 2027' }).click();
    await expect(noScripts.getByRole('heading', { level: 3, name: 'Plek wijzigen: 6 september 2027 t/m 8 september 2027' })).toBeVisible();
    const edit = noScripts.locator('#edit-slot');
    await edit.getByLabel(/^Laatste dag/).fill('2027-09-01');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expectFieldError(noScripts, 'Vul de laatste dag in. Die is gelijk aan of later dan de eerste dag.');
    await expect(noScripts).toHaveURL(/\/stagebieder\?wijzigen=[0-9a-f-]{36}$/);
    await noScripts
      .locator('#edit-slot')
      .getByLabel(/^Laatste dag/)
      .fill('2027-09-09');
    await noScripts.locator('#edit-slot').getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(notice(noScripts, 'De plek is gewijzigd.')).toBeVisible();
    await expect(slots(noScripts)).toContainText('6 september 2027 t/m 9 september 2027');
    // Both people of the accepted placement are told: the host's own copy.
    await openEmail(noScripts, { to: host.email, subjectIncludes: `Meeloopstage gewijzigd (${academyName})`, timeout: 60_000 });
  });

  await test.step('with JavaScript the host changes it again: the refusal focuses the summary, axe is clean', async () => {
    await hostPage.goto('/stagebieder');
    await hostPage.getByRole('link', { name: 'Wijzigen: 6 september 2027 t/m 9 september 2027' }).click();
    const edit = hostPage.locator('#edit-slot');
    await edit.getByLabel(/^Eerste dag/).fill('2027-09-10');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expectFieldError(hostPage, 'Vul de laatste dag in. Die is gelijk aan of later dan de eerste dag.');
    await expect(hostPage.locator('#edit-slot .pa-error-summary')).toBeFocused();
    await checkA11y(hostPage);
    await edit.getByLabel(/^Eerste dag/).fill('2027-09-07');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(notice(hostPage, 'De plek is gewijzigd.')).toBeVisible();
    await expect(slots(hostPage)).toContainText('7 september 2027 t/m 9 september 2027');
  });

  const dates = '7 september 2027 t/m 9 september 2027';
  await test.step('with JavaScript the withdrawal opens its step; "Nee" keeps the slot', async () => {
    await slots(hostPage)
      .getByRole('link', { name: `Intrekken: ${dates}` })
      .click();
    const heading = hostPage.getByRole('heading', { level: 3, name: `Plek intrekken: ${dates}?` });
    await expect(heading).toBeFocused();
    await expect(hostPage.getByText(`Op deze plek is al ingedeeld: ${accepted}.`)).toBeVisible();
    await checkA11y(hostPage);
    await hostPage.getByRole('link', { name: 'Nee, plek houden' }).click();
    await expect(heading).toHaveCount(0);
    await expect(slots(hostPage)).toContainText(dates);
  });

  await test.step('without JavaScript the host withdraws it: the placement is called off, both are told', async () => {
    await noScripts.goto('/stagebieder');
    await slots(noScripts)
      .getByRole('link', { name: `Intrekken: ${dates}` })
      .click();
    await expect(noScripts.getByRole('heading', { level: 3, name: `Plek intrekken: ${dates}?` })).toBeFocused();
    await noScripts.getByRole('button', { name: 'Ja, trek de plek in' }).click();
    await expect(notice(noScripts, /^De plek is ingetrokken/)).toBeVisible();
    await expect(slots(noScripts).getByRole('row').filter({ hasText: dates })).toHaveCount(0);
    // A called-off placement leaves the host's list; the "no" stays there for the coordinator.
    await expect(proposals(noScripts).getByRole('row').filter({ hasText: accepted })).toHaveCount(0);
    await expect(proposals(noScripts).getByRole('row').filter({ hasText: declined })).toContainText('Afgewezen');
    await openEmail(noScripts, { to: host.email, subjectIncludes: `Meeloopstage gaat niet door (${academyName})`, timeout: 60_000 });
  });

  await test.step('a slot nobody is placed in is withdrawn with one button, with and without JavaScript', async () => {
    for (const [page, first, last, days] of [
      [hostPage, '2027-10-04', '2027-10-05', '4 oktober 2027 t/m 5 oktober 2027'],
      [noScripts, '2027-10-11', '2027-10-12', '11 oktober 2027 t/m 12 oktober 2027'],
    ] as const) {
      await page.goto('/stagebieder');
      const slot = page.locator('#offer-slot');
      await slot.getByLabel(/^Academie/).selectOption({ label: `${academyName} (Nederlandse Vereniging voor Raadsleden)` });
      await slot.getByLabel(/^Eerste dag/).fill(first);
      await slot.getByLabel(/^Laatste dag/).fill(last);
      await slot.getByLabel(/^Gemeente waar het is/).selectOption({ label: 'Zwolle' });
      await slot.getByRole('button', { name: 'Plek aanbieden' }).click();
      await expect(notice(page, 'Je plek is aangeboden.')).toBeVisible();
      // Nobody is placed in it: no step, the button withdraws it.
      await slots(page)
        .getByRole('button', { name: `Intrekken: ${days}` })
        .click();
      await expect(notice(page, 'De plek is ingetrokken.')).toBeVisible();
      await expect(slots(page).getByRole('row').filter({ hasText: days })).toHaveCount(0);
    }
    await checkA11y(hostPage);
  });
});
