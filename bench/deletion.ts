// npm run bench:deletion — account deletion and the retention job at national scale (issue 13, item 4).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:deletion -- --scale=100
//   DATABASE_URL=… npm run bench:deletion -- --reuse=pa_bench_grow_<timestamp>   # a database kept by bench:grow --keep
//
// Grows a database of its own (bench/grow-data.ts), or copies one grown before (`reuse`: the copy is
// made with `create database … template …` and dropped afterwards, so the kept one is never changed).
// Then, on the app's own code (no web process):
//
// 1. The email log is brought to the state the nightly job keeps it in (expireEmailLog: rows older
//    than a year deleted, older than a month reduced); the grower writes a million whole rows.
// 2. One account deletion (deleteAccount), `accounts` times, one account at a time: p50, p95, max.
// 3. A retention run (runRetentionWork) over `expired` accounts due for deletion. The clock is moved
//    four years on (every grown account then inactive) and the email log moved with it, so it stays
//    as it was; `expired` accounts were warned 31 days before, all others one day before (warned, not
//    yet due). The run's time and its counts are printed, and the database is checked: those
//    accounts are gone.
//
// Options (argv `--name=value` or env BENCH_NAME): scale (100), accounts (20), expired (10000),
// retention (true: step 3), keep (false), reuse (a database grown before).
import postgres from 'postgres';
import { grownDatabase } from './grow-data';
import { cleanUp, cleanUpOnSignals, machine, onCleanUp, option, percentile, root, withDatabase } from './lib';

process.chdir(root);
cleanUpOnSignals('dropping the bench database');

const SCALE = Number(option('scale', '100'));
const ACCOUNTS = Number(option('accounts', '20'));
const EXPIRED = Number(option('expired', '10000'));
const KEEP = option('keep', 'false') === 'true';
const RETENTION = option('retention', 'true') === 'true';
const REUSE = option('reuse', '');
const adminUrl = process.env.DATABASE_URL;
const DAY = 86_400_000;

