// npm run bench:catalogue — 1,000 published courses, one production web process; p50/p95 latency of
// /cursussen with and without filters at 10 concurrent, and the JavaScript the page loads (gzip).
//
//   npm run bench:catalogue                        # embedded PGlite in a fresh temporary folder
//   DATABASE_URL=postgres://… npm run bench:catalogue   # a PostgreSQL database of its own
//
// Options (argv `--name=value` or env BENCH_NAME): courses (1000), requests (300 per scenario),
// concurrency (10), warmup (20 per scenario), build (auto | always | never).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../db/client.server';
import { migrateDatabase, readMunicipalityData } from '../db/migrate.server';
import { organisations } from '../db/schema';
import { insertCoursePlans, planBulkCourses } from '../db/seed-courses';
import {
  cleanUp,
  cleanUpOnSignals,
  ensureBuild,
  kb,
  machine,
  onCleanUp,
  option,
  pageJavaScript,
  percentile,
  root,
  startServer,
  stopServer,
  waitForHealth,
  withDatabase,
} from './lib';

process.chdir(root);
cleanUpOnSignals('stopping the server and removing the bench database');

const COURSES = Number(option('courses', '1000'));
const REQUESTS = Number(option('requests', '300'));
const CONCURRENCY = Number(option('concurrency', '10'));
const WARMUP = Number(option('warmup', '20'));
const BUILD = option('build', 'auto');
const PORT = Number(option('port', '3421'));
const adminUrl = process.env.DATABASE_URL || undefined;
const base = `http://127.0.0.1:${PORT}`;

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

// ---------------------------------------------------------------------------------------------
// The bench

async function main() {
  console.log(`Machine: ${machine()}`);
  ensureBuild(BUILD);

  // A database of its own: PostgreSQL next to DATABASE_URL's, or PGlite in a temporary folder.
  let serverEnv: Record<string, string>;
  let handle: DatabaseHandle;
  if (adminUrl) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    onCleanUp(() => admin.end({ timeout: 5 }));
    const dbName = `pa_bench_cat_${Date.now()}`;
    await admin.unsafe(`create database ${dbName}`);
    onCleanUp(async () => {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      console.log(`Dropped database ${dbName}.`);
    });
    const url = withDatabase(adminUrl, dbName);
    serverEnv = { DATABASE_URL: url, WORKER_IN_WEB: 'false' };
    handle = await openDatabase({ url, maxConnections: 4 });
    console.log(`PostgreSQL database ${dbName} created; migrating and seeding ${COURSES} courses…`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-bench-catalogue-'));
    onCleanUp(() => {
      rmSync(dir, { recursive: true, force: true });
      console.log(`Removed ${dir}.`);
    });
    serverEnv = { DATABASE_URL: '', PGLITE_DIR: dir };
    handle = await openDatabase({ dataDir: dir });
    console.log(`PGlite data folder ${dir} created; migrating and seeding ${COURSES} courses…`);
  }
  let open = true;
  onCleanUp(async () => {
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

  const server = startServer(PORT, serverEnv);
  onCleanUp(() => stopServer(server));
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
  const { files, raw, gzip } = await pageJavaScript(base, '/cursussen');

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
  console.log(`  ${'total'.padEnd(60)}${kb(raw).padStart(10)}${kb(gzip).padStart(10)}`);
  if (files.some((f) => f.status !== 200)) {
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
