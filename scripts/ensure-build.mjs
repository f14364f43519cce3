// `npm start` on a fresh clone: build the app once when there is no build yet (or it is older than the source).
import { execSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

const buildFile = 'build/server/index.js';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const stale = !existsSync(buildFile) || newest('app') > statSync(buildFile).mtimeMs || newest('emails') > statSync(buildFile).mtimeMs;
if (stale) {
  console.log('Building the app (first start, or the source changed)…');
  execSync('npx remix vite:build', { stdio: 'inherit' });
}
