/**
 * Benchmark of the matching engine against the greedy baseline.
 *
 *   npx tsx bench/match.ts            the four standard sizes
 *   npx tsx bench/match.ts --more     plus other shapes (plentiful capacity, unit capacities, sparse)
 *   npx tsx bench/match.ts --file     also time the command-line path on a 5-million-edge file
 *                                     (byte reader vs JSON.parse + parseInstance)
 *
 * Every instance is seeded (same numbers on every run) and measured in a fresh child process, so
 * that the peak memory of one size does not leak into the next. Times are the best of a few runs;
 * "cpu" is the process CPU time of that run, which is less sensitive to other load on the machine
 * than wall-clock time.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { greedyAssignment, parseInstance, solveAssignment } from '../app/modules/matching/engine';
import { randomInstance, type RandomInstanceOptions } from '../app/modules/matching/generate';
import { readInstanceJson } from '../app/modules/matching/read-json';

interface Case extends RandomInstanceOptions {
  label: string;
  target?: number; // ms
}

const STANDARD: Case[] = [
  { label: '200×50', mentees: 200, mentors: 50, degree: 10, seed: 1 },
  { label: '2,000×500', mentees: 2_000, mentors: 500, degree: 50, seed: 2 },
  { label: '10,000×2,000', mentees: 10_000, mentors: 2_000, degree: 200, seed: 3, target: 2_000 },
  { label: '50,000×10,000', mentees: 50_000, mentors: 10_000, degree: 100, seed: 4, target: 10_000 },
];

const MORE: Case[] = [
  { label: '50,000×10,000 sparse (deg 5)', mentees: 50_000, mentors: 10_000, degree: 5, seed: 5 },
  { label: '50,000×20,000 plentiful', mentees: 50_000, mentors: 20_000, degree: 100, seed: 6 },
  { label: '10,000×10,000 unit cap.', mentees: 10_000, mentors: 10_000, degree: 200, minCapacity: 1, maxCapacity: 1, seed: 7 },
  { label: '50,000×50,000 unit cap. (deg 5)', mentees: 50_000, mentors: 50_000, degree: 5, minCapacity: 1, maxCapacity: 1, seed: 8 },
];

interface Measurement {
  edges: number;
  prepareMs: number;
  engineMs: number;
  engineCpuMs: number;
  rounds: number;
  passes: number;
  forwardRounds: number;
  engineMatched: number;
  engineScore: number;
  greedyMs: number;
  greedyMatched: number;
  greedyScore: number;
  engineMemMb: number;
  peakRssMb: number;
}

const MB = 1024 * 1024;
const RUNS = 3;

/** Child side: measure one case and send the numbers back. */
function measure(c: Case): Measurement {
  const raw = randomInstance(c);
  let t = performance.now();
  const prepared = parseInstance(raw);
  const prepareMs = performance.now() - t;
  const edges = prepared.edgeCount;

  let best = Infinity;
  let bestCpu = 0;
  let engineMemMb = 0;
  let result = solveAssignment(prepared, { stats: true }); // warm-up (JIT), also the reference
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let run = 0; run < RUNS; run++) {
    gc?.();
    const before = process.memoryUsage();
    const cpu = process.cpuUsage();
    t = performance.now();
    result = solveAssignment(prepared, { stats: true });
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const after = process.memoryUsage();
    // After a full GC before the run, what the engine allocated is still there (alive or not yet
    // collected) when it returns: about its working set, unless a GC struck in between.
    engineMemMb = Math.max(engineMemMb, (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB);
    if (ms < best) {
      best = ms;
      bestCpu = (used.user + used.system) / 1000;
    }
  }
  t = performance.now();
  const greedy = greedyAssignment(prepared);
  const greedyMs = performance.now() - t;
  return {
    edges,
    prepareMs,
    engineMs: best,
    engineCpuMs: bestCpu,
    rounds: result.stats!.rounds,
    passes: result.stats!.passes,
    forwardRounds: result.stats!.forwardRounds,
    engineMatched: result.matched,
    engineScore: result.totalScore,
    greedyMs,
    greedyMatched: greedy.matched,
    greedyScore: greedy.totalScore,
    engineMemMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * Child side of --file: the steps of scripts/match.ts, timed one by one, through the byte-level
 * reader (`fast`) or through JSON.parse + parseInstance (`general`, for comparison).
 */
function measureFile(file: string, path: 'fast' | 'general') {
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = Math.round(now - t);
    t = now;
  };
  const bytes = readFileSync(file);
  lap('read');
  let prepared;
  if (path === 'fast') {
    prepared = readInstanceJson(bytes);
    lap('bytes → typed arrays');
  } else {
    let json: unknown = JSON.parse(bytes.toString('utf8'));
    lap('JSON.parse');
    prepared = parseInstance(json);
    json = undefined;
    lap('validate → typed arrays');
  }
  const { matched, totalScore, assignments } = solveAssignment(prepared);
  lap('solve');
  const out = JSON.stringify({ matched, totalScore, assignments });
  lap('stringify');
  return { times, peakRssMb: process.resourceUsage().maxRSS / 1024, outputBytes: out.length };
}

function runChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, '--expose-gc'],
    });
    let answer: T | undefined;
    child.on('message', (message) => (answer = message as T));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && answer ? resolve(answer) : reject(new Error(`child ${args.join(' ')} exited with ${code}`))));
  });
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function table(title: string, cases: Case[]) {
  console.log(`\n### ${title}\n`);
  console.log(
    '| mentees×mentors | edges | engine ms (cpu) | rounds (from S) / passes | prepare ms | peak RSS MB | engine Δmem MB | engine matched / score | greedy matched / score | engine − greedy | target |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const c of cases) {
    const r = await runChild<Measurement>(['--child', JSON.stringify(c)]);
    const target = c.target ? `< ${fmt(c.target)} ms ${r.engineMs < c.target ? 'met' : 'MISSED'}` : '';
    console.log(
      `| ${c.label} | ${fmt(r.edges)} | ${fmt(r.engineMs)} (${fmt(r.engineCpuMs)}) | ${r.rounds} (${r.forwardRounds}) / ${r.passes} | ${fmt(r.prepareMs)} | ${fmt(r.peakRssMb)} | ${fmt(r.engineMemMb)} | ${fmt(r.engineMatched)} / ${fmt(r.engineScore)} | ${fmt(r.greedyMatched)} / ${fmt(r.greedyScore)} | +${fmt(r.engineMatched - r.greedyMatched)} matched, ${r.engineScore - r.greedyScore >= 0 ? '+' : ''}${fmt(r.engineScore - r.greedyScore)} score | ${target} |`,
    );
  }
}

