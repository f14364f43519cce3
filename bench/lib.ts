// What the benchmarks share: options, clean-up on any exit, the build, a production web process of
// the app, and measuring the JavaScript a page loads.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `--name=value` (or a bare `--name` for true), else `<PREFIX>_NAME` from the environment, else the fallback. */
export function option(name: string, fallback: string, envPrefix = 'BENCH') {
  if (process.argv.includes(`--${name}`)) return 'true';
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg) return arg.slice(name.length + 3);
  return process.env[`${envPrefix}_${name.toUpperCase().replaceAll('-', '_')}`] ?? fallback;
}

/**
 * The options of the benches that time pages of a grown database through one web process
 * (bench:grow, bench:report): its scale, the requests per page, the web process's port, and whether
 * to keep the database or reuse one kept before. `base` is the web process's address.
 */
export function grownPageOptions(defaults: { scale: number; port: number }) {
  const port = Number(option('port', String(defaults.port)));
  return {
    scale: Number(option('scale', String(defaults.scale))),
    requests: Number(option('requests', '10')),
    warmup: Number(option('warmup', '2')),
    port,
    keep: option('keep', 'false') === 'true',
    reuse: option('reuse', ''),
    build: option('build', 'auto'),
    base: `http://127.0.0.1:${port}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Clean-up, whatever happens: steps run in reverse order, once, also on Ctrl-C.

const cleanups: Array<() => Promise<void> | void> = [];
let cleaning: Promise<void> | undefined;

export function onCleanUp(step: () => Promise<void> | void) {
  cleanups.push(step);
}

export function cleanUp() {
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

/** Ctrl-C or SIGTERM: say what is being cleaned up, clean up, exit 130. */
export function cleanUpOnSignals(what: string) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: ${what}…`);
      void cleanUp().then(() => process.exit(130));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN;

export const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** Other work on the machine skews every figure: say how busy it was. */
export const machine = () =>
  `${cpus().length} CPUs, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`;

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A PostgreSQL database of the bench's own (dropped on clean-up), migrated, opened as the app's
 * database handle, with a pg-boss that only enqueues (the worker processes under test do the work).
 */
export async function benchDatabase(url: string, prefix: string, retries: { retryLimit: number; retryDelaySeconds: number }) {
  const { default: postgres } = await import('postgres');
  const { openDatabase, setDatabaseHandle } = await import('../db/client.server');
  const { migrateDatabase } = await import('../db/migrate.server');
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  onCleanUp(async () => {
    // A fresh connection: a bench may have restarted PostgreSQL since.
    const again = postgres(url, { max: 1, onnotice: () => {} });
    await again.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await again.end();
  });
  const dbUrl = withDatabase(url, name);
  const handle = await openDatabase({ url: dbUrl, maxConnections: 4 });
  if (handle.kind !== 'postgres') throw new Error('expected PostgreSQL');
  setDatabaseHandle(handle);
  onCleanUp(() => handle.close().catch(() => {}));
  await migrateDatabase(handle);
  const { startBoss } = await import('../app/modules/jobs/boss.server');
  const boss = await startBoss(handle, retries, { supervise: false, schedule: false });
  onCleanUp(() => boss.stop({ graceful: false, wait: false }).catch(() => {}));
  boss.on('error', () => {}); // a database restart makes its pool complain; the figures tell what matters
  return { dbUrl, handle, boss };
}

// ---------------------------------------------------------------------------------------------
// The app

/** `always` builds, `never` uses build/ as it is, `auto` rebuilds like `npm start` (when the source changed). */
export function ensureBuild(mode: string) {
  const built = ['build/server/index.js', 'build/runtime/main.js'].every((file) => existsSync(path.join(root, file)));
  if (mode === 'never') {
    if (!built) throw new Error('--build=never but there is no build/server/index.js or build/runtime/main.js');
    return;
  }
  if (mode === 'always' || !built) {
    console.log('Building the app and the server (npm run build)…');
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root });
    return;
  }
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit', cwd: root });
}

