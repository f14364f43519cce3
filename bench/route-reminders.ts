// npm run bench:route — the hourly route-reminder job on a grown set (issue 17, item 4).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<scratch database> npm run bench:route -- --matches=4000
//   … -- --matches=20000 --history=200000 --day=2030-02-10 --before=false   # the "deadline passed" branch
//
// Migrates the database given (use a scratch one: it adds rows), grows `networks` networks with
// `matches` matches among them (80 % active, the rest proposed or ended) and `history` matches that
// are over (drafts of earlier runs discarded, proposals declined or expired, matches ended: the rows
// that pile up over the years), each network's first step dated on a different day and a third of
// the active mentees with that step ticked, then on one day: EXPLAIN (ANALYZE, BUFFERS) of the
// reminders' query (dueRemindersQuery) and its time; then the reminders found are claimed (rows in
// route_reminders, as the job's sends do) and the query runs again, as the next hourly run would: once
// before the new rows are analysed and once after. Last, unless --before=false, the time of the rule
// the query replaced (every active match's route read one by one, routeOfMatch).
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '~db/client.server';
import { migrateDatabase } from '~db/migrate.server';
import { dueRemindersQuery, dueRouteReminders } from '~/modules/candidacy/reminders.server';
import { routeOfMatch, routeTemplate } from '~/modules/candidacy/route.server';
import { option } from './lib';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a scratch PostgreSQL database.');
const MATCHES = Number(option('matches', '4000'));
const NETWORKS = Number(option('networks', '20'));
const DAY = option('day', '2028-09-01');
const HISTORY = Number(option('history', '0'));
const BEFORE = option('before', 'true') !== 'false';

const handle = await openDatabase({ url });
const db = handle.db;
await migrateDatabase(handle);

const tag = Date.now().toString(36);
await db.execute(sql`
  insert into organisations (name, slug, kind) values (${`Bench ${tag}`}, ${`bench-${tag}`}, 'association')`);
await db.execute(sql`
  insert into networks (organisation_id, name)
  select o.id, 'Bench ' || ${tag} || ' ' || g from organisations o, generate_series(1, ${NETWORKS}) g where o.slug = ${`bench-${tag}`}`);
const networks = rowsOf<{ id: string }>(
  await db.execute(sql`select n.id from networks n where n.name like ${`Bench ${tag} %`} order by n.name`),
);
await db.execute(sql`
  insert into users (email, name)
  select 'bench-' || ${tag} || '-' || g || '@example.org', 'Bench ' || g from generate_series(1, ${MATCHES} + 50) g`);
await db.execute(sql`
  insert into mentor_profiles (user_id)
  select u.id from users u where u.email like ${`bench-${tag}-%`} order by u.email limit 50`);
const municipality = rowsOf<{ code: string }>(await db.execute(sql`select code from municipalities limit 1`))[0]!.code;
const networkIds = networks.map((n) => n.id);
await db.execute(sql`
  with u as (select id, row_number() over (order by email) as i from users where email like ${`bench-${tag}-%`}),
  ids as (select unnest(${`{${networkIds.join(',')}}`}::uuid[]) as network_id, generate_series(0, ${NETWORKS - 1}) as k)
  insert into mentee_applications (user_id, network_id, municipality_code)
  select u.id, ids.network_id, ${municipality} from u join ids on ids.k = u.i % ${NETWORKS} where u.i > 50`);
await db.execute(sql`
  with a as (select id, network_id, row_number() over (order by id) as i from mentee_applications
             where network_id = any(${`{${networkIds.join(',')}}`}::uuid[])),
  p as (select id, row_number() over (order by id) - 1 as k from mentor_profiles
        where user_id in (select id from users where email like ${`bench-${tag}-%`}))
  insert into matches (network_id, application_id, mentor_profile_id, status, score, proposed_at, accepted_at)
  select a.network_id, a.id, p.id,
         case when a.i % 10 < 8 then 'active' when a.i % 10 = 8 then 'proposed' else 'ended' end,
         50, now() - interval '100 days', case when a.i % 10 < 8 then now() - interval '90 days' end
  from a join p on p.k = a.i % 50`);