/** A copy of a database grown before, dropped on clean-up. */
async function copyOf(name: string) {
  const copy = `pa_bench_deletion_${Date.now()}`;
  const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
  console.log(`Copying ${name} to ${copy}…`);
  await admin.unsafe(`create database ${copy} template ${name}`);
  await admin.end();
  onCleanUp(async () => {
    const again = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await again.unsafe(`drop database if exists ${copy} with (force)`).catch(() => {});
    await again.end();
    console.log(`Dropped database ${copy}.`);
  });
  return copy;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main() {
  if (!adminUrl) throw new Error('bench:deletion needs PostgreSQL: set DATABASE_URL (a server to create a database on)');
  console.log(`Machine: ${machine()}`);
  let url: string;
  if (REUSE) {
    url = withDatabase(adminUrl, await copyOf(REUSE));
  } else {
    const grown = await grownDatabase(adminUrl, { scale: SCALE, prefix: 'pa_bench_deletion', keep: KEEP, reuse: '' });
    console.log(`Grown in ${grown.seconds.toFixed(0)} s.`);
    url = grown.url;
  }

  const { openDatabase, setDatabaseHandle } = await import('../db/client.server');
  const { startBoss } = await import('../app/modules/jobs/boss.server');
  const { setClock } = await import('../app/modules/clock.server');
  const { expireEmailLog } = await import('../app/modules/privacy/email-log.server');
  const { deleteAccount } = await import('../app/modules/privacy/deletion.server');
  const { runRetentionWork, RETENTION_BATCH } = await import('../app/modules/privacy/retention.server');
  const { migrateDatabase } = await import('../db/migrate.server');
  const handle = await openDatabase({ url, maxConnections: 4 });
  setDatabaseHandle(handle);
  onCleanUp(() => handle.close().catch(() => {}));
  // A database grown before may predate this branch's migrations (the email log's partial index).
  await migrateDatabase(handle);
  // Deletion queues emails (a partner told, the waitlist moved up): pg-boss must be there to enqueue.
  const boss = await startBoss(handle, { retryLimit: 0, retryDelaySeconds: 1 }, { supervise: false, schedule: false });
  onCleanUp(() => boss.stop({ graceful: false, wait: false }).catch(() => {}));
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  onCleanUp(() => sql.end({ timeout: 5 }));
  const db = handle.db;

  // 1. The email log as the nightly job keeps it.
  let t0 = performance.now();
  for (;;) {
    const r = await expireEmailLog(db, { maxMs: 10 * 60_000 });
    if (r.done) break;
  }
  // As autovacuum keeps it between nightly runs (the rows just deleted and reduced leave dead versions).
  await sql`vacuum analyze email_messages`;
  const [log] = await sql<{ total: string; unreduced: string }[]>`
    select count(*) as total, count(*) filter (where reduced_at is null) as unreduced from email_messages`;
  console.log(
    `Email log brought to its lifetime in ${ms(performance.now() - t0)}: ${Number(log!.total).toLocaleString('en')} rows, ` +
      `${Number(log!.unreduced).toLocaleString('en')} not reduced yet.`,
  );

  // 2. One account deletion, account by account: grown accounts with registrations and email.
  const sample = await sql<{ id: string }[]>`
    select u.id from users u where u.email like 'groei-%' and not u.is_admin
      and exists (select 1 from registrations r where r.user_id = u.id)
    order by md5(u.id::text) limit ${ACCOUNTS}`;
  const times: number[] = [];
  for (const { id } of sample) {
    t0 = performance.now();
    if (!(await deleteAccount(db, id))) throw new Error(`account ${id} was not there`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);

  // How the email log is searched for names (eraseAddresses): the plans and their times, for one
  // name and for the names and addresses of a retention batch at once (`ilike any`).
  const batchNames = (
    await sql<{ name: string; email: string }[]>`select name, email from users order by md5(id::text) limit ${RETENTION_BATCH}`
  ).flatMap((u) => [`%${u.name}%`, `%${u.email}%`]);
  const plans: string[] = [];
  for (const [label, query, parameter] of [
    [
      'subjects, for one name (trigram index)',
      `select id from email_messages where id in (select id from email_messages where subject is not null and subject ilike any($1::text[]))
         and status not in ('queued', 'sending')`,
      ['%Groei Persoon 12345%'],
    ],
    [
      `subjects, for the ${batchNames.length} names and addresses of a retention batch (trigram index)`,
      `select id from email_messages where id in (select id from email_messages where subject is not null and subject ilike any($1::text[]))
         and status not in ('queued', 'sending')`,
      batchNames,
    ],
    [
      'bodies, for one name (partial index)',
      `select id from email_messages where status not in ('queued', 'sending')
         and (html is not null or text_body is not null or props is not null)
         and (html ilike any($1::text[]) or text_body ilike any($1::text[]) or props::text ilike any($1::text[]))`,
      ['%Groei Persoon 12345%'],
    ],
  ] as const) {
    // One text[] literal as the parameter, as eraseAddresses passes it.
    const literal = `{${parameter.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
    const plan = await sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain analyze ${query}`, [literal]);
    // A batch's hundreds of patterns are cut short: the plan's shape and times are what matter.
    plans.push(
      `  ${label}:\n${plan.map((p) => `    ${p['QUERY PLAN'].length > 200 ? `${p['QUERY PLAN'].slice(0, 200)}…` : p['QUERY PLAN']}`).join('\n')}`,
    );
  }

  console.log(
    `One account deletion (deleteAccount), ${times.length} accounts one at a time: p50 ${ms(percentile(times, 50))}, ` +
      `p95 ${ms(percentile(times, 95))}, max ${ms(times.at(-1) ?? NaN)}`,
  );
  console.log(`\nSearching the email log for names:\n${plans.join('\n')}\n`);
  if (!RETENTION) return;

  // 3. A retention run over EXPIRED accounts due for deletion, four years on.
  const shift = 4 * 365 * DAY;
  const at = new Date(Date.now() + shift);
  t0 = performance.now();
  // The log moves with the clock, so that the run finds it as the nightly job left it.
  await sql.unsafe(`update email_messages set created_at = created_at + interval '${shift / DAY} days',
      sent_at = sent_at + interval '${shift / DAY} days', send_after = send_after + interval '${shift / DAY} days',
      reduced_at = reduced_at + interval '${shift / DAY} days'`);
  const chosen = await sql<{ id: string }[]>`
    select id from users where email like 'groei-%' and not is_admin order by md5(id::text) limit ${EXPIRED}`;
  await sql`update users set retention_warned_at = ${new Date(at.getTime() - DAY)} where not is_admin`;
  await sql`update users set retention_warned_at = ${new Date(at.getTime() - 31 * DAY)} where id = any(${chosen.map((c) => c.id)}::uuid[])`;
  await sql`vacuum analyze email_messages`;
  await sql`analyze`;
  console.log(`Set up ${chosen.length.toLocaleString('en')} expired accounts in ${ms(performance.now() - t0)}.`);
  setClock(at);
  t0 = performance.now();
  const steps: string[] = [];
  const result = await runRetentionWork(db, {
    inactiveDays: 730,
    onStep: (name, took, count) => steps.push(`  ${name}: ${(took / 1000).toFixed(1)} s (${count.toLocaleString('en')})`),
  });
  const retentionMs = performance.now() - t0;
  setClock(undefined);
  const [left] = await sql<{ n: string }[]>`select count(*) as n from users where id = any(${chosen.map((c) => c.id)}::uuid[])`;

  console.log(`\nScale ${REUSE ? `(copy of ${REUSE})` : SCALE}; machine after: ${machine()}`);
  console.log(
    `Retention run (runRetentionWork) over ${chosen.length.toLocaleString('en')} expired accounts: ${(retentionMs / 1000).toFixed(1)} s; ` +
      `deleted ${result.deleted}, warned ${result.warned}, warnings lapsed ${result.cancelled}, done ${result.done}; ` +
      `email log reduced ${result.emailLog.reduced}, deleted ${result.emailLog.deleted}; ${left!.n} of the expired accounts left`,
  );
  console.log(steps.join('\n'));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp().then(() => process.exit()));
