// npm run bench:faults — 10,000 follow-up emails through a failing provider, a worker killed twice
// and PostgreSQL restarted once. Needs DATABASE_URL (PostgreSQL) and, to restart PostgreSQL, root.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
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

const total = Number(option('n', '10000'));
const failureRate = Number(option('failure-rate', '0.2'));
const kills = Number(option('kills', '2'));
const restartDb = option('restart-db', 'true') !== 'false';
const restartCommand = option('restart-command', 'pg_ctlcluster 15 main restart');
const webPort = Number(option('port', '3274'));
const fakePort = Number(option('fake-port', '3275'));
const timeoutS = Number(option('timeout', '600'));

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench:faults needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:faults');
    process.exit(2);
  }
  cleanUpOnSignals('stopping the processes and dropping the database');
  console.log(
    `bench:faults — ${total} emails, ${failureRate * 100}% of provider calls failing, ${kills} SIGKILLs, PostgreSQL restart: ${restartDb}; ${machine()}`,
  );
  ensureBuild(option('build', 'auto'));

  // The queue policy the jobs are created with (the worker's start-up only changes it for new jobs):
  // no backoff, and a job held by a killed worker comes back after 10 s.
  process.env.EMAIL_RETRY_BACKOFF = 'false';
  process.env.EMAIL_JOB_EXPIRE_SECONDS = '10';
  (await import('../app/env.server')).resetEnvCache(); // read through getEnv(), which caches
  const { dbUrl, handle } = await benchDatabase(url, 'pa_bench_faults', { retryLimit: 20, retryDelaySeconds: 1 });

  const fake = await startFakeResend({ failureRate, sentThenFailedShare: 0.5, retryAfterSeconds: 1, port: fakePort, quiet: true });
  onCleanUp(() => fake.close());

  // 1. The emails due: follow-ups of a finished course, each to its own address.
  const { enqueueEmail } = await import('../app/modules/email/outbox.server');
  const t0 = Date.now();
  for (let start = 0; start < total; start += 500) {
    await handle.db.transaction(async (tx) => {
      for (let i = start; i < Math.min(total, start + 500); i++) {
        await enqueueEmail(tx, {
          template: 'follow-up-attended',
          to: `deelnemer${i}@example.org`,
          props: {
            locale: i % 5 === 0 ? 'en' : 'nl',
            name: `Deelnemer ${i}`,
            courseTitle: 'Politiek Actief Zwolle',
            completed: i % 3 !== 0,
            certificate: false,
            mentoringUrl: 'https://politiekactief.example/mentoraat',
            coursesUrl: 'https://politiekactief.example/cursussen',
          },
        });
      }
    });
  }
  console.log(`queued ${total} emails (outbox rows and pg-boss jobs) in ${seconds(Date.now() - t0)}`);

  // 2. A web process (for /healthz) and a worker process.
  const common = {
    APP_SECRET: BENCH_APP_SECRET,
    DATABASE_URL: dbUrl,
    WORKER_IN_WEB: 'false',
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.baseUrl,
    EMAIL_FROM: 'Politiek Actief <noreply@politiekactief.example>',
    EMAIL_RETRY_LIMIT: '20',
    EMAIL_RETRY_DELAY_SECONDS: '1',
    EMAIL_RETRY_BACKOFF: 'false',
    EMAIL_LOCK_SECONDS: '10',
    EMAIL_JOB_EXPIRE_SECONDS: '10',
    PGBOSS_MAINTENANCE_SECONDS: '5',
    EMAIL_BATCH_SIZE: '100',
    LOG_LEVEL: 'error',
  };
  const web = startServer(webPort, common);
  onCleanUp(() => stopServer(web));
  await waitForHealth(web);

  let worker: ChildProcess | undefined;
  const workerOutput: string[] = [];
  const startWorker = () => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production', ...common },
    });
    const keep = (chunk: Buffer) => {
      workerOutput.push(chunk.toString());
      if (workerOutput.length > 100) workerOutput.shift();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    return child;
  };
  const killWorker = (signal: NodeJS.Signals) => {
    if (worker?.pid && worker.exitCode === null) {
      try {
        process.kill(-worker.pid, signal);
      } catch {
        // gone already
      }
    }
  };
  onCleanUp(() => killWorker('SIGKILL'));

  const sql = handle.sql;
  const counts = async () => {
    const rows = await sql<{ status: string; n: number }[]>`select status, count(*)::int as n from email_messages group by status`;
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  };

  const started = Date.now();
  worker = startWorker();
  const events: string[] = [];
  let downtimeMs = 0;
  let healthAfterDbMs: number | null = null;
  let dbOutageMs: number | null = null;
  const killAt = Array.from({ length: kills }, (_, i) => (i + 1) / (kills + 2)); // 1/4, 2/4 with two kills
  const dbAt = (kills + 1) / (kills + 2); // 3/4
  let dbDone = !restartDb;
  let last: Record<string, number> = {};
  let lastPrint = 0;

  while (Date.now() - started < timeoutS * 1000) {
    try {
      last = await counts();
    } catch {
      await sleep(200);
      continue;
    }
    const done = (last.sent ?? 0) + (last.failed ?? 0);
    const share = done / total;
    if (Date.now() - lastPrint > 5000) {
      lastPrint = Date.now();
      console.log(
        `  ${seconds(Date.now() - started).padStart(7)}: sent ${last.sent ?? 0}, queued ${last.queued ?? 0}, sending ${last.sending ?? 0}, failed ${last.failed ?? 0}`,
      );
    }
    if (done >= total) break;
    if (worker.exitCode !== null || worker.signalCode !== null) {
      // Not one of ours: the worker died by itself (a crash is a finding, not something to wait out).
      events.push(
        `${seconds(Date.now() - started)}: the worker EXITED by itself (code ${worker.exitCode}, signal ${worker.signalCode}) at ${done} done`,
      );
      console.log(`  ${events.at(-1)}\n${workerOutput.join('').slice(-3000)}`);
      break;
    }
    if (killAt.length && share >= killAt[0]!) {
      killAt.shift();
      const k0 = Date.now();
      killWorker('SIGKILL');
      events.push(`${seconds(k0 - started)}: worker SIGKILLed at ${done} done; restarted`);
      console.log(`  ${events.at(-1)}`);
      worker = startWorker();
      downtimeMs += Date.now() - k0;
    }
    if (!dbDone && share >= dbAt) {
      dbDone = true;
      const r0 = Date.now();
      console.log(`  ${seconds(r0 - started)}: restarting PostgreSQL (${restartCommand})`);
      execFileSync('sh', ['-c', restartCommand], { stdio: 'inherit' });
      // When does PostgreSQL answer again, and then the web app?
      let back = 0;
      for (;;) {
        const probe = postgres(dbUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
        try {
          await probe`select 1`;
          back = Date.now();
          break;
        } catch {
          await sleep(100);
        } finally {
          await probe.end({ timeout: 1 }).catch(() => {});
        }
      }
      dbOutageMs = back - r0;
      for (;;) {
        try {
          const res = await fetch(`http://127.0.0.1:${webPort}/healthz`, { signal: AbortSignal.timeout(5000) });
          await res.arrayBuffer();
          if (res.ok) break;
        } catch {
          // not yet
        }
        if (Date.now() - back > 60_000) break;
        await sleep(100);
      }
      healthAfterDbMs = Date.now() - back;
      downtimeMs += dbOutageMs;
      events.push(
        `${seconds(r0 - started)}: PostgreSQL restarted at ${done} done; it answered after ${seconds(dbOutageMs)}, the web app's /healthz 200 ${seconds(healthAfterDbMs)} after that`,
      );
      console.log(`  ${events.at(-1)}`);
    }
    await sleep(250);
  }
  const elapsed = Date.now() - started;
  last = await counts();

  // 3. The figures, from the provider's side (what people receive) and the database's.
  const recipients = [...fake.perRecipient];
  const delivered = recipients.filter(([to]) => to.startsWith('deelnemer')).length;
  const twice = recipients.filter(([, count]) => count > 1).length;
  const lost = total - delivered;
  console.log(`\nevents:\n${events.map((e) => `  ${e}`).join('\n') || '  none'}`);
  console.log(
    `\nprovider calls: ${fake.stats.calls} (${fake.stats.batchCalls} batch calls), failed with 500: ${fake.stats.failed500}, 429: ${fake.stats.failed429}, sent-then-500: ${fake.stats.sentThenFailed}, answered from an idempotency key: ${fake.stats.replayed}`,
  );
  console.log(
    `database: ${Object.entries(last)
      .map(([s, k]) => `${s} ${k}`)
      .join(', ')}`,
  );
  console.log(`
emails due                        ${total}
delivered                         ${delivered}
delivered twice                   ${twice}   (must be 0)
lost                              ${lost}   (must be 0)
total time                        ${seconds(elapsed)}
  without restarts and outage     ${seconds(elapsed - downtimeMs)}   (target ≤ 60 s)
PostgreSQL outage                 ${dbOutageMs === null ? 'n/a' : seconds(dbOutageMs)}
/healthz 200 after DB came back   ${healthAfterDbMs === null ? 'n/a' : seconds(healthAfterDbMs)}   (target ≤ 10 s, web process not restarted: pid ${web.child.pid} ${web.child.exitCode === null ? 'still running' : 'EXITED'})
`);
  if (lost > 0 || twice > 0) console.log(`worker output (last lines):\n${workerOutput.join('').slice(-3000)}`);
  console.log(machine());
  killWorker('SIGTERM');
  await cleanUp();
  process.exit(lost > 0 || twice > 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