// Matches that are over, spread over the same networks and mentors (their applications are reused:
// only live matches are one per application).
if (HISTORY > 0) {
  await db.execute(sql`
    with a as (select id, network_id, row_number() over (order by id) as i from mentee_applications
               where network_id = any(${`{${networkIds.join(',')}}`}::uuid[])),
    p as (select id, row_number() over (order by id) - 1 as k from mentor_profiles
          where user_id in (select id from users where email like ${`bench-${tag}-%`})),
    g as (select g, (g % ${MATCHES}) + 1 as i from generate_series(1, ${HISTORY}) g)
    insert into matches (network_id, application_id, mentor_profile_id, status, score, proposed_at, accepted_at, ended_at)
    select a.network_id, a.id, p.id,
           (array['discarded', 'declined', 'expired', 'ended', 'completed'])[1 + g.g % 5],
           40, now() - interval '400 days', case when g.g % 5 >= 3 then now() - interval '390 days' end,
           case when g.g % 5 >= 3 then now() - interval '200 days' end
    from g join a on a.i = g.i join p on p.k = (g.g * 7) % 50`);
}
// Templates: the default steps, each network's first step on another day (10 days apart).
for (const [i, n] of networks.entries()) {
  await routeTemplate(db, n.id);
  await db.execute(sql`
    update network_route_steps set days_before = ${500 + 10 * i}
    where network_id = ${n.id} and position = 1`);
}
await db.execute(sql`
  insert into match_route_progress (match_id, step_id, done_on)
  select m.id, s.id, '2027-01-01' from matches m
  join network_route_steps s on s.network_id = m.network_id and s.position = 1
  where m.network_id = any(${`{${networkIds.join(',')}}`}::uuid[]) and m.status = 'active' and hashtext(m.id::text) % 3 = 0`);
await db.execute(sql`analyze`);

const counts = rowsOf<{ matches: number; active: number }>(
  await db.execute(sql`select count(*)::int as matches, count(*) filter (where status = 'active')::int as active from matches`),
)[0]!;
console.log(`Database: ${counts.matches} matches (${counts.active} active) in all; day ${DAY}.`);

async function explain(title: string) {
  const plan = rowsOf<{ 'QUERY PLAN': string }>(await db.execute(sql`explain (analyze, buffers) ${dueRemindersQuery(DAY)}`));
  console.log(`\n## ${title}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  // The best of three, after the EXPLAIN warmed the cache.
  let best = Infinity;
  let due: Awaited<ReturnType<typeof dueRouteReminders>> = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    due = await dueRouteReminders(db, DAY);
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`\n${title}: ${due.length} reminders due, ${best.toFixed(1)} ms (best of 3).`);
  return due;
}

const due = await explain('The first run of the day');
// The claims the job's sends make (one row per reminder), all at once.
await db.execute(sql`
  insert into route_reminders (match_id, election_id, kind, subject)
  select m."matchId"::uuid, m."electionId", m.kind, m.subject from (${dueRemindersQuery(DAY)}) m
  on conflict do nothing`);
console.log(`\nClaimed ${due.length} reminders.`);
await explain('The next run, before the claims are analysed');
await db.execute(sql`analyze route_reminders`);
await explain('The next run, after the claims are analysed');

if (!BEFORE) {
  await handle.close();
  process.exit(0);
}

const active = rowsOf<{ id: string; networkId: string }>(
  await db.execute(sql`select id, network_id as "networkId" from matches where status = 'active'`),
);
const t2 = performance.now();
for (const match of active) await routeOfMatch(db, match, DAY);
const t3 = performance.now();
console.log(`The rule before (every active match's route read): ${active.length} routes, ${(t3 - t2).toFixed(0)} ms.`);
await handle.close();
