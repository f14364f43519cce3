import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/** The WCAG levels every page must meet (WCAG 2.2 AA, as the Dutch government requires). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The demo accounts that DEMO_DATA=true seeds (db/seed.server.ts). */
export const demo = {
  admin: { email: 'admin@politiekactief.example', password: 'Demo-beheer-2026', name: 'Anouk Admin' },
  coordinator: { email: 'coordinator@politiekactief.example', password: 'Demo-coordinator-2026', name: 'Cor Coördinator' },
  candidate: { email: 'kandidaat@politiekactief.example', password: 'Demo-kandidaat-2026', name: 'Kim Kandidaat' },
  /** Mentor in the network "Vrouwen in de Raad", with a proposal waiting in the demo data (db/seed-mentoring.ts). */
  mentor: { email: 'mentor@politiekactief.example', password: 'Demo-mentor-2026', name: 'Marieke Mentor' },
} as const;

/** An email address no other test (or earlier run against the same database) uses. */
export function uniqueEmail(label = 'e2e') {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.nl`;
}

export type OpenedEmail = {
  /** The first link in "Links in deze e-mail" (or the first that matches `link`). */
  link: string;
  /** Every link in the email, in order. */
  links: string[];
  subject: string;
  /** The /dev/mailbox/:id address of the message. */
  url: string;
};

export type OpenEmailOptions = {
  to: string;
  subjectIncludes: string | RegExp;
  /** Pick the first link matching this instead of the first link. */
  link?: RegExp;
  /** How long to wait for the email (the worker polls every second). */
  timeout?: number;
  /** Scan the message page with axe (once per spec is enough). */
  a11y?: boolean;
};

type Fixtures = {
  /** Runs axe with the WCAG 2.2 AA tags on the page as it is now and expects no violations. */
  checkA11y: (page?: Page, options?: { exclude?: string[] }) => Promise<void>;
  /**
   * Waits for an email in /dev/mailbox (newest first) for `to` whose subject matches, opens it and
   * returns its links. A message returned once is skipped by later calls in the same test, so asking
   * twice for "the login link email" returns the second email, not the first one again.
   */
  openEmail: (page: Page, options: OpenEmailOptions) => Promise<OpenedEmail>;
  /** Console errors matching one of these do not fail the test (for the rare expected one). */
  allowConsoleError: (pattern: RegExp) => void;
  /** Internal: the patterns allowConsoleError added. */
  consoleAllowList: RegExp[];
  /** Internal: collects console errors, page errors and failed assets, and fails the test on any. */
  pageProblems: void;
};

// Chromium reports every HTTP error response as a console error. Pages answer 400 (form errors),
// 403, 404 and 410 on purpose, so these messages are not counted; failed assets are caught below
// from the responses themselves instead.
const HTTP_STATUS_MESSAGE = /^Failed to load resource: the server responded with a status of 4\d\d/;
// Playwright's trace recorder snapshots every frame with a script; the mailbox's email preview is
// sandboxed without scripts on purpose, so Chromium blocks that and says so.
const TRACE_IN_SANDBOXED_PREVIEW = /^Blocked script execution in '[^']*\/dev\/mailbox\/[0-9a-f-]+\/html'/;
const ASSET_TYPES = new Set(['stylesheet', 'script', 'image', 'font', 'media', 'manifest']);

function formatViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'], url: string) {
  const lines = [`${violations.length} accessibility violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push('', `• [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}`, `  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`  - ${node.target.join(' ')}`);
      lines.push(`    ${node.html.slice(0, 200)}`);
      const summary = node.failureSummary
        ?.split('\n')
        .map((l) => `      ${l.trim()}`)
        .join('\n');
      if (summary) lines.push(summary);
    }
    if (v.nodes.length > 10) lines.push(`  … and ${v.nodes.length - 10} more`);
  }
  return lines.join('\n');
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  consoleAllowList: async ({}, use) => {
    await use([]);
  },

  allowConsoleError: async ({ consoleAllowList }, use) => {
    await use((pattern) => {
      consoleAllowList.push(pattern);
    });
  },

  pageProblems: [
    async ({ context, consoleAllowList }, use) => {
      const problems: string[] = [];
      const allowed = () => consoleAllowList;
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          const text = message.text();
          if (HTTP_STATUS_MESSAGE.test(text) || TRACE_IN_SANDBOXED_PREVIEW.test(text)) return;
          if (allowed().some((p) => p.test(text))) return;
          const where = message.location().url;
          problems.push(`console.error on ${page.url()}: ${text}${where ? ` (${where})` : ''}`);
        });
        page.on('pageerror', (error) => {
          problems.push(`uncaught error on ${page.url()}: ${error.stack ?? error.message}`);
        });
        page.on('response', (response) => {
          const type = response.request().resourceType();
          // A server error is never expected; a missing asset neither (4xx on pages and forms is).
          if (response.status() >= 500 || (ASSET_TYPES.has(type) && response.status() >= 400)) {
            problems.push(`${type} ${response.url()} answered ${response.status()} (on ${page.url()})`);
          }
        });
        page.on('requestfailed', (request) => {
          const failure = request.failure()?.errorText ?? '';
          // Navigating away cancels requests in flight; that is not a fault of the page.
          if (ASSET_TYPES.has(request.resourceType()) && !failure.includes('ERR_ABORTED')) {
            problems.push(`${request.resourceType()} ${request.url()} failed: ${failure}`);
          }
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      expect(problems.length, `The page logged errors:\n${problems.join('\n')}`).toBe(0);
    },
    { auto: true },
  ],

  checkA11y: async ({ page: defaultPage }, use) => {
    await use(async (page = defaultPage, options = {}) => {
      await page.waitForLoadState('load');
      let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
      // axe must run a script inside every frame it checks; in a frame sandboxed without
      // allow-scripts (the mailbox's email preview) that is blocked and axe hangs. Such a frame's
      // document is scanned on its own (see openEmail's a11y option).
      builder = builder.exclude('iframe[sandbox]:not([sandbox~="allow-scripts"])');
      for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
      const { violations } = await builder.analyze();
      expect(violations.length, formatViolations(violations, page.url())).toBe(0);
    });
  },

  openEmail: async ({ checkA11y }, use) => {
    const seen = new Set<string>();
    await use(async (page, { to, subjectIncludes, link, timeout = 15_000, a11y = false }) => {
      const matchesSubject = (subject: string) =>
        typeof subjectIncludes === 'string' ? subject.includes(subjectIncludes) : subjectIncludes.test(subject);
      const deadline = Date.now() + timeout;
      let href: string | undefined;
      let subject = '';
      while (!href) {
        // Filtered by the address: the mailbox lists 50 a page, and other tests send mail too.
        await page.goto(`/dev/mailbox?adres=${encodeURIComponent(to)}`);
        // Rows are newest first: columns time, to, subject (a link), status.
        const rows = await page.locator('tbody tr').evaluateAll((trs) =>
          trs.map((tr) => {
            const cells = tr.querySelectorAll('td');
            const anchor = tr.querySelector('a');
            return {
              to: cells[1]?.textContent?.trim() ?? '',
              subject: anchor?.textContent?.trim() ?? '',
              href: anchor?.getAttribute('href') ?? '',
            };
          }),
        );
        const match = rows.find((r) => r.to.toLowerCase() === to.toLowerCase() && matchesSubject(r.subject) && !seen.has(r.href));
        if (match) {
          href = match.href;
          subject = match.subject;
          break;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `No email to ${to} with a subject matching ${String(subjectIncludes)} within ${timeout} ms. The mailbox has:\n` +
              rows
                .slice(0, 10)
                .map((r) => `  ${r.to}: ${r.subject}`)
                .join('\n'),
          );
        }
        await page.waitForTimeout(300);
      }
      seen.add(href);
      await page.goto(href);
      await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
      const heading = page.getByRole('heading', { level: 2, name: /^(Links in deze e-mail|Links in this email)$/ });
      const links = await heading
        .locator('xpath=following-sibling::ul[1]')
        .getByRole('link')
        .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      if (a11y) {
        await checkA11y(page);
        // The email's HTML as a document of its own (its own URL forbids scripts, which axe needs).
        const html = await page.request.get(`${page.url()}/html`);
        if (html.ok()) {
          const preview = await page.context().newPage();
          try {
            await preview.setContent(await html.text());
            await checkA11y(preview);
          } finally {
            await preview.close();
          }
        }
      }
      const chosen = link ? links.find((l) => link.test(l)) : links[0];
      if (!chosen) throw new Error(`The email "${subject}" to ${to} has no link${link ? ` matching ${link}` : ''}: ${links.join(', ')}`);
      return { link: chosen, links, subject, url: page.url() };
    });
  },
});

/** Logs in with a password through the form on /inloggen and waits for the account page. */
export async function logInWithPassword(page: Page, email: string, password: string) {
  await page.goto('/inloggen');
  const form = page.getByRole('region', { name: /^(Met je wachtwoord|With your password)$/ });
  await form.getByLabel(/^(E-mailadres|Email address)/).fill(email);
  await form.getByLabel(/^(Wachtwoord|Password)/).fill(password);
  await form.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
}

/**
 * A refused field's message as a person meets it: beside the field, and as a link in the error
 * summary at the top of the form (ADR 014, "Forms").
 */
export async function expectFieldError(page: Page, text: string | RegExp) {
  await expect(page.locator('.utrecht-form-field-error-message').filter({ hasText: text }).first()).toBeVisible();
  await expect(page.locator('.pa-error-summary a').filter({ hasText: text }).first()).toBeVisible();
}
