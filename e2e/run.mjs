// Runs the browser suite (`npm run test:e2e`, after the build) in shards side by side: each shard is
// its own Playwright process with its own server, port and fresh database, so that no shard sees
// another's sign-ups or emails. The suite runs one test at a time per server (playwright.config.ts),
// which leaves one of the machine's two cores mostly waiting; two shards use both.
//
// - E2E_SHARDS: how many (default 2; 1 runs the suite as one process, as before).
// - Shards get whole spec files, balanced by how long each file took (e2e/durations.json): the
//   longest first, each to the shard with the least work so far. Playwright's own --shard splits by
//   number of tests, which put the long journeys together in one shard (14.7 min beside 7.3 min).
//   A spec missing from the table (new since the last recording) weighs as the median spec; a spec
//   in the table that no longer exists is ignored.
// - --record: runs as usual and then writes the measured time of every spec that ran into
//   e2e/durations.json (Playwright's JSON report, test-results/report-<shard>.json). Commit it when the
//   suite has changed much.
// - --plan: prints the shards' files and estimated times, and runs nothing.
// - With DATABASE_URL, each shard gets a new database next to it (<name>_e2e_<n>), dropped afterwards;
//   without it, each shard's server makes its own embedded database (e2e/serve.mjs).
// - Arguments (a spec file, -g …) run one plain Playwright process with them, without shards.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const e2eDir = path.join(root, 'e2e');
const durationsFile = path.join(e2eDir, 'durations.json');
const reportDir = path.join(root, 'test-results');

const ownFlags = new Set(['--record', '--plan']);
const argv = process.argv.slice(2);
const record = argv.includes('--record');
const planOnly = argv.includes('--plan');
const args = argv.filter((a) => !ownFlags.has(a));
const shards = args.length > 0 ? 1 : Math.max(1, Number(process.env.E2E_SHARDS ?? 2));
const basePort = Number(process.env.E2E_PORT ?? 3100);

/** Every spec file under e2e/, as a path relative to e2e/ with forward slashes ("admin.spec.ts"). */
function specFiles(dir = e2eDir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(...specFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (/\.spec\.[cm]?[jt]sx?$/.test(entry.name)) files.push(`${prefix}${entry.name}`);
  }
  return files.sort();
}

/** The recorded seconds per spec file ({} when there is no table yet, or it cannot be read). */
function readDurations() {
  if (!existsSync(durationsFile)) return {};
  try {
    const table = JSON.parse(readFileSync(durationsFile, 'utf8'));
    return Object.fromEntries(Object.entries(table).filter(([, s]) => typeof s === 'number' && s >= 0));
  } catch (error) {
    console.warn(`e2e/run.mjs: ignoring ${path.relative(root, durationsFile)} (${error.message}); every spec weighs the same.`);
    return {};
  }
}

