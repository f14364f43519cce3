// npm run bench:signup — N concurrent sign-ups for one course through the whole stack (production
// build, two web processes, PostgreSQL), then the same work as a bare postgres.js loop, and the ratio.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:signup -- --n=500 --seats=20
//
// Options (argv `--name=value` or env BENCH_NAME): n (500), seats (20), duplicates (5), bare-pool (20),
// build (auto | always | never), online-seats (15: the online pool of the hybrid round; 0 skips it).
//
// The hybrid round (issue 16, item 6): a hybrid course with `seats` in the room and `online-seats`
// online; n sign-ups alternating between the pools go through both web processes at once, and the
// invariant is checked per pool: seats held <= capacity (== when enough people asked), and every
// waitlisted person queued after every seated one of the same pool. The bench creates its own database pa_bench_<timestamp> next to the
// one DATABASE_URL names, and drops it at the end, also when something fails.
import postgres from 'postgres';
import { openDatabase } from '../db/client.server';
import { migrateDatabase, readMunicipalityData } from '../db/migrate.server';
import { courseSessions, courses, organisations } from '../db/schema';
import { createBoss } from '../app/modules/jobs/boss.server';
import {
  cleanUp,
  cleanUpOnSignals,
  ensureBuild,
  machine,
  onCleanUp,
  option,
  percentile,
  root,
  startServer,
  stopServer,
  waitForHealth,
  withDatabase,
} from './lib';

process.chdir(root);
cleanUpOnSignals('stopping servers and dropping the bench database');

const N = Number(option('n', '500'));
const SEATS = Number(option('seats', '20'));
const DUPLICATES = Math.min(Number(option('duplicates', '5')), Math.floor(N / 2));
const BARE_POOL = Number(option('bare-pool', '20'));
const BUILD = option('build', 'auto');
const ONLINE_SEATS = Number(option('online-seats', '15'));
const PORTS = [3411, 3412];
const DAY = 24 * 3600_000;

if (!Number.isInteger(N) || N < 1 || !Number.isInteger(SEATS) || SEATS < 1) {
  console.error('n and seats must be positive integers');
  process.exit(2);
}
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl || !/^postgres(ql)?:\/\//.test(adminUrl)) {
  console.error(
    'bench:signup needs PostgreSQL: set DATABASE_URL to a server it may create a database on,\n' +
      'e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:signup',
  );
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Helpers

type Outcome = 'confirmed' | 'waitlisted' | 'accepted' | 'duplicate' | 'error';
type RunResult = { label: string; outcomes: Outcome[]; latencies: number[]; seconds: number; statuses: Map<string, number> };

