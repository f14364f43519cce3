// Runs the browser suite (`npm run test:e2e`, after the build) in shards side by side: each shard is
// its own Playwright process with its own server, port and fresh database, so that no shard sees
// another's sign-ups or emails. The suite runs one test at a time per server (playwright.config.ts),
// which leaves one of the machine's two cores mostly waiting; two shards use both.
//
// - E2E_SHARDS: how many (default 2; 1 runs the suite as one process, as before).
// - With DATABASE_URL, each shard gets a new database next to it (<name>_e2e_<n>), dropped afterwards;
//   without it, each shard's server makes its own embedded database (e2e/serve.mjs).
// - Arguments (a spec file, -g …) run one plain Playwright process with them, without shards.
import { spawn } from 'node:child_process';
import postgres from 'postgres';

const args = process.argv.slice(2);
const shards = args.length > 0 ? 1 : Math.max(1, Number(process.env.E2E_SHARDS ?? 2));
const basePort = Number(process.env.E2E_PORT ?? 3100);

/** A database URL for shard n, next to the given one. */
function shardDatabase(url, n) {
  const u = new URL(url);
  const name = `${decodeURIComponent(u.pathname.slice(1)) || 'postgres'}_e2e_${n}`;
  u.pathname = `/${name}`;
  return { url: u.toString(), name };
}

async function withAdmin(url, work) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await work(sql);
  } finally {
    await sql.end();
  }
}

function run(command, commandArgs, env, prefix) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { env, stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (prefix) {
      for (const stream of [child.stdout, child.stderr]) {
        let rest = '';
        stream.on('data', (chunk) => {
          const lines = (rest + chunk.toString()).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
        });
        stream.on('end', () => rest && process.stdout.write(`${prefix} ${rest}\n`));
      }
    }
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const playwright = 'node_modules/.bin/playwright';

if (shards === 1) {
  process.exit(await run(playwright, ['test', ...args], process.env));
}

const databases = process.env.DATABASE_URL ? Array.from({ length: shards }, (_, i) => shardDatabase(process.env.DATABASE_URL, i + 1)) : [];
if (databases.length > 0) {
  await withAdmin(process.env.DATABASE_URL, async (sql) => {
    for (const db of databases) {
      await sql.unsafe(`drop database if exists "${db.name}" with (force)`);
      await sql.unsafe(`create database "${db.name}"`);
    }
  });
}

const started = Date.now();
const codes = await Promise.all(
  Array.from({ length: shards }, (_, i) => {
    const env = { ...process.env, E2E_PORT: String(basePort + 2 * i) };
    if (databases[i]) env.DATABASE_URL = databases[i].url;
    return run(playwright, ['test', `--shard=${i + 1}/${shards}`, `--output=test-results/shard-${i + 1}`], env, `[${i + 1}/${shards}]`);
  }),
);

if (databases.length > 0) {
  await withAdmin(process.env.DATABASE_URL, async (sql) => {
    for (const db of databases) await sql.unsafe(`drop database if exists "${db.name}" with (force)`);
  });
}
console.log(
  `\n${shards} shards in ${Math.round((Date.now() - started) / 1000)} s: ${codes.map((c, i) => `shard ${i + 1} ${c === 0 ? 'passed' : 'FAILED'}`).join(', ')}`,
);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