export type Server = { port: number; child: ChildProcess; output: string[]; exited: Promise<number | null> };

/** A secret for benchmark processes, which run in production on PostgreSQL and so need one (never use it elsewhere). */
export const BENCH_APP_SECRET = 'politiek-actief benchmark secret, only for throw-away databases';

/**
 * One production web process of the app on 127.0.0.1:port. `env` adds to (or, with undefined,
 * removes from) the environment; without DATABASE_URL it uses the embedded database.
 */
export function startServer(port: number, env: Record<string, string | undefined>): Server {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: `http://127.0.0.1:${port}`,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    APP_SECRET: process.env.APP_SECRET ?? BENCH_APP_SECRET,
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  // The compiled server, as `npm start` runs it in production.
  const child = spawn(process.execPath, ['--enable-source-maps', 'build/runtime/main.js'], {
    cwd: root,
    detached: true, // its own process group, so that stopping it stops everything it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: merged,
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { port, child, output, exited };
}

/** SIGTERM (the app finishes what it is doing), SIGKILL after the timeout. */
export async function stopServer(server: Server, timeoutMs = 30_000) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  try {
    process.kill(-server.child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
  if ((await Promise.race([server.exited, timeout])) === 'timeout') {
    try {
      process.kill(-server.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export async function waitForHealth(server: Server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server on ${server.port} exited:\n${server.output.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on ${server.port} did not become healthy in ${timeoutMs / 1000} s:\n${server.output.join('')}`);
}

export type ScriptFile = { url: string; status: number; raw: number; gzip: number };

/**
 * The JavaScript a page loads, measured without a browser: module scripts, modulepreloads and imports
 * inside inline module scripts, each fetched and gzipped at level 9.
 */
export async function pageJavaScript(base: string, pagePath: string) {
  const res = await fetch(`${base}${pagePath}`, { headers: { Accept: 'text/html' } });
  if (!res.ok) throw new Error(`GET ${pagePath} answered ${res.status}`);
  const html = await res.text();
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
  const files: ScriptFile[] = [];
  for (const url of [...urls].sort()) {
    const file = await fetch(new URL(url.replaceAll('&amp;', '&'), base), { headers: { 'Accept-Encoding': 'identity' } });
    const body = file.ok ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    files.push({ url, status: file.status, raw: body.length, gzip: file.ok ? gzipSync(body, { level: 9 }).length : 0 });
  }
  return { files, raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) };
}

// ---------------------------------------------------------------------------------------------
// Logged-in GETs and their timing

/** Logs in with a password (as a form would) and gives the session cookie. */
export async function logIn(base: string, email: string, password: string, ip = '10.9.0.1') {
  const res = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip },
    body: new URLSearchParams({ intent: 'password', email, password, redirectTo: '/account' }).toString(),
  });
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pa_session='));
  if (!cookie) throw new Error(`logging in as ${email} failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

export type Timed = { p50: number; p95: number; bytes: number; statuses: Map<number, number> };

/** `warmup` GETs, then `count` GETs one after the other; latency is request to last byte. */
export async function timeGets(url: string, options: { cookie?: string; warmup: number; count: number }): Promise<Timed> {
  const headers: Record<string, string> = { Accept: 'text/html', 'Accept-Encoding': 'identity' };
  if (options.cookie) headers.Cookie = options.cookie;
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let bytes = 0;
  for (let i = 0; i < options.warmup + options.count; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers, redirect: 'manual' });
    const body = await res.arrayBuffer();
    if (i < options.warmup) continue;
    latencies.push(performance.now() - t0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    bytes = body.byteLength;
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), bytes, statuses };
}

export const statusText = (statuses: Map<number, number>) => [...statuses].map(([s, n]) => `${s}×${n}`).join(' ');
