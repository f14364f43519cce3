import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Routes stay thin (STYLE.md, issue #14): a route file over 400 lines has grown parts of its own, which
// belong in a folder route beside it (route.tsx plus its forms and queries) or in a module. Every file
// of a folder route counts on its own, and so do the `*.server.ts` helpers beside the routes; the tests
// in app/routes are not part of a page and do not count. No exceptions: split the file instead.

const ROOT = path.resolve(import.meta.dirname, '..');
const ROUTES = path.join(ROOT, 'app/routes');
const LIMIT = 400;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const lineCount = (file: string) => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length;

describe('route files', () => {
  const files = routeFiles(ROUTES);

  it('are read, folder routes included', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith(path.join('beheer.cursussen.$id._index', 'sessions.tsx')))).toBe(true);
  });

  it(`have at most ${LIMIT} lines each`, () => {
    const tooLong = files
      .map((file) => ({ file: path.relative(ROOT, file), lines: lineCount(file) }))
      .filter(({ lines }) => lines > LIMIT)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(tooLong, `split these into a folder route or a module:\n${tooLong.join('\n')}`).toEqual([]);
  });
});
