import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// Every page's <title> comes from the dictionaries through pageTitle() (app/components/page-title.ts),
// so it follows the visitor's language. This guards the structure: a page route without it, or with a
// title written in the route, fails here. e2e/titles.spec.ts visits the pages in English.

const routesDir = join(__dirname);
const pages = readdirSync(routesDir)
  .filter((file) => file.endsWith('.tsx'))
  .map((file) => ({ file, source: readFileSync(join(routesDir, file), 'utf8') }))
  .filter(({ source }) => /^export default function/m.test(source));

describe('page titles', () => {
  test('the routes are found', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  // The course layout (beheer.cursussen.$id) and the catch-all 404 page have no title of their own:
  // the course's tabs and the root's error title ("Deze pagina bestaat niet") give theirs.
  const withoutOwnTitle = new Set(['beheer.cursussen.$id.tsx', '$.tsx']);

  for (const { file, source } of pages) {
    if (withoutOwnTitle.has(file)) continue;
    test(`${file} takes its title from the dictionaries`, () => {
      const meta = source.match(/^export const meta\b[\s\S]*?;\n(?=\n|export|const|function|async|type)/m)?.[0];
      expect(meta, 'a meta export').toBeTruthy();
      expect(meta).toMatch(/pageTitle\(args, 'title\.\w+'/);
      expect(meta, 'no title written in the route').not.toMatch(/title:\s*['`]/);
    });
  }
});
