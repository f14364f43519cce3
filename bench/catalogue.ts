// npm run bench:catalogue — 1,000 published courses, one production web process; p50/p95 latency of
// /cursussen with and without filters at 10 concurrent, and the JavaScript the page loads (gzip).
//
//   npm run bench:catalogue                        # embedded PGlite in a fresh temporary folder
//   DATABASE_URL=postgres://… npm run bench:catalogue   # a PostgreSQL database of its own
//
// Options (argv `--name=value` or env BENCH_NAME): courses (1000), requests (300 per scenario),
// concurrency (10), warmup (20 per scenario), build (auto | always | never).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../db/client.server';
import { migrateDatabase, readMunicipalityData } from '../db/migrate.server';
import { organisations } from '../db/schema';
import { insertCoursePlans, planBulkCourses } from '../db/seed-courses';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function option(name: string, fallback: string) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg) return arg.slice(name.length + 3);
  return process.env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`] ?? fallback;
}
const COURSES = Number(option('courses', '1000'));
const REQUESTS = Number(option('requests', '300'));
const CONCURRENCY = Number(option('concurrency', '10'));
const WARMUP = Number(option('warmup', '20'));
const BUILD = option('build', 'auto');
const PORT = Number(option('port', '3421'));
const adminUrl = process.env.DATABASE_URL || undefined;
const base = `http://127.0.0.1:${PORT}`;

// ---------------------------------------------------------------------------------------------
// Clean-up, whatever happens

const cleanups: Array<() => Promise<void> | void> = [];
let cleaning: Promise<void> | undefined;
function cleanUp() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error('clean-up step failed:', error);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and removing the bench database…`);
    void cleanUp().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN;

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function ensureBuild() {
  if (BUILD === 'never') return;
  if (BUILD === 'always' || !existsSync('build/server/index.js')) {
    console.log('Building the app (npx remix vite:build)…');
    execFileSync('npx', ['remix', 'vite:build'], { stdio: 'inherit' });
    return;
  }
  // Same rule as `npm start`: rebuild when app/ or emails/ changed since the last build.
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
}

type Server = { child: ChildProcess; output: string[]; exited: Promise<number | null> };

function startServer(env: Record<string, string>): Server {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    detached: true, // its own process group, so tsx and the node process under it stop together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      APP_URL: base,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  try {
    process.kill(-server.child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000).unref());
  if ((await Promise.race([server.exited, timeout])) === 'timeout') {
    try {
      process.kill(-server.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function waitForHealth(server: Server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output.join('')}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy in ${timeoutMs / 1000} s:\n${server.output.join('')}`);
}

type Measured = { latencies: number[]; seconds: number; statuses: Map<number, number>; bytes: number; results: string };

/** `count` GETs of one URL, `concurrency` at a time. */
async function measure(url: string, count: number, concurrency: number): Promise<Measured> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  let bytes = 0;
  let results = '';
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const t0 = performance.now();
        const res = await fetch(url, { headers: { Accept: 'text/html', 'Accept-Encoding': 'identity' } });
        const html = await res.text();
        latencies.push(performance.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        bytes = html.length;
        results ||= resultCount(html);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, seconds: (performance.now() - started) / 1000, statuses, bytes, results };
}

/** How many courses the page says it found (the first number near "cursus"), or how many cards it shows. */
function resultCount(html: string) {
  const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
  const found = text.match(/(\d[\d.]*)\s+(cursus(sen)?|courses?)\b/i);
  return found ? found[1]! : '?';
}

