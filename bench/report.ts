// npm run bench:report — the funder report at national size (issue 12, item 9): grows a PostgreSQL
// database (bench/grow-data.ts, scale 100 = three national years), starts one production web
// process, logs in as the demo coordinator and prints p50/p95 of /beheer/rapportage and its CSV for
// the default block (the current quarter), the calendar year 2026, the programme year 2025–2026, and
// by academy, for both of the coordinator's organisations. Target: p95 under 300 ms at scale 100.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:report
//   DATABASE_URL=… npm run bench:report -- --scale=10 --requests=20
//
// Options (argv `--name=value` or env BENCH_NAME): scale (100), requests (10), warmup (2),
// port (3441), keep (false: drop the database), reuse (a database kept before), build (auto),
// snapshots (true: take the report snapshots of every timed block first, as the job does, ADR 020;
// false: leave them to the requests, which then show "wordt berekend" for a block over the budget).
//
// The page and the CSV read the last protected snapshot (ADR 020): the timed requests measure that
// path (read, decode, assemble, publish), never solving. The time the job takes to snapshot each
// block is printed apart.
import { openDatabase } from '../db/client.server';
import { demoAccounts } from '../db/seed.server';
import { takeSnapshot } from '../app/modules/reports/snapshot.server';
import { parseBlock, quarterOf, type Block } from '../app/modules/reports/periods';
import { dutchToday } from '../app/modules/clock.server';
import { grownDatabase } from './grow-data';
import {
  cleanUp,
  cleanUpOnSignals,
  ensureBuild,
  grownPageOptions,
  kb,
  logIn,
  machine,
  onCleanUp,
  root,
  startServer,
  statusText,
  stopServer,
  timeGets,
  waitForHealth,
} from './lib';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`npm run bench:report [-- --scale=100 --requests=10 --warmup=2 --port=3441 --keep --reuse=<database> --build=auto|always|never --snapshots=true|false]

The funder report at national size: grows a PostgreSQL database (DATABASE_URL names the server),
takes the report snapshots of the timed blocks as the job does (ADR 020, timed apart), starts one
production web process and prints p50/p95 of /beheer/rapportage and its CSV, which read those
snapshots. Target: p95 under 300 ms at scale 100.`);
  process.exit(0);
}

process.chdir(root);
cleanUpOnSignals('stopping the server and dropping the bench database');

const {
  scale: SCALE,
  requests: REQUESTS,
  warmup: WARMUP,
  port: PORT,
  keep: KEEP,
  reuse: REUSE,
  build: BUILD,
  base,
} = grownPageOptions({ scale: 100, port: 3441 });
const adminUrl = process.env.DATABASE_URL;

async function main() {
  if (!adminUrl) throw new Error('bench:report needs PostgreSQL: set DATABASE_URL (a server to create a database on)');
  console.log(`Machine: ${machine()}`);
  ensureBuild(BUILD);
  const grown = await grownDatabase(adminUrl, { scale: SCALE, prefix: 'pa_bench_report', keep: KEEP, reuse: REUSE });
  if (grown.seconds) console.log(`Grown in ${grown.seconds.toFixed(0)} s.`);
  console.log(
    Object.entries(grown.counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', '),
  );

  const orgRows = await grown.sql<{ id: string; slug: string }[]>`
    select o.id, o.slug from organisations o join organisation_memberships m on m.organisation_id = o.id
    join users u on u.id = m.user_id where u.email = ${demoAccounts.coordinator.email} order by o.slug`;
  if (!process.argv.includes('--snapshots=false') && process.env.BENCH_SNAPSHOTS !== 'false') {
    // What the job does after a change or every 10 minutes (ADR 020): count, protect, store.
    const handle = await openDatabase({ url: grown.url, maxConnections: 3 });
    try {
      const blocks: Block[] = [quarterOf(dutchToday()), parseBlock('2026')!, parseBlock('2025-2026')!];
      for (const o of orgRows)
        for (const block of blocks) {
          const started = performance.now();
          await takeSnapshot(handle.db, o.id, block);
          console.log(
            `snapshot ${o.slug} ${JSON.stringify(block)}: ${((performance.now() - started) / 1000).toFixed(1)} s (the job's time)`,
          );
        }
    } finally {
      await handle.close();
    }
  }

  const server = startServer(PORT, { DATABASE_URL: grown.url, WORKER_IN_WEB: 'false', TRUST_PROXY: '1' });
  onCleanUp(() => stopServer(server));
  await waitForHealth(server);
  const cookie = await logIn(base, demoAccounts.coordinator.email, demoAccounts.coordinator.password);

  const orgs = await grown.sql<{ id: string; slug: string }[]>`
    select o.id, o.slug from organisations o join organisation_memberships m on m.organisation_id = o.id
    join users u on u.id = m.user_id where u.email = ${demoAccounts.coordinator.email} order by o.slug`;
  const [inScope] = await grown.sql<{ n: string }[]>`
    select count(*) as n from registrations r join courses c on c.id = r.course_id
    where c.organisation_id in ${grown.sql(orgs.map((o) => o.id))} and c.first_session_at >= now() - interval '1 year'`;
  console.log(
    `\nThe coordinator's organisations: ${orgs.map((o) => o.slug).join(', ')}; ${Number(inScope!.n).toLocaleString('en')} registrations in the last year.`,
  );

  const views: { label: string; path: string }[] = [];
  for (const o of orgs) {
    const q = `organisatie=${o.id}`;
    // Fixed blocks (ADR 015): the default (the current quarter), a calendar year and a programme
    // year, and a year by academy. Their snapshots were taken above (ADR 020): every request reads one.
    views.push(
      { label: `${o.slug} page, this quarter`, path: `/beheer/rapportage?${q}` },
      { label: `${o.slug} CSV, this quarter`, path: `/beheer/rapportage.csv?${q}` },
      { label: `${o.slug} page, 2026`, path: `/beheer/rapportage?${q}&periode=2026` },
      { label: `${o.slug} CSV, 2026`, path: `/beheer/rapportage.csv?${q}&periode=2026` },
      { label: `${o.slug} page, 2025-2026`, path: `/beheer/rapportage?${q}&periode=2025-2026` },
      { label: `${o.slug} CSV, 2025-2026`, path: `/beheer/rapportage.csv?${q}&periode=2025-2026` },
      { label: `${o.slug} page, 2026 by academy`, path: `/beheer/rapportage?${q}&periode=2026&groep=academie` },
    );
  }
  console.log(`\nScale ${SCALE}; ${WARMUP} warm-ups, then ${REQUESTS} requests each, one at a time\n`);
  console.log(`${'view'.padEnd(36)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'size'.padStart(11)}  status`);
  let worst = 0;
  for (const v of views) {
    const r = await timeGets(`${base}${v.path}`, { cookie, warmup: WARMUP, count: REQUESTS }).catch((error: unknown) => {
      // The server's own words say more than the socket error.
      console.error(`${v.label}: ${String(error)}; the server's last output:\n${server.output.join('').slice(-3000)}`);
      throw error;
    });
    worst = Math.max(worst, r.p95);
    console.log(
      `${v.label.padEnd(36)}${r.p50.toFixed(0).padStart(8)}${r.p95.toFixed(0).padStart(8)}${kb(r.bytes).padStart(11)}  ${statusText(r.statuses)}`,
    );
  }
  console.log(`\nWorst p95 ${worst.toFixed(0)} ms (target < 300 ms at scale 100): ${worst < 300 ? 'met' : 'MISSED'}`);
  console.log(`Machine after the run: ${machine()}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
