// Compiles the production server and the worker ahead of time (no TypeScript compiler at run time):
//   server/main.ts    → build/runtime/main.js    (`npm start`)
//   scripts/worker.ts → build/runtime/worker.js  (`npm run worker`)
//   app/modules/reports/protection-worker.ts → build/runtime/protection-worker.js (the report's LP
//   thread, ADR 020; both bundles start it from there)
// Our own code (server/, app/, db/, emails/) is bundled; packages in node_modules stay outside the
// bundle and are loaded by Node from node_modules, as before.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export const runtimeDir = 'build/runtime';
export const entries = {
  main: 'server/main.ts',
  worker: 'scripts/worker.ts',
  'protection-worker': 'app/modules/reports/protection-worker.ts',
};

// Source files that find their data next to themselves (db/migrate.server.ts: `new URL('./migrations',
// import.meta.url)`) keep doing so: in the bundle, import.meta.url of such a file becomes the address
// of the original file, worked out relative to the bundle, so the build keeps working when the
// checkout is moved or copied into an image.
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|mts|js|mjs)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const contents = await readFile(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return undefined;
      const fromBundle = path.relative(path.resolve(runtimeDir), args.path).split(path.sep).join('/');
      const loader = path.extname(args.path).slice(1).replace(/^m/, '');
      return {
        contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: loader === 'mjs' ? 'js' : loader,
      };
    });
  },
};

export async function buildServer() {
  await build({
    entryPoints: entries,
    outdir: runtimeDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    outExtension: { '.js': '.js' },
    tsconfig: 'tsconfig.json',
    jsx: 'automatic',
    logLevel: 'warning',
    plugins: [keepSourceUrls],
    // protection-thread.server.ts: in the compiled server, the LP worker is the compiled one.
    define: { __PA_COMPILED_SERVER__: 'true' },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  await buildServer();
  console.log(`server compiled to ${runtimeDir}/ in ${Date.now() - started} ms`);
}