/** The JavaScript a page loads: module scripts, modulepreloads and imports inside inline module scripts. */
async function pageJavaScript(pagePath: string) {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = m[0].match(/\bhref="([^"]+)"/)?.[1];
    if (href) urls.add(href);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = m[1]!.match(/\bsrc="([^"]+)"/)?.[1];
    if (src) urls.add(src);
    for (const imp of m[2]!.matchAll(/import\s*(?:\(\s*)?["']([^"']+\.js)["']/g)) urls.add(imp[1]!);
    for (const imp of m[2]!.matchAll(/from\s*["']([^"']+\.js)["']/g)) urls.add(imp[1]!);
  }
  const files: Array<{ url: string; raw: number; gzip: number }> = [];
  for (const url of [...urls].sort()) {
    const res = await fetch(new URL(url.replaceAll('&amp;', '&'), base), { headers: { 'Accept-Encoding': 'identity' } });
    if (!res.ok) {
      files.push({ url: `${url} (HTTP ${res.status})`, raw: 0, gzip: 0 });
      continue;
    }
    const body = Buffer.from(await res.arrayBuffer());
    files.push({ url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return files;
}

/** Other work on the machine skews every figure: say how busy it was. */
const machine = () =>
  `${cpus().length} CPUs, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`;

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

// ---------------------------------------------------------------------------------------------
// The bench

async function main() {
  console.log(`Machine: ${machine()}`);
  ensureBuild();

  // A database of its own: PostgreSQL next to DATABASE_URL's, or PGlite in a temporary folder.
  let serverEnv: Record<string, string>;
  let handle: DatabaseHandle;
  if (adminUrl) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    cleanups.push(() => admin.end({ timeout: 5 }));
    const dbName = `pa_bench_cat_${Date.now()}`;
    await admin.unsafe(`create database ${dbName}`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      console.log(`Dropped database ${dbName}.`);
    });
    const url = withDatabase(adminUrl, dbName);
    serverEnv = { DATABASE_URL: url, WORKER_IN_WEB: 'false' };
    handle = await openDatabase({ url, maxConnections: 4 });
    console.log(`PostgreSQL database ${dbName} created; migrating and seeding ${COURSES} courses…`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-bench-catalogue-'));
    cleanups.push(() => {
      rmSync(dir, { recursive: true, force: true });
      console.log(`Removed ${dir}.`);
    });
    serverEnv = { DATABASE_URL: '', PGLITE_DIR: dir };
    handle = await openDatabase({ dataDir: dir });
    console.log(`PGlite data folder ${dir} created; migrating and seeding ${COURSES} courses…`);
  }
  let open = true;
  cleanups.push(async () => {
    if (open) await handle.close();
  });

  const t0 = performance.now();
  await migrateDatabase(handle);
  const orgs = await handle.db
    .insert(organisations)
    .values(
      [
        'Nederlandse Vereniging voor Raadsleden',
        'Wethoudersvereniging',
        'Nederlands Genootschap van Burgemeesters',
        'Kennispunt Lokale Politieke Partijen',
      ].map((name, i) => ({ name, slug: ['nvr', 'wethoudersvereniging', 'ngb', 'klpp'][i]!, kind: 'association' as const })),
    )
    .returning();
  const at = new Date();
  const plans = planBulkCourses({ count: COURSES, at, organisations: orgs.map((o) => ({ id: o.id, slug: o.slug })) });
  await insertCoursePlans(handle.db, plans);
  const registrationCount = plans.reduce((n, p) => n + p.registrations.length, 0);
  const sessionCount = plans.reduce((n, p) => n + p.sessions.length, 0);
  console.log(
    `Seeded ${plans.length} published courses, ${sessionCount} sessions, ${registrationCount} registrations in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
  );
  // PGlite is one process: close it before the server opens the folder.
  await handle.close();
  open = false;

  const server = startServer(serverEnv);
  cleanups.push(() => stopServer(server));
  await waitForHealth(server);
  console.log(`Web process up on ${base} (production build, ${adminUrl ? 'PostgreSQL' : 'PGlite'}).`);

  // Filter values taken from the data: the province and municipality with the most courses,
  // the month after this one, a word from the titles.
  const places = new Map(readMunicipalityData().rows.map((m) => [m.code, m]));
  const tally = (keys: string[]) =>
    [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]![0];
  const topMunicipality = tally(plans.map((p) => p.course.municipalityCode));
  const topProvince = tally(plans.map((p) => places.get(p.course.municipalityCode)!.provinceCode));
  const nextMonth = (() => {
    const [y, m] = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Amsterdam' })
      .format(at)
      .split('-')
      .map(Number) as [number, number];
    const d = new Date(Date.UTC(y, m, 15));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  })();
  const scenarios: Array<[string, string]> = [
    ['no filters', '/cursussen'],
    [`province=${topProvince}`, `/cursussen?province=${topProvince}`],
    [`municipality=${topMunicipality} (${places.get(topMunicipality)!.name})`, `/cursussen?municipality=${topMunicipality}`],
    ['format=hybrid', '/cursussen?format=hybrid'],
    [`month=${nextMonth}`, `/cursussen?month=${nextMonth}`],
    ['q=gemeenteraad', '/cursussen?q=gemeenteraad'],
    ['province+format+month', `/cursussen?province=${topProvince}&format=in-person&month=${nextMonth}`],
    ['page=10', '/cursussen?page=10'],
  ];

  const probe = await fetch(`${base}/cursussen`);
  await probe.arrayBuffer();
  if (probe.status !== 200) throw new Error(`GET /cursussen answered ${probe.status}: is the catalogue route in the build?`);

  // The JavaScript first, while build/ surely matches the running server (a rebuild during the run
  // would replace the fingerprinted files under it).
  const files = await pageJavaScript('/cursussen');

  console.log(`Warming up (${WARMUP} requests per view)…`);
  for (const [, url] of scenarios) await measure(`${base}${url}`, WARMUP, CONCURRENCY);

  console.log(`\n${COURSES} published courses; ${REQUESTS} GETs per view at ${CONCURRENCY} concurrent\n`);
  console.log(
    `${'view'.padEnd(44)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'req/s'.padStart(8)}${'found'.padStart(8)}${'HTML'.padStart(10)}  status`,
  );
  let failed = false;
  for (const [label, url] of scenarios) {
    const r = await measure(`${base}${url}`, REQUESTS, CONCURRENCY);
    const statuses = [...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
    if ([...r.statuses.keys()].some((s) => s !== 200)) failed = true;
    console.log(
      `${label.padEnd(44)}${percentile(r.latencies, 50).toFixed(0).padStart(8)}${percentile(r.latencies, 95).toFixed(0).padStart(8)}${(
        REQUESTS / r.seconds
      )
        .toFixed(0)
        .padStart(8)}${r.results.padStart(8)}${kb(r.bytes).padStart(10)}  ${statuses}`,
    );
  }

  console.log(`\nJavaScript loaded by /cursussen (${files.length} files; gzip -9 with zlib):`);
  for (const f of files) console.log(`  ${f.url.padEnd(60)}${kb(f.raw).padStart(10)}${kb(f.gzip).padStart(10)}`);
  const raw = files.reduce((n, f) => n + f.raw, 0);
  const gzip = files.reduce((n, f) => n + f.gzip, 0);
  console.log(`  ${'total'.padEnd(60)}${kb(raw).padStart(10)}${kb(gzip).padStart(10)}`);
  if (files.some((f) => f.raw === 0)) {
    console.log('  Some files were missing: was build/ rebuilt while the server ran? Run again.');
    failed = true;
  }
  console.log(`\nMachine after the run: ${machine()}`);
  if (failed) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
