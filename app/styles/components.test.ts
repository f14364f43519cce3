import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The pages load only the NL Design System components they use (app/styles/components.css), not the
// whole library. This keeps that list right: a utrecht-* class in our markup whose component is not
// imported would render unstyled, and an import nothing uses is weight for nothing.

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const componentsCss = readFileSync(path.join(root, 'app/styles/components.css'), 'utf8');
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

const imports = [...withoutComments(componentsCss).matchAll(/@import\s+'([^']+)'/g)].map((m) => m[1]!);

/** The blocks (`utrecht-button`, `utrecht-form-field`) each imported file styles. */
const blocksOf = new Map(
  imports.map((spec) => {
    const css = withoutComments(readFileSync(require.resolve(spec), 'utf8'));
    const blocks = new Set([...css.matchAll(/\.(utrecht-[a-z0-9-]+?)(?=__|--|[^a-z0-9-]|$)/g)].map((m) => m[1]!));
    return [spec, blocks] as const;
  }),
);
const styled = new Set([...blocksOf.values()].flatMap((b) => [...b]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [file] : [];
  });
}

/** Every utrecht-* class our markup names, by block; a name built at run time (`utrecht-heading-${level}`) ends in "-". */
const usedBlocks = new Map<string, string[]>();
for (const file of sourceFiles(path.join(root, 'app'))) {
  const text = readFileSync(file, 'utf8');
  // Custom properties (`--utrecht-…`) are tokens, not classes.
  for (const m of text.matchAll(/(?<![-a-z0-9])utrecht-[a-z0-9_-]+/g)) {
    const block = m[0].split(/__|--/)[0]!;
    usedBlocks.set(block, [...(usedBlocks.get(block) ?? []), path.relative(root, file)]);
  }
}

const isStyled = (block: string) => (block.endsWith('-') ? [...styled].some((b) => b.startsWith(block)) : styled.has(block));

describe('the NL Design System components the pages load', () => {
  it('imports a component for every utrecht-* class in our markup', () => {
    expect(usedBlocks.size).toBeGreaterThan(15);
    const missing = [...usedBlocks]
      .filter(([block]) => !isStyled(block))
      .map(([block, files]) => `${block} (${[...new Set(files)].join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('imports no component that our markup does not use', () => {
    const unused = [...blocksOf]
      .filter(([, blocks]) => ![...blocks].some((b) => [...usedBlocks.keys()].some((u) => (u.endsWith('-') ? b.startsWith(u) : b === u))))
      .map(([spec]) => spec);
    expect(unused).toEqual([]);
  });

  it('takes each from a package of its own, pinned in package.json, and never the whole library', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const spec of imports) {
      const name = spec.split('/').slice(0, 2).join('/');
      expect(pkg.dependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(pkg.dependencies['@utrecht/component-library-css']).toBeUndefined();
    const rootTsx = readFileSync(path.join(root, 'app/root.tsx'), 'utf8');
    expect(rootTsx).toContain("from './styles/components.css?url'");
  });
});
