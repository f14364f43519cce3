// `npm start` on a fresh clone: build the app and compile the server once when there is no build yet
// (or it is older than the source).
import { execSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildServer, entries, runtimeDir } from './build-server.mjs';

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const child of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

const appBuild = 'build/server/index.js';
if (Math.max(newest('app'), newest('emails')) > builtAt(appBuild)) {
  console.log('Building the app (first start, or the source changed)…');
  execSync('npx remix vite:build', { stdio: 'inherit' });
}

const serverSources = ['server', 'app', 'db', 'emails', 'scripts/worker.ts', 'scripts/build-server.mjs', 'tsconfig.json'];
const serverBuilt = Math.min(...Object.keys(entries).map((name) => builtAt(`${runtimeDir}/${name}.js`)));
if (Math.max(...serverSources.map(newest)) > serverBuilt) {
  console.log('Compiling the server (first start, or the source changed)…');
  await buildServer();
}
