// npm run bench:grow — every page and CSV of every role on a database grown to N/100 of three
// national years (issue 13, item 1), and the plans of their queries (item 3).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:grow -- --scale=10
//
// Grows a database of its own (bench/grow-data.ts, shared with bench:report), starts one production
// web process, logs in as the four demo accounts and times each page: `warmup` GETs, then `requests`
// GETs one at a time (p50, p95, bytes). Then, in this process, it renders each page once more
// through the same server build with every query recorded (postgres.js `debug`), runs EXPLAIN on
// each SELECT with its parameters, and flags a sequential scan of a table of more than `large` rows.
//
// Options (argv `--name=value` or env BENCH_NAME): scale (1), requests (10), warmup (2), port (3451),
// large (10000), explain (true), keep (false), reuse (a database kept before), build (auto).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '../db/schema';
import { setDatabaseHandle, type Db } from '../db/client.server';
import { demoAccounts } from '../db/seed.server';
import { demoMentor } from '../db/seed-mentoring';
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
  option,
  root,
  startServer,
  statusText,
  stopServer,
  timeGets,
  waitForHealth,
} from './lib';

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
} = grownPageOptions({ scale: 1, port: 3451 });
const LARGE = Number(option('large', '10000'));
const EXPLAIN = option('explain', 'true') === 'true';
const adminUrl = process.env.DATABASE_URL;

type Role = 'anonymous' | 'candidate' | 'mentor' | 'coordinator' | 'admin';
type Page = { role: Role; path: string };

async function pagesToTime(sql: postgres.Sql): Promise<Page[]> {
  // Every organisation takes part in the open national figures: /cijfers counts the whole country.
  await sql`update organisations set open_figures = true`;
  const one = async <T extends Record<string, unknown>>(q: Promise<T[]>) => (await q)[0];
  // The coordinator's largest course (most registrations) and network (most applications): the worst case.
  const course = await one(sql<{ id: string }[]>`
    select c.id from courses c join organisation_memberships m on m.organisation_id = c.organisation_id
    join users u on u.id = m.user_id and u.email = ${demoAccounts.coordinator.email}
    join registrations r on r.course_id = c.id group by c.id order by count(*) desc limit 1`);
  const network = await one(sql<{ id: string }[]>`
    select n.id from networks n join organisation_memberships m on m.organisation_id = n.organisation_id
    join users u on u.id = m.user_id and u.email = ${demoAccounts.coordinator.email}
    left join mentee_applications a on a.network_id = n.id group by n.id order by count(a.id) desc limit 1`);
  const academy = await one(sql<{ id: string }[]>`
    select a.id from academies a join organisation_memberships m on m.organisation_id = a.organisation_id
    join users u on u.id = m.user_id and u.email = ${demoAccounts.coordinator.email} limit 1`);
  const publicCourse = await one(sql<{ id: string }[]>`
    select c.id from courses c where c.status = 'published' and c.first_session_at > now() order by c.first_session_at limit 1`);
  const organisation = await one(sql<{ id: string }[]>`select id from organisations where slug = 'nvr'`);
  const pages: Page[] = [
    { role: 'anonymous', path: '/' },
    { role: 'anonymous', path: '/cursussen' },
    { role: 'anonymous', path: '/cursussen?page=10' },
    { role: 'anonymous', path: '/cursussen?q=Politiek&format=online' },
    { role: 'anonymous', path: `/cursussen/${publicCourse!.id}` },
    { role: 'anonymous', path: `/cursussen/${publicCourse!.id}/aanmelden` },
    { role: 'anonymous', path: '/privacy' },
    // The open national figures over every organisation (all switched on below): counted once a day,
    // so the first GET (a warmup) counts and the timed ones read the day's count and protect it.
    { role: 'anonymous', path: '/cijfers' },
    { role: 'anonymous', path: '/cijfers.csv' },
    { role: 'candidate', path: '/account' },
    { role: 'candidate', path: '/account/privacy' },
    { role: 'candidate', path: '/account/privacy/export.json' },
    { role: 'candidate', path: '/account/kandidaat' },
    { role: 'candidate', path: '/mentoraat' },
    { role: 'mentor', path: '/mentor' },
    { role: 'mentor', path: '/mentor/profiel' },
    { role: 'coordinator', path: '/beheer' },
    { role: 'coordinator', path: '/beheer/cursussen' },
    { role: 'coordinator', path: `/beheer/cursussen/${course!.id}` },
    { role: 'coordinator', path: `/beheer/cursussen/${course!.id}/aanmeldingen` },
    { role: 'coordinator', path: `/beheer/cursussen/${course!.id}/aanwezigheid` },
    { role: 'coordinator', path: `/beheer/cursussen/${course!.id}/export.csv` },
    { role: 'coordinator', path: '/beheer/netwerken' },
    { role: 'coordinator', path: `/beheer/netwerken/${network!.id}` },
    { role: 'coordinator', path: `/beheer/netwerken/${network!.id}/mentoren` },
    { role: 'coordinator', path: `/beheer/netwerken/${network!.id}/aanvragen` },
    { role: 'coordinator', path: `/beheer/netwerken/${network!.id}/koppelingen` },
    { role: 'coordinator', path: `/beheer/netwerken/${network!.id}/koppelen` },
    // The network's searches: part of a name, as a coordinator types it.
    { role: 'coordinator', path: `/beheer/netwerken/${network!.id}/aanvragen?zoek=Persoon%201` },
    { role: 'coordinator', path: `/beheer/netwerken/${network!.id}/koppelingen?status=finished&zoek=Persoon%201` },
    { role: 'coordinator', path: `/beheer/netwerken/${network!.id}/koppelen?zoek=Persoon%201` },
    { role: 'coordinator', path: '/beheer/academies' },
    ...(academy ? [{ role: 'coordinator' as const, path: `/beheer/academies/${academy.id}` }] : []),
    { role: 'coordinator', path: '/beheer/rapportage' },
    { role: 'coordinator', path: '/beheer/rapportage.csv' },
    { role: 'admin', path: '/admin' },
    { role: 'admin', path: `/admin/organisaties/${organisation!.id}` },
  ];
  return pages;
}

