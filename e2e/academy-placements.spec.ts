import { parseCalendar } from '../test/calendar';
import { demo, expect, expectFieldError, logInWithPassword, test } from './fixtures';

// Issue 15 point 6, job-shadowing placements: the coordinator invites a host for the demo academy
// (whose cohort is seeded: the demo candidate and two more accepted applications); the host accepts,
// fills in the profile and offers a slot; the candidate ranks it; the coordinator runs the assignment
// with the matching engine, pins a pair and publishes; the host accepts; both get the details with a
// calendar invitation (read back with ical.js). axe on every page, English once.

const academyName = 'Oriëntatieprogramma burgemeesters';
const host = { email: 'mentor@politiekactief.example', password: 'Demo-mentor-2026', name: 'Marieke Mentor' };

test('placements: invite a host, offer a slot, rank it, assign, publish, accept, calendar invitations', async ({
  page,
  checkA11y,
  openEmail,
  baseURL,
}) => {
  test.setTimeout(600_000); // one long journey of four people; the shared machines are slow at times
  let placementsPath = '';
  await test.step('the coordinator opens the academy’s placements and invites a host', async () => {
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await page.goto('/beheer/academies');
    await page.getByRole('link', { name: academyName }).click();
    await page.getByRole('navigation', { name: 'Pagina’s van deze academie' }).getByRole('link', { name: 'Meeloopstages' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Meeloopstages: ${academyName}` })).toBeVisible();
    placementsPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await expectFieldError(page, 'Vul een naam in.');
    await checkA11y();
    await page.getByLabel(/^Naam/).fill(host.name);
    await page.getByLabel(/^E-mailadres/).fill(host.email);
    await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De uitnodiging is verstuurd.' })).toBeVisible();
    await expect(page.getByText(`${host.name} (${host.email})`)).toBeVisible();
  });

  await test.step('the host accepts the invitation, fills in the profile and offers a slot', async () => {
    await page.context().clearCookies();
    await logInWithPassword(page, host.email, host.password);
    await page.waitForURL(/\/(account|mentor)/);
    const mail = await openEmail(page, {
      to: host.email,
      subjectIncludes: 'Uitnodiging: laat deelnemers',
      link: /\/stagebieder\/uitnodiging\//,
      a11y: true,
    });
    await page.goto(mail.link);
    await expect(page.getByRole('heading', { level: 1, name: 'Wil je een meeloopstage aanbieden?' })).toBeVisible();
    await checkA11y();
    await page.getByRole('button', { name: 'Ja, ik doe mee' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn meeloopstages' })).toBeVisible();

    const profile = page.locator('#host-profile');
    await profile.getByLabel(/^Functie/).selectOption({ label: 'burgemeester' });
    await profile.getByLabel(/^Gemeente/).selectOption({ label: 'Zwolle' });
    await profile.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Je gegevens zijn opgeslagen.' })).toBeVisible();

    const slot = page.locator('#offer-slot');
    await slot.getByLabel(/^Eerste dag/).fill('2027-04-12');
    await slot.getByLabel(/^Laatste dag/).fill('2027-04-11');
    await slot.getByLabel(/^Gemeente waar het is/).selectOption({ label: 'Zwolle' });
    await slot.getByLabel(/^Hoeveel deelnemers/).fill('2');
    await slot.getByRole('button', { name: 'Plek aanbieden' }).click();
    await expectFieldError(page, 'Vul de laatste dag in. Die is gelijk aan of later dan de eerste dag.');
    await checkA11y();
    await page
      .locator('#offer-slot')
      .getByLabel(/^Laatste dag/)
      .fill('2027-04-14');
    await page.locator('#offer-slot').getByRole('button', { name: 'Plek aanbieden' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Je plek is aangeboden.' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Dagen die je aanbiedt' })).toContainText('12 april 2027 t/m 14 april 2027');
    await checkA11y();
  });

  await test.step('the participant ranks the slot', async () => {
    await page.context().clearCookies();
    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await page.goto('/account/academies');
    await page.getByRole('link', { name: `Meeloopstage bij ${academyName}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Meeloopstage: ${academyName}` })).toBeVisible();
    await page.getByLabel(/^Marieke Mentor \(burgemeester\), Zwolle/).selectOption({ label: 'Keuze 1' });
    await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Je keuzes zijn opgeslagen.' })).toBeVisible();
    await checkA11y();
  });

  await test.step('the coordinator runs the assignment, reads the reasons, pins a pair and publishes', async () => {
    await page.context().clearCookies();
    await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await page.goto(placementsPath);
    await expect(page.getByRole('table', { name: 'Plekken die gastheren aanbieden' })).toContainText('Marieke Mentor');
    await page.getByRole('button', { name: 'Indeling maken' }).click();
    const draft = page.getByRole('table', { name: 'Voorstel voor de indeling' });
    await expect(draft).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Een plek in dit voorstel: 2 van de 3 deelnemers.')).toBeVisible();
    const kim = draft.getByRole('row').filter({ hasText: demo.candidate.name });
    await expect(kim).toContainText('Keuze 1 van de deelnemer (+50)');
    await expect(kim).toContainText('Woont in Zwolle (+25)');
    await expect(kim).toContainText('100 van 100');
    await checkA11y();
    await page.getByRole('button', { name: `Vastzetten: ${demo.candidate.name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgezet.' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Jouw regels voor de indeling' })).toContainText(demo.candidate.name);
    await page.getByRole('button', { name: 'Indeling versturen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'De indeling is verstuurd: de gastheren hebben een e-mail gekregen over 2 deelnemers.' }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Verstuurde indeling' })).toContainText('Wacht op antwoord van de gastheer');
  });

  await test.step('the host accepts the participant', async () => {
    await page.context().clearCookies();
    await logInWithPassword(page, host.email, host.password);
    await page.waitForURL(/\/(account|mentor)/);
    await openEmail(page, { to: host.email, subjectIncludes: `Wil je ${demo.candidate.name} laten meelopen?` });
    await page.goto('/stagebieder');
    const proposals = page.getByRole('table', { name: 'Deelnemers die met je meelopen' });
    await expect(proposals.getByRole('row').filter({ hasText: demo.candidate.name })).toContainText('Zwolle');
    await checkA11y();
    await page.getByRole('button', { name: `Ja: ${demo.candidate.name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Je hebt ja gezegd.' })).toBeVisible();
    await expect(proposals.getByRole('row').filter({ hasText: demo.candidate.name })).toContainText('Geaccepteerd');
  });

  await test.step('both get the details with a calendar invitation (METHOD:REQUEST, a stable UID, SEQUENCE)', async () => {
    const uids: string[] = [];
    for (const [to, other] of [
      [host.email, demo.candidate.name],
      [demo.candidate.email, host.name],
    ] as const) {
      await openEmail(page, { to, subjectIncludes: `Meeloopstage met ${other} staat vast` });
      const ics = page.getByRole('link', { name: 'meeloopstage.ics' });
      await expect(ics).toBeVisible();
      const calendar = parseCalendar(await (await page.request.get((await ics.getAttribute('href'))!)).text());
      expect(calendar.method).toBe('REQUEST');
      expect(calendar.events).toHaveLength(1);
      const [event] = calendar.events;
      expect(event!.uid).toMatch(/^placement-[0-9a-f-]{36}@politiekactief$/);
      expect(event!.sequence).toBe(0);
      expect(event!.attendees.sort()).toEqual([demo.candidate.email, host.email].sort());
      uids.push(event!.uid);
    }
    expect(uids[0]).toBe(uids[1]);
  });

  await test.step('the participant sees the placement, in English too', async () => {
    await page.context().clearCookies();
    await logInWithPassword(page, demo.candidate.email, demo.candidate.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await page.goto('/account/academies');
    await page.getByRole('link', { name: `Meeloopstage bij ${academyName}` }).click();
    await expect(page.getByRole('table', { name: 'Jouw meeloopstage' })).toContainText('Staat vast');
    await page.context().addCookies([{ name: 'pa_lang', value: 'en', url: baseURL ?? 'http://127.0.0.1' }]);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: `Placement: ${academyName}` })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Your placement' })).toContainText('Confirmed');
    await expect(page).toHaveTitle(`Placement: ${academyName} — Politiek Actief`);
    await checkA11y();
  });
});
