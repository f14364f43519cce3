// npm run bench:start — how fast the production web process starts and how much memory it holds,
// run through tsx (TypeScript compiled at run time, as `npm start` did before) and compiled ahead
// (build/runtime/main.js, as `npm start` does now), on each Node given.
//
//   start-up: from spawning the process to the first 200 from /healthz (polled every 20 ms)
//   RSS:      resident memory of the whole process group (tsx runs node under itself), read from
//             /proc right after the first healthy /healthz, and again after 50 GETs of /cursussen
//
// Options (or BENCH_<NAME>): --database=postgres://…/db (default: an embedded database seeded once
// with the demo data, copied for every start), --runs=5, --nodes=node,/path/to/node24, --port=3221.
// The app must be built (`npm run build`).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { option, root } from './lib';

const runs = Number(option('runs', '5'));
const port = Number(option('port', '3221'));
const database = option('database', '');
const nodes = option('nodes', process.execPath).split(',');

for (const file of ['build/server/index.js', 'build/runtime/main.js']) {
  if (!existsSync(path.join(root, file))) throw new Error(`${file} is missing: run npm run build first`);
}

const variants = {
  tsx: (node: string) => [node, path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'],
  compiled: (node: string) => [node, '--enable-source-maps', 'build/runtime/main.js'],
};

const scratch = mkdtempSync(path.join(tmpdir(), 'h-bench-start-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

function groupRss(pgid: number) {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: the process group
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

async function once(command: string[], dataDir: string | undefined) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    APP_SECRET: 'politiek-actief benchmark secret, only for throw-away databases',
    DEMO_DATA: dataDir ? 'true' : 'false',
  };
  if (database) {
    env.DATABASE_URL = database;
    env.WORKER_IN_WEB = 'false';
  } else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = dataDir;
  }
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    let healthyMs = 0;
    while (!healthyMs) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${errors}`);
      if (performance.now() - started > 180_000) throw new Error(`not healthy in 180 s:\n${errors}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) healthyMs = performance.now() - started;
      } catch {
        // not listening yet
      }
      if (!healthyMs) await new Promise((r) => setTimeout(r, 20));
    }
    const rssHealthy = groupRss(child.pid!);
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/cursussen`);
      if (!res.ok) throw new Error(`/cursussen answered ${res.status}`);
      await res.arrayBuffer();
    }
    return { healthyMs, rssHealthy, rssLoaded: groupRss(child.pid!) };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The embedded database: migrated and seeded once, then copied so that every start finds the same data.
let seeded: string | undefined;
if (!database) {
  seeded = path.join(scratch, 'seeded');
  console.log('Preparing an embedded database with the demo data…');
  await once(variants.compiled(process.execPath), seeded);
} else {
  console.log('Migrating the database once…');
  await once(variants.compiled(process.execPath), undefined);
}

console.log(`database: ${database ? database.replace(/\/\/[^@]*@/, '//') : 'embedded (PGlite, demo data)'}; ${runs} runs each, medians`);
console.log('node      | server   | start → healthy | RSS healthy | RSS after 50 × /cursussen');
for (const node of nodes) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  for (const [name, command] of Object.entries(variants)) {
    const results = [];
    for (let run = 0; run < runs; run++) {
      let dataDir: string | undefined;
      if (seeded) {
        dataDir = path.join(scratch, `run-${run}`);
        rmSync(dataDir, { recursive: true, force: true });
        cpSync(seeded, dataDir, { recursive: true });
      }
      results.push(await once(command(node), dataDir));
    }
    const ms = median(results.map((r) => r.healthyMs));
    const spread = `${Math.round(Math.min(...results.map((r) => r.healthyMs)))}–${Math.round(Math.max(...results.map((r) => r.healthyMs)))}`;
    console.log(
      `${version.padEnd(9)} | ${name.padEnd(8)} | ${`${Math.round(ms)} ms (${spread})`.padEnd(15)} | ${`${Math.round(median(results.map((r) => r.rssHealthy)))} MB`.padEnd(11)} | ${Math.round(median(results.map((r) => r.rssLoaded)))} MB`,
    );
  }
}
