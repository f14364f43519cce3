import type { Page } from '@playwright/test';
import { expect, test, uniqueEmail } from './fixtures';

type Focused = { tag: string; name: string; id: string; href: string | null; visibleFocus: boolean; style: string };

/** What has the focus, and whether that is visible (an outline or a box-shadow). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', id: '', href: null, visibleFocus: false, style: '' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const label = (el as HTMLInputElement).labels?.[0];
    const name = el.getAttribute('aria-label') ?? (label ? label.textContent : el.textContent) ?? '';
    return {
      tag: el.tagName.toLowerCase(),
      name: name.replace(/\s+/g, ' ').trim(),
      id: el.id,
      href: el.getAttribute('href'),
      visibleFocus: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    };
  });
}

async function expectVisibleFocus(page: Page) {
  const f = await focused(page);
  expect(f.visibleFocus, `focus on <${f.tag}> "${f.name}" is not visible (${f.style})`).toBe(true);
  return f;
}

/** Presses Tab (or Shift+Tab) until the focused element matches, checking each stop shows its focus. */
async function tabTo(page: Page, matches: (f: Focused) => boolean, { backwards = false, max = 30 } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    seen.push(`<${f.tag}> ${f.name}`);
    if (f.tag !== 'body') expect(f.visibleFocus, `focus on <${f.tag}> "${f.name}" is not visible (${f.style})`).toBe(true);
    if (matches(f)) return f;
  }
  throw new Error(`Tab never reached the element. Focus went: ${seen.join(' → ')}`);
}

test('register with the keyboard only', async ({ page, checkA11y }) => {
  const email = uniqueEmail('keyboard');
  await page.goto('/');
  await checkA11y(page);

  // The first Tab reaches the skip link, which shows itself; Enter moves the focus to the content.
  await page.keyboard.press('Tab');
  const skip = await expectVisibleFocus(page);
  expect(skip).toMatchObject({ tag: 'a', href: '#main', name: 'Naar de inhoud' });
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  // "Account maken" in the header: the last menu item, just before the content.
  await tabTo(page, (f) => f.tag === 'a' && f.name === 'Account maken', { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/registreren');
  await expect(page.getByRole('heading', { level: 1, name: 'Account maken' })).toBeVisible();
  await checkA11y(page);

  await tabTo(page, (f) => f.tag === 'input' && f.name.startsWith('Naam'));
  await page.keyboard.type('Kees Toetsenbord');
  await tabTo(page, (f) => f.tag === 'input' && f.name.startsWith('E-mailadres'));
  await page.keyboard.type(email);
  await tabTo(page, (f) => f.tag === 'input' && f.name.startsWith('Wachtwoord'));
  await page.keyboard.type('toetsenbord is ook een manier');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL('/registreren/verstuurd');
  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' })).toBeVisible();
  await checkA11y(page);
});

test('the submit button and the language switch show their focus too', async ({ page }) => {
  await page.goto('/registreren');
  await tabTo(page, (f) => f.tag === 'button' && f.name === 'Switch to English');
  await tabTo(page, (f) => f.tag === 'button' && f.name === 'Account maken');
});
