// Starts the built app for the end-to-end tests (playwright.config.ts runs this as its webServer).
// - With DATABASE_URL set, that database is used as it is (demo data is seeded when it is empty).
// - Otherwise a fresh embedded database in .data/e2e/pglite-<port>, deleted and recreated on every run
//   (per port, so that shards side by side, e2e/run.mjs, each have their own).
// NODE_ENV=test serves the production build (no Vite) but keeps /dev/mailbox, where every email
// lands because no email provider is configured.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.E2E_PORT ?? 3100);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

for (const file of ['build/server/index.js', 'build/runtime/main.js']) {
  if (!existsSync(path.join(root, file))) {
    console.error(`e2e/serve.mjs: ${file} is missing. Run \`npm run build\` first (npm run test:e2e does).`);
    process.exit(1);
  }
}

const env = {
  ...process.env,
  NODE_ENV: 'test',
  PORT: String(port),
  HOST: '127.0.0.1',
  DEMO_DATA: 'true',
  APP_URL: `http://127.0.0.1:${port}`,
  EMAIL_RETRY_DELAY_SECONDS: '1',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
};
// The tests read every email in /dev/mailbox: never send through a real provider.
delete env.RESEND_API_KEY;
delete env.RESEND_BASE_URL;

if (env.DATABASE_URL) {
  delete env.PGLITE_DIR;
} else {
  const dataDir = path.join(root, `.data/e2e/pglite-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  env.PGLITE_DIR = dataDir;
}

// The server's output goes to .data/e2e/server-<port>.log (and its errors to the terminal as well).
mkdirSync(path.join(root, '.data/e2e'), { recursive: true });
const logFile = `.data/e2e/server-${port}.log`;
const log = createWriteStream(path.join(root, logFile));
// The compiled server, as `npm start` runs it in production.
const child = spawn(process.execPath, ['--enable-source-maps', 'build/runtime/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.pipe(log, { end: false });
child.stderr.on('data', (chunk) => {
  log.write(chunk);
  process.stderr.write(chunk);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    stopping = true;
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  const line = `e2e/serve.mjs: the server exited (${signal ?? `code ${code}`})${stopping ? ' as asked' : ''}\n`;
  // An exit nobody asked for is what makes every later test fail with ERR_CONNECTION_REFUSED.
  if (!stopping) process.stderr.write(`${line}See ${logFile}.\n`);
  log.end(line, () => process.exit(stopping ? 0 : (code ?? 1)));
});
