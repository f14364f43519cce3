// npm run bench:scale — two web processes and two worker processes on one PostgreSQL.
// A session made on one web process works on the other; a rate limit counts hits on both; every
// job runs once; 500 concurrent sign-ups for a 20-seat course confirm exactly 20; a worker that gets
// SIGTERM finishes or releases its jobs.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { readMunicipalityData } from '../db/migrate.server';
import { courseSessions, courses, organisations } from '../db/schema';
import { startFakeResend } from '../test/fake-resend';
import {
  BENCH_APP_SECRET,
  benchDatabase,
  cleanUp,
  cleanUpOnSignals,
  ensureBuild,
  machine,
  onCleanUp,
  option,
  root,
  startServer,
  stopServer,
  waitForHealth,
} from './lib';

const ports = [Number(option('port-a', '3276')), Number(option('port-b', '3277'))];
const fakePort = Number(option('fake-port', '3278'));
const jobs = Number(option('jobs', '2000'));
const signups = Number(option('signups', '500'));
const seats = Number(option('seats', '20'));
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench:scale needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:scale');
    process.exit(2);
  }
  cleanUpOnSignals('stopping the processes and dropping the database');
  console.log(`bench:scale — 2 web + 2 worker processes on one PostgreSQL; ${machine()}`);
  ensureBuild(option('build', 'auto'));
  const { dbUrl, handle } = await benchDatabase(url, 'pa_bench_scale', { retryLimit: 10, retryDelaySeconds: 1 });
  const sql = handle.sql;
  const results: string[] = [];
  const report = (line: string) => {
    results.push(line);
    console.log(line);
  };

  const fake = await startFakeResend({ port: fakePort, quiet: false });
  onCleanUp(() => fake.close());
  const common = {
    APP_SECRET: BENCH_APP_SECRET,
    DATABASE_URL: dbUrl,
    WORKER_IN_WEB: 'false',
    TRUST_PROXY: '1',
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.baseUrl,
    EMAIL_RETRY_DELAY_SECONDS: '1',
    LOG_LEVEL: 'error',
  };

  // Web A seeds the demo data first, then B starts (two seeders at once would race).
  const webA = startServer(ports[0]!, { ...common, DEMO_DATA: 'true' });
  onCleanUp(() => stopServer(webA));
  await waitForHealth(webA);
  const webB = startServer(ports[1]!, { ...common, DEMO_DATA: 'false' });
  onCleanUp(() => stopServer(webB));
  await waitForHealth(webB);
  const at = (i: number, p: string) => `http://127.0.0.1:${ports[i % 2]}${p}`;

  // 1. A session made on A is valid on B.
  const login = await fetch(at(0, '/inloggen'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '192.0.2.10' },
    body: new URLSearchParams({ intent: 'password', email: 'kandidaat@politiekactief.example', password: 'Demo-kandidaat-2026' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('pa_session='))
    ?.split(';')[0];
  const onB = await fetch(at(1, '/account'), { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
  const pageB = await onB.text();
  const sessionOk = login.status === 302 || login.status === 303 ? onB.status === 200 && pageB.includes('kandidaat') : false;
  report(
    `session: logged in on A (${login.status}), GET /account on B → ${onB.status} ${sessionOk ? 'OK, the session is valid on B' : 'FAILED'}`,
  );

  // 2. The login limit per account (8 in 15 minutes) counts attempts on A and B together.
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const res = await fetch(at(i, '/inloggen'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `192.0.2.${100 + i}` },
      body: new URLSearchParams({ intent: 'password', email: 'iemand@example.org', password: 'niet het goede wachtwoord' }),
    });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  const firstLimited = statuses.indexOf(429);
  const limitOk = firstLimited === 8 && statuses.slice(8).every((s) => s === 429);
  report(
    `rate limit: 12 wrong logins for one account, alternating A/B → ${statuses.join(' ')}; first 429 at attempt ${firstLimited + 1} (limit 8 in total) ${limitOk ? 'OK, shared' : 'FAILED'}`,
  );

  // 3. Two workers; N email jobs; each runs once. Each worker signs with its own From, so the
  // provider's log says who sent what.
  const workers: ChildProcess[] = [];
  const startWorker = (i: number) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production', ...common, EMAIL_FROM: `Worker ${i} <w${i}@politiekactief.example>` },
    });
    const output: string[] = [];
    child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    (child as ChildProcess & { output?: string[] }).output = output;
    onCleanUp(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    });
    return child;
  };
  workers.push(startWorker(1), startWorker(2));

  const { enqueueEmail } = await import('../app/modules/email/outbox.server');
  const enqueue = async (count: number, prefix: string) => {
    for (let start = 0; start < count; start += 500) {
      await handle.db.transaction(async (tx) => {
        for (let i = start; i < Math.min(count, start + 500); i++) {
          await enqueueEmail(tx, {
            template: 'login-link',
            to: `${prefix}${i}@example.org`,
            props: { locale: 'nl', url: `https://politiekactief.example/inloggen/link/${i}`, expiresInMinutes: 15 },
          });
        }
      });
    }
  };
  const waitSent = async (prefix: string, count: number, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await sql<
        { n: number }[]
      >`select count(*)::int as n from email_messages where recipient like ${`${prefix}%`} and status = 'sent'`;
      if ((row?.n ?? 0) >= count || Date.now() > until) return row?.n ?? 0;
      await sleep(500);
    }
  };
  const t0 = Date.now();
  await enqueue(jobs, 'job');
  const sent = await waitSent('job', jobs, 300_000);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const calls = fake.requests.flatMap((r) => (r.batch ?? [r.body]).map((m) => ({ to: String(m.to), from: String(m.from) })));
  const mine = calls.filter((c) => c.to.startsWith('job'));
  const perRecipient = new Map<string, number>();
  for (const c of mine) perRecipient.set(c.to, (perRecipient.get(c.to) ?? 0) + 1);
  const twice = [...perRecipient.values()].filter((k) => k > 1).length;
  const byWorker = [1, 2].map((i) => mine.filter((c) => c.from.includes(`w${i}@`)).length);
  const [jobRows] = await sql<{ done: number; retried: number }[]>`
    select count(*) filter (where state = 'completed')::int as done, count(*) filter (where retry_count > 0)::int as retried
    from pgboss.job where name = 'email-send'`;
  const jobsOk = sent === jobs && twice === 0 && perRecipient.size === jobs && jobRows?.done === jobs;
  report(
    `jobs: ${jobs} email jobs, 2 workers → sent ${sent}, provider calls per message: max ${Math.max(0, ...perRecipient.values())}, messages sent twice ${twice}, jobs completed ${jobRows?.done}, jobs retried ${jobRows?.retried}; worker 1 sent ${byWorker[0]}, worker 2 sent ${byWorker[1]} (in ${seconds} s) ${jobsOk ? 'OK, each ran once' : 'FAILED'}`,
  );

  // 4. Graceful stop: SIGTERM worker 1 while it is busy; it finishes or releases what it holds. The
  //    provider answers slowly here, so that the workers are in the middle of a call when it comes.
  fake.setLatency(2000);
  await enqueue(600, 'grace');
  // Wait until worker 1 is in the middle of a provider call with a batch of these.
  const graceCallsOf = (worker: number) =>
    fake.requests.filter((r) =>
      (r.batch ?? [r.body]).some((m) => String(m.to).startsWith('grace') && String(m.from).includes(`w${worker}@`)),
    );
  let inHand = 0;
  for (const until = Date.now() + 30_000; Date.now() < until; await sleep(50)) {
    const calls = graceCallsOf(1);
    inHand = calls.reduce((n, r) => n + (r.batch?.length ?? 1), 0);
    if (inHand > 0) break;
  }
  const stopStarted = Date.now();
  process.kill(-workers[0]!.pid!, 'SIGTERM');
  const code = await new Promise<number | null>((resolve) => {
    if (workers[0]!.exitCode !== null) resolve(workers[0]!.exitCode);
    workers[0]!.on('exit', (c) => resolve(c));
  });
  const stopSeconds = ((Date.now() - stopStarted) / 1000).toFixed(1);
  fake.setLatency(0);
  const graceSent = await waitSent('grace', 600, 120_000);
  const [stuck] = await sql<
    { n: number }[]
  >`select count(*)::int as n from email_messages where recipient like 'grace%' and status <> 'sent'`;
  const graceCalls = fake.requests.flatMap((r) => (r.batch ?? [r.body]).map((m) => String(m.to))).filter((to) => to.startsWith('grace'));
  const graceTwice = graceCalls.length - new Set(graceCalls).size;
  const graceOk = code === 0 && inHand > 0 && graceSent === 600 && (stuck?.n ?? 0) === 0;
  report(
    `graceful stop: SIGTERM to worker 1 in the middle of a provider call with ${inHand} of 600 emails (the provider taking 2 s a call) → exit code ${code} after ${stopSeconds} s; worker 2 and the rest: ${graceSent}/600 sent, ${stuck?.n} left, provider calls beyond one per message ${graceTwice} ${graceOk ? 'OK' : 'FAILED'}`,
  );

  // 5. 500 concurrent sign-ups for a 20-seat course, alternating A and B.
  const place = [...readMunicipalityData().rows].sort((a, b) => b.inhabitants - a.inhabitants)[0]!;
  const [organisation] = await handle.db
    .insert(organisations)
    .values({ name: 'Schaalvereniging', slug: 'schaal', kind: 'association' })
    .returning();
  const [course] = await handle.db
    .insert(courses)
    .values({
      organisationId: organisation!.id,
      title: 'Politiek Actief (schaaltest)',
      description: 'Schaaltest',
      municipalityCode: place.code,
      format: 'in-person',
      locationName: 'Stadhuis',
      address: `Markt 1, ${place.name}`,
      capacity: seats,
      status: 'published',
      publishedAt: new Date(),
    })
    .returning();
  const first = Date.now() + 30 * DAY;
  await handle.db.insert(courseSessions).values(
    [0, 1, 2].map((i) => ({
      courseId: course!.id,
      startsAt: new Date(first + i * 7 * DAY),
      endsAt: new Date(first + i * 7 * DAY + 7_200_000),
    })),
  );
  const outcomes = await Promise.all(
    Array.from({ length: signups }, async (_, i) => {
      try {
        const res = await fetch(at(i, `/cursussen/${course!.id}/aanmelden`), {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'text/html',
            'X-Forwarded-For': `10.9.${(i >> 8) & 255}.${i & 255}`,
          },
          body: new URLSearchParams({
            name: `Deelnemer ${i}`,
            email: `schaal-${i}@example.nl`,
            municipality: place.code,
            phone: '',
            source: 'other',
            consent: 'on',
            website: '',
          }),
        });
        await res.arrayBuffer();
        return res.status;
      } catch {
        return 0;
      }
    }),
  );
  // ADR 011: the form only emails a link; following it takes the seat. Every link at once, on A and B.
  const links = await sql<{ url: string }[]>`
    select m.props->>'confirmUrl' as url from email_messages m where m.template = 'sign-up-confirm' and m.recipient like 'schaal-%'`;
  const confirmations = await Promise.all(
    links.map(async ({ url }, i) => {
      try {
        const res = await fetch(at(i, new URL(url).pathname), { method: 'POST', redirect: 'manual', headers: { Accept: 'text/html' } });
        await res.arrayBuffer();
        return res.status;
      } catch {
        return 0;
      }
    }),
  );
  const tally = new Map<number, number>();
  for (const s of [...outcomes, ...confirmations]) tally.set(s, (tally.get(s) ?? 0) + 1);
  const [counts] = await sql<{ confirmed: number; waitlisted: number; other: number }[]>`
    select count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'waitlisted')::int as waitlisted,
           count(*) filter (where status not in ('confirmed', 'waitlisted'))::int as other
    from registrations where course_id = ${course!.id}`;
  const signupOk = counts?.confirmed === seats;
  report(
    `sign-ups: ${signups} at once on A and B for ${seats} seats → HTTP ${[...tally].map(([s, k]) => `${s}×${k}`).join(', ')}; confirmed ${counts?.confirmed}, waitlisted ${counts?.waitlisted}, other ${counts?.other} ${signupOk ? 'OK, exactly the seats' : 'FAILED'}`,
  );

  console.log(`\n${machine()}`);
  for (const w of workers) if (w.exitCode === null) process.kill(-w.pid!, 'SIGTERM');
  await cleanUp();
  process.exit(sessionOk && limitOk && jobsOk && graceOk && signupOk ? 0 : 1);
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