const accounts: Record<Exclude<Role, 'anonymous'>, { email: string; password: string }> = {
  candidate: demoAccounts.candidate,
  mentor: demoMentor,
  coordinator: demoAccounts.coordinator,
  admin: demoAccounts.admin,
};

// ---------------------------------------------------------------------------------------------
// EXPLAIN: the queries of one page, recorded while this process renders it through the server build.

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Plan Rows'?: number; Plans?: PlanNode[] };

function seqScans(node: PlanNode, found: Set<string>) {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) found.add(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, found);
}

async function explainPages(url: string, pages: Page[], cookies: Map<Role, string>) {
  const recorded: { text: string; params: unknown[] }[] = [];
  let recording = false;
  const appSql = postgres(url, {
    max: 4,
    onnotice: () => {},
    transform: { undefined: null },
    debug: (_connection, text, params) => {
      if (recording && /^\s*(with|select)\b/i.test(text)) recorded.push({ text, params: params as unknown[] });
    },
  });
  onCleanUp(() => appSql.end({ timeout: 5 }));
  const db = drizzle(appSql, { schema }) as unknown as Db;
  setDatabaseHandle({ kind: 'postgres', db, sql: appSql, url, close: () => appSql.end({ timeout: 5 }) });
  const { createRequestHandler } = await import('@remix-run/node');
  const build = await import(pathToFileURL(path.resolve('build/server/index.js')).href);
  const handle = createRequestHandler(build, 'production');
  const explainer = postgres(url, { max: 1, onnotice: () => {} });
  onCleanUp(() => explainer.end({ timeout: 5 }));
  const sizes = new Map(
    (await explainer<{ relname: string; n: number }[]>`select relname, reltuples::bigint as n from pg_class where relkind = 'r'`).map(
      (r) => [r.relname, Number(r.n)],
    ),
  );
  const findings: { page: Page; table: string; rows: number; query: string }[] = [];
  let queries = 0;
  for (const page of pages) {
    recorded.length = 0;
    recording = true;
    const cookie = cookies.get(page.role);
    const res = await handle(new Request(`http://127.0.0.1${page.path}`, { headers: cookie ? { Cookie: cookie } : {} }), {
      nonce: 'bench',
      requestId: 'bench',
      ip: '10.9.9.9',
    });
    await res.arrayBuffer();
    recording = false;
    for (const q of recorded) {
      queries++;
      try {
        const [row] = await explainer.unsafe(`explain (format json) ${q.text}`, q.params as never[]);
        const plan = (row as unknown as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]!.Plan;
        const found = new Set<string>();
        seqScans(plan, found);
        for (const table of found) {
          const rows = sizes.get(table) ?? 0;
          if (rows > LARGE) findings.push({ page, table, rows, query: q.text.replace(/\s+/g, ' ').slice(0, 160) });
        }
      } catch {
        // A statement EXPLAIN cannot take (a SET, say): not a query of the page's data.
      }
    }
  }
  setDatabaseHandle(undefined);
  return { findings, queries };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!adminUrl) throw new Error('bench:grow needs PostgreSQL: set DATABASE_URL (a server to create a database on)');
  console.log(`Machine: ${machine()}`);
  ensureBuild(BUILD);
  const grown = await grownDatabase(adminUrl, { scale: SCALE, prefix: 'pa_bench_grow', keep: KEEP, reuse: REUSE });
  if (grown.seconds) console.log(`Grown in ${grown.seconds.toFixed(0)} s.`);
  console.log(
    Object.entries(grown.counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', '),
  );

  const server = startServer(PORT, { DATABASE_URL: grown.url, WORKER_IN_WEB: 'false', TRUST_PROXY: '1' });
  onCleanUp(() => stopServer(server));
  await waitForHealth(server);
  const cookies = new Map<Role, string>([['anonymous', '']]);
  let ip = 0;
  for (const [role, a] of Object.entries(accounts)) cookies.set(role as Role, await logIn(base, a.email, a.password, `10.9.1.${++ip}`));

  const pages = await pagesToTime(grown.sql);
  console.log(`\nScale ${SCALE}; ${WARMUP} warm-ups, then ${REQUESTS} requests each, one at a time\n`);
  console.log(`${'role'.padEnd(12)}${'page'.padEnd(58)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'bytes'.padStart(11)}  status`);
  const slow: string[] = [];
  for (const page of pages) {
    const r = await timeGets(`${base}${page.path}`, { cookie: cookies.get(page.role), warmup: WARMUP, count: REQUESTS });
    const shown = page.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    if (r.p95 >= 300 || r.bytes >= 300 * 1024) slow.push(`${page.role} ${shown}`);
    console.log(
      `${page.role.padEnd(12)}${shown.padEnd(58)}${r.p50.toFixed(0).padStart(8)}${r.p95.toFixed(0).padStart(8)}${kb(r.bytes).padStart(11)}  ${statusText(r.statuses)}`,
    );
  }
  console.log(`\nOver a target (p95 >= 300 ms or >= 300 kB): ${slow.length ? slow.join(', ') : 'none'}`);
  console.log(`Machine after timing: ${machine()}`);

  if (EXPLAIN) {
    await stopServer(server); // the explain pass renders in this process; no need for two apps on the database
    const { findings, queries } = await explainPages(grown.url, pages, cookies);
    console.log(`\nEXPLAIN of ${queries} SELECTs of these pages: sequential scans of tables over ${LARGE.toLocaleString('en')} rows`);
    if (!findings.length) console.log('  none');
    const seen = new Set<string>();
    for (const f of findings) {
      const key = `${f.page.path}|${f.table}|${f.query}`;
      if (seen.has(key)) continue;
      seen.add(key);
      console.log(
        `  ${f.page.role} ${f.page.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}: Seq Scan on ${f.table} (${f.rows.toLocaleString('en')} rows)\n      ${f.query}`,
      );
    }
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