async function fileBenchmark() {
  const c = STANDARD[3]!;
  const dir = mkdtempSync(path.join(tmpdir(), 'match-bench-'));
  try {
    const file = path.join(dir, 'instance.json');
    const raw = randomInstance(c);
    // one edge triple per line keeps the file readable and is still valid JSON
    const lines = [`{"mentors":${JSON.stringify(raw.mentors)},`, `"mentees":${JSON.stringify(raw.mentees)},`, '"edges":['];
    lines.push(raw.edges.map((e) => JSON.stringify(e)).join(',\n'));
    lines.push(']}');
    writeFileSync(file, lines.join('\n'));
    const size = readFileSync(file).length;
    console.log(`\n### Command-line path, ${c.label} (${fmt(raw.edges.length)} edges as triples, ${fmt(size / MB, 1)} MB file)\n`);
    for (const how of ['fast', 'general'] as const) {
      const r = await runChild<ReturnType<typeof measureFile>>(['--file-child', file, how]);
      const total = Object.values(r.times).reduce((a, b) => a + b, 0);
      console.log(
        `- ${how === 'fast' ? 'byte reader (what the command uses)' : 'JSON.parse + parseInstance'}: ` +
          `${Object.entries(r.times)
            .map(([k, v]) => `${k} ${fmt(v)} ms`)
            .join(' · ')} = ${fmt(total)} ms; peak RSS ${fmt(r.peakRssMb)} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.send!(measure(JSON.parse(args[1]!) as Case));
    return;
  }
  if (args[0] === '--file-child') {
    process.send!(measureFile(args[1]!, args[2] as 'fast' | 'general'));
    return;
  }
  console.log(
    `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  await table('Standard sizes (capacities 1–5, scores 0–100)', STANDARD);
  if (args.includes('--more')) await table('Other shapes', MORE);
  if (args.includes('--file')) await fileBenchmark();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