/** Starts N tasks at once and times each one and the whole. */
async function fireAll(label: string, tasks: Array<() => Promise<{ outcome: Outcome; status: string }>>): Promise<RunResult> {
  const latencies: number[] = [];
  const outcomes: Outcome[] = [];
  const statuses = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    tasks.map(async (task) => {
      const t0 = performance.now();
      let result: { outcome: Outcome; status: string };
      try {
        result = await task();
      } catch (error) {
        result = { outcome: 'error', status: (error as Error).message.slice(0, 80) };
      }
      latencies.push(performance.now() - t0);
      outcomes.push(result.outcome);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, outcomes, latencies, seconds, statuses };
}

// ---------------------------------------------------------------------------------------------
// The bench

type Figures = { confirmed: number; waitlisted: number; duplicates: number; errors: number; rps: number; p50: number; p99: number };

async function main() {
  console.log(`Machine: ${machine()}`);
  ensureBuild(BUILD);

  const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
  onCleanUp(() => admin.end({ timeout: 5 }));
  const dbName = `pa_bench_${Date.now()}`;
  await admin.unsafe(`create database ${dbName}`);
  onCleanUp(async () => {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    console.log(`Dropped database ${dbName}.`);
  });
  const benchUrl = withDatabase(adminUrl!, dbName);
  console.log(`Database ${dbName} created; migrating…`);

  const handle = await openDatabase({ url: benchUrl, maxConnections: 4 });
  onCleanUp(() => handle.close());
  if (handle.kind !== 'postgres') throw new Error('expected PostgreSQL');
  await migrateDatabase(handle);
  // Install pg-boss's schema once here, so the two servers do not race to do it.
  const boss = createBoss(handle, { supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });

  const place = [...readMunicipalityData().rows].sort((a, b) => b.inhabitants - a.inhabitants)[0]!;
  const [organisation] = await handle.db
    .insert(organisations)
    .values({ name: 'Benchmarkvereniging', slug: 'bench', kind: 'association' })
    .returning();
  const makeCourse = async (title: string, hybrid = false) => {
    const [course] = await handle.db
      .insert(courses)
      .values({
        organisationId: organisation!.id,
        title,
        description: 'Benchmark',
        municipalityCode: place.code,
        format: hybrid ? 'hybrid' : 'in-person',
        locationName: 'Stadhuis',
        address: `Markt 1, ${place.name}`,
        capacity: SEATS,
        onlineCapacity: hybrid ? ONLINE_SEATS : null,
        onlineUrl: hybrid ? 'https://meet.example/bench' : null,
        status: 'published',
        publishedAt: new Date(),
      })
      .returning();
    const first = Date.now() + 30 * DAY;
    await handle.db.insert(courseSessions).values(
      [0, 1, 2].map((i) => ({
        courseId: course!.id,
        startsAt: new Date(first + i * 7 * DAY),
        endsAt: new Date(first + i * 7 * DAY + 2 * 3600_000),
      })),
    );
    return course!;
  };
  const stackCourse = await makeCourse('Politiek Actief (benchmark, HTTP)');
  const bareCourse = await makeCourse('Politiek Actief (benchmark, bare)');
  const hybridCourse = ONLINE_SEATS > 0 ? await makeCourse('Politiek Actief (benchmark, hybrid)', true) : null;

  // Who signs up: N requests, the last DUPLICATES of them reusing an address from the start.
  const emails = Array.from({ length: N }, (_, i) =>
    i >= N - DUPLICATES ? `deelnemer-${i - (N - DUPLICATES)}@example.nl` : `deelnemer-${i}@example.nl`,
  );

  // --- Through the stack -------------------------------------------------------------------
  const servers = PORTS.map((port) => startServer(port, { DATABASE_URL: benchUrl, WORKER_IN_WEB: 'false', TRUST_PROXY: '1' }));
  for (const s of servers) onCleanUp(() => stopServer(s));
  await Promise.all(servers.map((s) => waitForHealth(s, 90_000)));
  console.log(`Two web processes up on ports ${PORTS.join(' and ')} (production build, WORKER_IN_WEB=false).`);

  let stack: Figures | undefined;
  let stackOk = false;
  const formUrl = (port: number) => `http://127.0.0.1:${port}/cursussen/${stackCourse.id}/aanmelden`;
  const probe = await fetch(formUrl(PORTS[0]!), { headers: { 'X-Forwarded-For': '198.51.100.1' } });
  await probe.arrayBuffer();
  if (probe.status !== 200) {
    console.error(
      `\nGET /cursussen/:id/aanmelden answered ${probe.status}: is the sign-up route in the build (--build=always)?` +
        ' Skipping the HTTP part.\n',
    );
  } else {
    // Warm up: every process renders the form a few times (route modules, pools, JIT).
    await Promise.all(
      PORTS.flatMap((port) =>
        Array.from({ length: 10 }, async (_, i) => {
          const res = await fetch(formUrl(port), { headers: { 'X-Forwarded-For': `198.51.100.${i + 2}` } });
          await res.arrayBuffer();
        }),
      ),
    );

    // ADR 011: the form only records a request and emails a link; the seat is taken when the link is
    // followed. So first every form is posted, then every emailed link is confirmed at once: the
    // second round is the race for seats that this bench measures.
    const forms = await fireAll(
      'stack form',
      emails.map((email, i) => async () => {
        const port = PORTS[i % PORTS.length]!;
        const body = new URLSearchParams({
          name: `Deelnemer ${i}`,
          email,
          municipality: place.code,
          phone: i % 3 === 0 ? '0612345678' : '',
          source: 'other',
          consent: 'on',
          website: '',
        });
        const res = await fetch(formUrl(port), {
          method: 'POST',
          body,
          redirect: 'manual',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'text/html',
            // A distinct client address per request: the sign-up limit counts per IP (60 an hour).
            'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          },
        });
        await res.arrayBuffer();
        const location = res.headers.get('location') ?? '';
        if (res.status === 303 && /\/aanmelden\/verstuurd$/.test(location)) return { outcome: 'accepted', status: String(res.status) };
        return { outcome: 'error', status: `${res.status}${location ? ` → ${location}` : ''}` };
      }),
    );
    printStatuses(forms);
    // One email per address, however often it was posted (issue #11 item 4).
    const links = await handle.sql<{ url: string }[]>`
      select props->>'confirmUrl' as url from email_messages where template = 'sign-up-confirm'`;
    const distinct = new Set(emails).size;
    console.log(
      `Confirmation emails: ${links.length} for ${distinct} addresses posted ${N} times → ${links.length === distinct ? 'OK' : 'FAILED'}`,
    );
    const result = await fireAll(
      'stack',
      links.map(({ url }, i) => async () => {
        const port = PORTS[i % PORTS.length]!;
        const res = await fetch(`http://127.0.0.1:${port}${new URL(url).pathname}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
        });
        await res.arrayBuffer();
        const location = res.headers.get('location') ?? '';
        if (res.status === 303 && /\/aanmelding\/[^/?]+\?notice=signUp\.(?:confirmed|waitlisted)\b[^#]*#notice$/.test(location))
          return { outcome: 'accepted', status: String(res.status) };
        return { outcome: 'error', status: `${res.status}${location ? ` → ${location}` : ''}` };
      }),
    );
    const [counts] = await handle.sql<{ confirmed: number; waitlisted: number; offered: number }[]>`
      select count(*) filter (where status = 'confirmed')::int as confirmed,
             count(*) filter (where status = 'waitlisted')::int as waitlisted,
             count(*) filter (where status = 'offered')::int as offered
      from registrations where course_id = ${stackCourse.id}`;
    stack = figures(result, counts!.confirmed, counts!.waitlisted);
    const accepted = result.outcomes.filter((o) => o === 'accepted').length;
    printStatuses(result);
    stackOk =
      counts!.confirmed === Math.min(SEATS, N - DUPLICATES) &&
      counts!.offered === 0 &&
      accepted === counts!.confirmed + counts!.waitlisted &&
      links.length === distinct;
    console.log(
      `Database check (stack): ${counts!.confirmed} confirmed for ${SEATS} seats, ${counts!.waitlisted} waitlisted, ${accepted} redirects to /aanmelding/… → ${
        stackOk ? 'OK, confirmed == seats exactly' : 'FAILED'
      }`,
    );
  }
  let hybridOk = true;
  if (hybridCourse && probe.status === 200) hybridOk = await hybridRound(handle.sql, hybridCourse.id, emails, place.code);
  for (const s of servers) await stopServer(s);

  // --- Bare postgres.js ------------------------------------------------------------------
  const bare = postgres(benchUrl, { max: BARE_POOL, onnotice: () => {} });
  onCleanUp(() => bare.end({ timeout: 5 }));
  await Promise.all(Array.from({ length: BARE_POOL }, () => bare`select 1`)); // open the pool
  const bareResult = await fireAll(
    'bare',
    emails.map((email, i) => async () => {
      const outcome = await bare.begin(async (tx) => {
        const [course] = await tx<{ capacity: number }[]>`select capacity from courses where id = ${bareCourse.id} for update`;
        const [existing] =
          await tx`select 1 from registrations where course_id = ${bareCourse.id} and email = ${email} and status <> 'cancelled'`;
        if (existing) return 'duplicate' as const;
        const [seats] = await tx<{ taken: number }[]>`
          select count(*)::int as taken from registrations where course_id = ${bareCourse.id} and status in ('confirmed', 'offered')`;
        const status = seats!.taken < course!.capacity ? 'confirmed' : 'waitlisted';
        await tx`
          insert into registrations (course_id, name, email, municipality_code, locale, privacy_version, consented_at, status, confirmed_at)
          values (${bareCourse.id}, ${`Deelnemer ${i}`}, ${email}, ${place.code}, 'nl', '1.0', now(), ${status},
                  ${status === 'confirmed' ? new Date() : null})`;
        return status;
      });
      return { outcome: outcome as Outcome, status: outcome };
    }),
  );
  const [bareCounts] = await handle.sql<{ confirmed: number; waitlisted: number }[]>`
    select count(*) filter (where status = 'confirmed')::int as confirmed,
           count(*) filter (where status = 'waitlisted')::int as waitlisted
    from registrations where course_id = ${bareCourse.id}`;
  const bareFigures = figures(bareResult, bareCounts!.confirmed, bareCounts!.waitlisted);
  const bareOk = bareCounts!.confirmed === Math.min(SEATS, N - DUPLICATES);
  console.log(`Database check (bare): ${bareCounts!.confirmed} confirmed for ${SEATS} seats → ${bareOk ? 'OK' : 'FAILED'}`);

  // --- Report ------------------------------------------------------------------------------
  console.log(`\n${N} concurrent sign-ups (${DUPLICATES} of them reusing an address), ${SEATS} seats\n`);
  const rows: Array<[string, (f: Figures) => string]> = [
    ['confirmed', (f) => String(f.confirmed)],
    ['waitlisted', (f) => String(f.waitlisted)],
    ['errors', (f) => String(f.errors)],
    ['duplicates (409)', (f) => String(f.duplicates)],
    ['requests/s', (f) => f.rps.toFixed(0)],
    ['p50 latency (ms)', (f) => f.p50.toFixed(0)],
    ['p99 latency (ms)', (f) => f.p99.toFixed(0)],
  ];
  console.log(`${''.padEnd(18)}${'stack (HTTP, 2 web)'.padStart(22)}${`bare postgres.js (pool ${BARE_POOL})`.padStart(30)}`);
  for (const [label, value] of rows) {
    console.log(`${label.padEnd(18)}${(stack ? value(stack) : '—').padStart(22)}${value(bareFigures).padStart(30)}`);
  }
  if (stack) {
    console.log(`\nratio stack/bare: ${(stack.rps / bareFigures.rps).toFixed(2)} of the bare rate (aim: at least 0.50)`);
  }
  console.log(`Machine after the run: ${machine()}`);
  const ok = stackOk && bareOk && hybridOk && (stack?.errors ?? 1) === 0;
  if (!ok) process.exitCode = 1;
}

/**
 * The hybrid round: every address posts the form once with its pool (even → on site, odd → online),
 * then all emailed links are confirmed at once across both processes. Prints per-pool figures and
 * checks the invariant per pool.
 */
async function hybridRound(sql: postgres.Sql, courseId: string, allEmails: string[], municipality: string) {
  const emails = [...new Set(allEmails)].map((email) => email.replace('@', '+hybride@'));
  const poolOf = (i: number) => (i % 2 ? 'online' : 'on-site');
  const formUrl = (port: number) => `http://127.0.0.1:${port}/cursussen/${courseId}/aanmelden`;
  const forms = await fireAll(
    'hybrid form',
    emails.map((email, i) => async () => {
      const port = PORTS[i % PORTS.length]!;
      const body = new URLSearchParams({ pool: poolOf(i), name: `Hybride ${i}`, email, municipality, consent: 'on', website: '' });
      const res = await fetch(formUrl(port), {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'text/html',
          'X-Forwarded-For': `11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
      });
      await res.arrayBuffer();
      return res.status === 303 ? { outcome: 'accepted', status: '303' } : { outcome: 'error', status: String(res.status) };
    }),
  );
  printStatuses(forms);
  const links = await sql<{ url: string }[]>`
    select m.props->>'confirmUrl' as url from email_messages m
    where m.template = 'sign-up-confirm' and m.recipient like '%+hybride@%'`;
  const result = await fireAll(
    'hybrid',
    links.map(({ url }, i) => async () => {
      const res = await fetch(`http://127.0.0.1:${PORTS[i % PORTS.length]!}${new URL(url).pathname}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      });
      await res.arrayBuffer();
      return res.status === 303 ? { outcome: 'accepted', status: '303' } : { outcome: 'error', status: String(res.status) };
    }),
  );
  printStatuses(result);
  const rows = await sql<
    { pool: string; held: number; waitlisted: number; lastSeated: string | null; firstWaiting: string | null; asked: number }[]
  >`
    select pool,
           count(*) filter (where status in ('confirmed', 'offered'))::int as held,
           count(*) filter (where status = 'waitlisted')::int as waitlisted,
           max(waitlist_seq) filter (where status in ('confirmed', 'offered'))::text as "lastSeated",
           min(waitlist_seq) filter (where status = 'waitlisted')::text as "firstWaiting",
           count(*)::int as asked
    from registrations where course_id = ${courseId} group by pool order by pool`;
  const capacity: Record<string, number> = { 'on-site': SEATS, online: ONLINE_SEATS };
  const p50 = percentile(result.latencies, 50);
  const p99 = percentile(result.latencies, 99);
  console.log(
    `\nHybrid course: ${links.length} confirmations at once over ${PORTS.length} processes, ${result.seconds.toFixed(1)} s, p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
  );
  let ok = links.length === emails.length && result.outcomes.every((o) => o === 'accepted');
  for (const pool of ['on-site', 'online']) {
    const row = rows.find((r) => r.pool === pool);
    const held = row?.held ?? 0;
    const asked = row?.asked ?? 0;
    const full = held === Math.min(capacity[pool]!, asked);
    const ordered = !row?.firstWaiting || !row.lastSeated || BigInt(row.lastSeated) < BigInt(row.firstWaiting);
    const poolOk = held <= capacity[pool]! && full && ordered;
    ok &&= poolOk;
    console.log(
      `  ${pool.padEnd(8)} ${held} seats held of ${capacity[pool]}, ${row?.waitlisted ?? 0} waitlisted (of ${asked} asking); ` +
        `waitlist behind every seat: ${ordered ? 'yes' : 'NO'} → ${poolOk ? 'OK' : 'FAILED'}`,
    );
  }
  return ok;
}

function figures(result: RunResult, confirmed: number, waitlisted: number): Figures {
  return {
    confirmed,
    waitlisted,
    duplicates: result.outcomes.filter((o) => o === 'duplicate').length,
    errors: result.outcomes.filter((o) => o === 'error').length,
    rps: result.outcomes.length / result.seconds,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
  };
}

function printStatuses(result: RunResult) {
  const list = [...result.statuses.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`HTTP statuses: ${list.map(([s, n]) => `${s} ×${n}`).join(', ')}`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
