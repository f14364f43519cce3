import { defineConfig } from 'knip/config';

// `npm run lint` runs knip: it fails on a file, export, type or dependency that nothing uses.
// The Remix, Vite, Vitest, Playwright, drizzle-kit and ESLint plugins find most entries by
// themselves (routes, root, entry.*, test files, configs, the scripts in package.json). Listed here
// are the entries they cannot see.
export default defineConfig({
  entry: [
    // The route config (Remix's plugin does not read app/routes.ts yet).
    'app/routes.ts',
    // Scripts, among them the worker compiled by scripts/build-server.mjs (the production server,
    // server/main.ts, is found through `npm run dev`).
    'scripts/*.{ts,mjs}',
    // Benchmarks run by hand (`npx tsx bench/…`); those in package.json are found there.
    'bench/*.ts',
    // The report's LP worker thread (ADR 020), started by file path: from source through this
    // bootstrap, compiled by scripts/build-server.mjs.
    'app/modules/reports/protection-worker{.ts,-source.mjs}',
    // Spawned by server/outage.test.ts as a separate process.
    'server/fixtures/*.ts',
    // Stylesheets, imported by app/root.tsx with Vite's `?url` (a suffix knip does not follow).
    'app/styles/*.css',
  ],
  project: ['**/*.{ts,tsx,js,mjs,css}', '!build/**', '!db/migrations/**'],
  // The NL Design System packages are imported from CSS (app/styles/components.css,
  // `@import '@utrecht/…/dist/index.css'`): turn each `@import` into a JavaScript import so that
  // knip sees them, and a package nobody imports any more is reported.
  compilers: {
    css: (text: string) => [...text.matchAll(/(?<=@)import[^;]+/g)].join('\n'),
  },
});
