import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demo, expect, logInWithPassword, test } from './fixtures';

// Issue 16, item 4: a coordinator copies the iframe code from /beheer; a page on another origin (a
// small server on another 127.0.0.1 port) frames it, the list renders, is axe-clean inside the frame
// and its links leave the frame. Any other page of ours refuses to be framed.

let server: Server;
let otherOrigin = '';
let pages: Record<string, string> = {};

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const body = pages[req.url ?? '/'];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // "localhost" and 127.0.0.1 with another port: another origin (and another site) than the app.
  otherOrigin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const wrap = (inner: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente Voorbeeld</title></head><body><main><h1>Gemeente Voorbeeld</h1>${inner}</main></body></html>`;

test('another site frames the course list from the /beheer snippet; other pages refuse', async ({
  page,
  checkA11y,
  baseURL,
  allowConsoleError,
}) => {
  // The refusal below is reported by the browser as a console error: that is the point of it.
  allowConsoleError(/violates the following Content Security Policy directive: "frame-ancestors 'none'"/);
  await logInWithPassword(page, demo.coordinator.email, demo.coordinator.password);
  await expect(page).toHaveURL('/beheer');
  const snippet = await page.getByLabel('Code voor je website').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/cursussen\?organisation=[0-9a-f-]{36}"/);
  await checkA11y(page);

  pages = {
    '/embed.html': wrap(snippet),
    '/refused.html': wrap(`<iframe src="${baseURL}/cursussen" title="Cursussen"></iframe>`),
  };

  await page.goto(`${otherOrigin}/embed.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'Cursussen Politiek Actief' })).toBeVisible();
  const courseLinks = frame.getByRole('listitem').getByRole('link');
  expect(await courseLinks.count()).toBeGreaterThan(0);
  await expect(courseLinks.first()).toHaveAttribute('target', '_top');
  await expect(courseLinks.first()).toHaveAttribute('href', new RegExp(`^${baseURL}/cursussen/[0-9a-f-]{36}$`));
  await expect(frame.getByRole('navigation')).toHaveCount(0); // no menu of ours inside the frame
  await checkA11y(page);

  // Following a link opens the course at the top level, not inside the other site's frame.
  await courseLinks.first().click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/cursussen/[0-9a-f-]{36}$`));

  // Any other page: the browser refuses to show it in the frame.
  const refused = await page.request.get(`${baseURL}/cursussen`);
  expect(refused.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await page.goto(`${otherOrigin}/refused.html`);
  const child = page.frames().find((f) => f !== page.mainFrame());
  await expect.poll(() => child?.url()).toMatch(/^chrome-error:|^about:blank/);
  await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveCount(0);
});
