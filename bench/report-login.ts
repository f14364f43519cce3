// npm run bench:report-login — how long a password login takes while the funder report's LP solving
// protects a programme year in the same process (ADR 020, "Solving off the event loop").
//
// Twice, on a fresh PostgreSQL database each time (demo data seeded by the server): with the LP on the
// event loop as before (REPORT_LP_THREAD=off) and in the LP worker thread (the default). One production
// web process with its worker inside (WORKER_IN_WEB=true, as `npm start` on the embedded database).
// Waiting jobs are emptied first, then: logins with nothing being solved (idle), then the coordinator
// asks for NVR's programme year, which no snapshot holds yet, so the request solves it (up to its 20 s
// budget); logins one after the other until that request answers (during). Printed: p50, p95 and
// max of each, and the report request's own time.
//
// Options (or BENCH_<NAME>): --database=postgres://…/scratch (dropped and created again for each run;
// required), --port=3240, --year=2026 (programme year 2026–2027), --build=auto|always|never.
import postgres from 'postgres';
import {
  cleanUp,
  cleanUpOnSignals,
  ensureBuild,
  machine,
  onCleanUp,
  option,
  percentile,
  startServer,
  stopServer,
  waitForHealth,
} from './lib';

const database = option('database', process.env.DATABASE_URL ?? '');
if (!database) throw new Error('--database=postgres://…/<scratch database> (or DATABASE_URL) is required: it is dropped and created again');
const port = Number(option('port', '3240'));
const year = Number(option('year', '2026'));
const base = `http://127.0.0.1:${port}`;
const accounts = [
  ['admin@politiekactief.example', 'Demo-beheer-2026'],
  ['kandidaat@politiekactief.example', 'Demo-kandidaat-2026'],
  ['mentor@politiekactief.example', 'Demo-mentor-2026'],
] as const;

cleanUpOnSignals('stopping the server');

async function recreate() {
  const url = new URL(database);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
}

let ip = 0;
/** One password login (each account at most 8 in 15 minutes: the rate limit), timed to the last byte. */
async function login(n: number) {
  const [email, password] = accounts[n % accounts.length]!;
  const t0 = performance.now();
  const res = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `10.9.${Math.floor(++ip / 200)}.${ip % 200}` },
    body: new URLSearchParams({ intent: 'password', email, password, redirectTo: '/account' }).toString(),
  });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 303 && res.status !== 302) throw new Error(`login as ${email}: ${res.status}`);
  return {
    ms,
    cookie: res.headers
      .getSetCookie()
      .find((c) => c.startsWith('pa_session='))!
      .split(';')[0]!,
  };
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `n=${sorted.length}  p50 ${percentile(sorted, 50).toFixed(0)} ms  p95 ${percentile(sorted, 95).toFixed(0)} ms  max ${sorted.at(-1)!.toFixed(0)} ms`;
};

async function run(mode: 'off' | 'thread') {
  await recreate();
  const server = startServer(port, {
    DATABASE_URL: database,
    WORKER_IN_WEB: 'true',
    DEMO_DATA: 'true',
    TRUST_PROXY: '1',
    REPORT_LP_THREAD: mode === 'off' ? 'off' : undefined,
  });
  onCleanUp(() => stopServer(server));
  await waitForHealth(server, 300_000);
  const sql = postgres(database, { max: 1, onnotice: () => {} });
  try {
    // Nothing else solving: the seed's queued snapshot jobs are dropped, and any running one finished.
    for (let i = 0; i < 600; i++) {
      await sql`delete from pgboss.job where name like 'report-marks%' and state in ('created', 'retry')`;
      const [active] = await sql`select count(*)::int as n from pgboss.job where name like 'report-marks%' and state = 'active'`;
      if (active!.n === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await sql`delete from report_snapshots`;
    await sql`delete from report_protected_marks`;
    const [nvr] = await sql`select id from organisations where slug = 'nvr'`;

    const idle: number[] = [];
    for (let i = 0; i < 3; i++) idle.push((await login(i)).ms);
    // The coordinator's own session (not timed).
    const coordinatorLogin = await fetch(`${base}/inloggen`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '10.8.0.1' },
      body: new URLSearchParams({
        intent: 'password',
        email: 'coordinator@politiekactief.example',
        password: 'Demo-coordinator-2026',
      }).toString(),
    });
    await coordinatorLogin.arrayBuffer();
    const coordinator = coordinatorLogin.headers
      .getSetCookie()
      .find((c) => c.startsWith('pa_session='))!
      .split(';')[0]!;

    const t0 = performance.now();
    let reportMs = 0;
    let reportStatus = 0;
    let pending = false;
    const report = fetch(`${base}/beheer/rapportage?organisatie=${nvr!.id}&periode=${year}-${year + 1}`, {
      headers: { Cookie: coordinator, Accept: 'text/html' },
    }).then(async (res) => {
      const html = await res.text();
      reportMs = performance.now() - t0;
      reportStatus = res.status;
      pending = html.includes('worden berekend');
    });
    let done = false;
    void report.then(() => (done = true));
    const during: number[] = [];
    await new Promise((r) => setTimeout(r, 300)); // the request has started solving
    for (let i = 4; !done && during.length < 18; i++) during.push((await login(i)).ms);
    await report;
    console.log(`LP ${mode === 'off' ? 'on the event loop (before)' : 'in the worker thread (after)'}:`);
    console.log(`  logins, nothing solving:           ${summary(idle)}`);
    console.log(
      `  logins while NVR ${year}-${year + 1} is solved: ${during.length ? summary(during) : 'none: the report request answered first'}`,
    );
    console.log(
      `  the report request: ${reportStatus} in ${reportMs.toFixed(0)} ms${pending ? ' (over its budget: "being calculated", the job takes over)' : ''}`,
    );
  } finally {
    await sql.end();
    await stopServer(server);
  }
}

try {
  ensureBuild(option('build', 'auto'));
  console.log(`before: ${machine()}`);
  await run('off');
  await run('thread');
  console.log(`after: ${machine()}`);
} finally {
  await cleanUp();
}
