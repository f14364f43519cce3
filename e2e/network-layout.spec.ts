import { demo, expect, logInWithPassword, test } from './fixtures';

// Every page of one network sits in the network's layout (issue 14): the network's name as the page's
// heading, and the tabs between its pages with the current one marked, also on an application's own
// page below "Aanvragen" and on the candidacy route's page (issue 17).

test('every network page shows the network and its tabs, the current one marked', async ({ page, checkA11y }) => {
  await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
  await expect(page).toHaveURL('/beheer');
  await page.goto('/beheer/netwerken');
  const link = page.locator('a[href^="/beheer/netwerken/"]').filter({ hasText: /\S/ });
  const hrefs = await link.evaluateAll((links) =>
    links.map((a) => a.getAttribute('href')!).filter((h) => /^\/beheer\/netwerken\/[0-9a-f-]{36}$/.test(h)),
  );
  // A network with an application (the demo data has some), for an application's own page too. The
  // suite runs in shards (e2e/run.mjs), so this must not rely on an application made by another spec.
  let base = '';
  let application: string | null = null;
  for (const href of hrefs) {
    await page.goto(`${href}/aanvragen`);
    const links = page.locator(`a[href^="${href}/aanvragen/"]`);
    if ((await links.count()) > 0) {
      base = href;
      application = await links.first().getAttribute('href');
      break;
    }
  }
  expect(application, 'a network with an application').toBeTruthy();
  await page.goto(base);
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  expect(name.length).toBeGreaterThan(0);

  const pages: [path: string, tab: string][] = [
    [base, 'Overzicht'],
    [`${base}/bewerken`, 'Bewerken'],
    [`${base}/mentoren`, 'Mentoren'],
    [`${base}/aanvragen`, 'Aanvragen'],
    [application!, 'Aanvragen'],
    [`${base}/koppelen`, 'Koppelen'],
    [`${base}/koppelingen`, 'Koppelingen'],
    [`${base}/route`, 'Route naar de lijst'],
  ];
  for (const [path, tab] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(name);
    const nav = page.getByRole('navigation', { name: 'Pagina’s van dit netwerk' });
    await expect(nav.getByRole('link'), path).toHaveCount(7);
    const current = nav.locator('[aria-current="page"]');
    await expect(current, `${path}: one tab marked`).toHaveCount(1);
    await expect(current, path).toHaveText(tab);
    await checkA11y(page);
  }
});