function median(values) {
  if (values.length === 0) return 60;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Whole files to shards, longest first, each to the shard with the least estimated time so far
 * (ties to the lower shard number, and equal weights by name, so the plan is the same every run).
 */
function planShards(files, durations, count) {
  const fallback = median(files.filter((f) => f in durations).map((f) => durations[f]));
  const weighed = files.map((file) => ({ file, seconds: durations[file] ?? fallback, known: file in durations }));
  weighed.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const plan = Array.from({ length: count }, () => ({ files: [], seconds: 0, unknown: [] }));
  for (const spec of weighed) {
    const lightest = plan.reduce((best, shard) => (shard.seconds < best.seconds ? shard : best), plan[0]);
    lightest.files.push(spec.file);
    lightest.seconds += spec.seconds;
    if (!spec.known) lightest.unknown.push(spec.file);
  }
  for (const shard of plan) shard.files.sort();
  return { plan, fallback };
}

/** A Playwright file filter (a regular expression on the absolute path) matching exactly this spec. */
function fileFilter(file) {
  return `/e2e/${file}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$';
}

/** The seconds each spec file took in a Playwright JSON report (every attempt of every test counted). */
function secondsPerFile(report) {
  const totals = {};
  const visit = (suite, file) => {
    const here = suite.file ?? file;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const result of t.results ?? []) totals[here] = (totals[here] ?? 0) + (result.duration ?? 0) / 1000;
      }
    }
    for (const child of suite.suites ?? []) visit(child, here);
  };
  for (const suite of report.suites ?? []) visit(suite, suite.file);
  // Report paths are relative to the test directory (e2e/).
  return Object.fromEntries(Object.entries(totals).map(([file, seconds]) => [file.split(path.sep).join('/'), seconds]));
}

function writeDurations(reports) {
  const measured = {};
  for (const report of reports) {
    if (!existsSync(report)) continue;
    Object.assign(measured, secondsPerFile(JSON.parse(readFileSync(report, 'utf8'))));
  }
  if (Object.keys(measured).length === 0) {
    console.log('e2e/run.mjs --record: no test results to record (nothing ran).');
    return;
  }
  const existing = new Set(specFiles());
  // Measured specs replace their entry; the others keep theirs while the file exists.
  const table = { ...readDurations(), ...measured };
  const kept = Object.fromEntries(
    Object.entries(table)
      .filter(([file]) => existing.has(file))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, seconds]) => [file, Math.max(1, Math.round(seconds))]),
  );
  writeFileSync(durationsFile, `${JSON.stringify(kept, null, 2)}\n`);
  console.log(`e2e/run.mjs --record: ${Object.keys(measured).length} spec(s) measured, written to ${path.relative(root, durationsFile)}.`);
}

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
    // Playwright stops gracefully (its web server included) on SIGINT only: on SIGTERM it exits at
    // once and leaves the server running, whose database this script then drops. So both become SIGINT.
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill('SIGINT'));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Adds the JSON reporter beside the list reporter, writing to `report`. */
function recording(env, report) {
  rmSync(report, { force: true });
  return { args: ['--reporter=list,json'], env: { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report } };
}

const playwright = path.join(root, 'node_modules/.bin/playwright');
const durations = readDurations();
const { plan, fallback } = planShards(specFiles(), durations, shards);

if (planOnly) {
  console.log(`Default weight for a spec without a recorded time: ${Math.round(fallback)} s.`);
  plan.forEach((shard, i) => {
    const unknown = shard.unknown.length > 0 ? ` (not recorded: ${shard.unknown.join(', ')})` : '';
    console.log(
      `shard ${i + 1}: ${shard.files.length} spec(s), about ${Math.round(shard.seconds)} s${unknown}\n  ${shard.files.join('\n  ')}`,
    );
  });
  process.exit(0);
}

if (shards === 1) {
  // One process: the suite (or the given arguments) as a plain Playwright run, on DATABASE_URL as it is.
  const report = path.join(reportDir, 'report-1.json');
  const extra = record ? recording(process.env, report) : { args: [], env: process.env };
  mkdirSync(reportDir, { recursive: true });
  const code = await run(playwright, ['test', ...args, ...extra.args], extra.env);
  if (record) writeDurations([report]);
  process.exit(code);
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

mkdirSync(reportDir, { recursive: true });
const started = Date.now();
const took = [];
const reports = [];
const codes = await Promise.all(
  plan.map(async (shard, i) => {
    let env = { ...process.env, E2E_PORT: String(basePort + 2 * i) };
    if (databases[i]) env.DATABASE_URL = databases[i].url;
    const prefix = `[${i + 1}/${shards}]`;
    if (shard.files.length === 0) return 0; // more shards than spec files
    console.log(`${prefix} ${shard.files.length} spec(s), estimated ${Math.round(shard.seconds)} s: ${shard.files.join(' ')}`);
    const report = path.join(reportDir, `report-${i + 1}.json`);
    reports.push(report);
    const extra = record ? recording(env, report) : { args: [] };
    if (record) env = extra.env;
    const shardStarted = Date.now();
    const code = await run(
      playwright,
      ['test', `--output=test-results/shard-${i + 1}`, ...extra.args, ...shard.files.map(fileFilter)],
      env,
      prefix,
    );
    took[i] = Math.round((Date.now() - shardStarted) / 1000);
    return code;
  }),
);

if (databases.length > 0) {
  await withAdmin(process.env.DATABASE_URL, async (sql) => {
    for (const db of databases) await sql.unsafe(`drop database if exists "${db.name}" with (force)`);
  });
}
if (record) writeDurations(reports);
console.log(
  `\n${shards} shards in ${Math.round((Date.now() - started) / 1000)} s: ${codes
    .map((c, i) => `shard ${i + 1} ${c === 0 ? 'passed' : 'FAILED'} in ${took[i] ?? 0} s (estimated ${Math.round(plan[i].seconds)} s)`)
    .join(', ')}`,
);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
