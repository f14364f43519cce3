import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';
import remixConfig from './remix.config.js';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixConfig), tsconfigPaths()],
  build: {
    // Keep server-only packages out of the browser bundle; they are imported only from *.server.ts.
    target: 'es2022',
  },
  ssr: {
    // Native or WASM packages stay outside the server bundle and are loaded by Node at run time.
    external: ['@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'pg', 'postgres'],
  },
});
