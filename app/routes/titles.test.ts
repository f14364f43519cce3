import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// Every page's <title> comes from the dictionaries through pageTitle() (app/components/page-title.ts),
// so it follows the visitor's language. This guards the structure: a page route without it, or with a
// title written in the route, fails here. e2e/titles.spec.ts visits the pages in English.

const routesDir = join(__dirname);
// Flat route files, and folder routes (`<name>/route.tsx` beside the parts of their page).
const pages = readdirSync(routesDir, { withFileTypes: true })
  .map((entry) => (entry.isDirectory() ? join(entry.name, 'route.tsx') : entry.name))
  .filter((file) => file.endsWith('.tsx') && existsSync(join(routesDir, file)))
  .map((file) => ({ file, source: readFileSync(join(routesDir, file), 'utf8') }))
  .filter(({ source }) => /^export default function/m.test(source));

describe('page titles', () => {
  test('the routes are found', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  // The course and network layouts (beheer.cursussen.$id, beheer.netwerken.$id) and the catch-all 404
  // page have no title of their own:
  // the course's tabs and the root's error title ("Deze pagina bestaat niet") give theirs.
  const withoutOwnTitle = new Set(['beheer.cursussen.$id.tsx', 'beheer.netwerken.$id.tsx', '$.tsx']);

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

// The pages e2e/titles.spec.ts cannot reach with the demo data (no academy, no match for the demo
// mentor, no network open to the demo candidate): their meta, called as Remix calls it, in English.
describe('titles of pages the demo data does not reach', () => {
  const english = [{ id: 'root', data: { locale: 'en' } }];
  const titleOf = (descriptors: unknown) => (descriptors as { title?: string }[]).find((d) => d.title)?.title;
  type Meta = (args: { data: unknown; matches: typeof english; error?: unknown }) => unknown;

  test.each([
    ['beheer.academies.$id', { academy: { name: 'Academie Noord' } }, 'Academy: Academie Noord — Politiek Actief'],
    ['beheer.academies.$id_.oproep', { academy: { name: 'Academie Noord' } }, 'Call: Academie Noord — Politiek Actief'],
    ['beheer.academies.$id_.beoordelaars', { academy: { name: 'Academie Noord' } }, 'Reviewers: Academie Noord — Politiek Actief'],
    ['beheer.academies.$id_.selectie', { academy: { name: 'Academie Noord' } }, 'Selection: Academie Noord — Politiek Actief'],
    ['academies.$id_.beoordelen', { academy: { name: 'Academie Noord' } }, 'Review: Academie Noord — Politiek Actief'],
    ['koppeling.$matchId._index', { otherName: 'Mila Mentor' }, 'Match with Mila Mentor — Politiek Actief'],
    ['koppeling.$matchId.feedback', { otherName: 'Mila Mentor' }, 'How is it going with Mila Mentor? — Politiek Actief'],
    ['mentor_.voorstellen.$matchId', { proposal: { mentee: { firstName: 'Kim' } } }, 'Proposal: Kim — Politiek Actief'],
    [
      'mentoraat.aanvragen.$networkId',
      { network: { name: 'Vrouwen in de Raad' } },
      'Apply for a mentor: Vrouwen in de Raad — Politiek Actief',
    ],
  ])('%s', async (route, data, expected) => {
    const { meta } = (await import(`./${route}.tsx`)) as { meta: Meta };
    expect(titleOf(meta({ data, matches: english }))).toBe(expected);
    // Without data (the loader failed), the title names the problem, in English too.
    expect(titleOf(meta({ data: undefined, matches: english }))).toBe('This page does not exist — Politiek Actief');
  });
});
