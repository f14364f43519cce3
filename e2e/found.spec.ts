import { expect, test } from './fixtures';

// Issue 16, items 3 and 5, on the demo catalogue in Chromium: the course page carries its schema.org
// Event and Open Graph tags in the served HTML, the catalogue filtered on a municipality offers its
// calendar feed (axe-clean), and sitemap.xml, robots.txt and the feed are served.

test('course page structured data, feed links, sitemap and robots', async ({ page, checkA11y, request }) => {
  await page.goto('/cursussen?municipality=GM0193');
  const subscribe = page.getByRole('region', { name: 'Zet deze cursussen in je agenda' });
  await expect(subscribe.getByRole('link', { name: 'Abonneren in je agenda-app' })).toHaveAttribute(
    'href',
    /^webcal:\/\/.+\/agenda\/gemeente\/GM0193\.ics$/,
  );
  await checkA11y(page);

  const feed = await request.get('/agenda/gemeente/GM0193.ics');
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('X-WR-CALNAME:Cursussen Politiek Actief in Zwolle');

  const sitemap = await (await request.get('/sitemap.xml')).text();
  const course = /<loc>[^<]*(\/cursussen\/[0-9a-f-]{36})<\/loc>/.exec(sitemap)?.[1];
  expect(course).toBeTruthy();
  expect(await (await request.get('/robots.txt')).text()).toMatch(/^Sitemap: .+\/sitemap\.xml$/m);

  await page.goto(course!);
  const json = await page.locator('script[type="application/ld+json"]').textContent();
  const event = JSON.parse(json ?? '{}') as { '@type'?: string; name?: string; startDate?: string };
  expect(event['@type']).toBe('Event');
  expect(event.name).toBe(await page.getByRole('heading', { level: 1 }).textContent());
  expect(event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', event.name!);
  await checkA11y(page);
});
