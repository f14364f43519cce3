// npm run bench:export — the personal-data export (/account/privacy/export.json) of the demo accounts
// and of a person with data in every part (issue #14: the export made table-driven).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:export   # a database of its own, dropped after
//   npm run bench:export                                                           # PGlite in memory
//
// Seeds the demo data and the test fixture's full person (test/privacy.ts), then exports each of them
// `runs` times, one after the other on the app's own code (no web process): p50, p95 and max of the
// time, and the bytes of the download (the JSON as the route writes it).
//
// Options (argv `--name=value` or env BENCH_NAME): runs (50), warmup (5).
import postgres from 'postgres';
import { cleanUp, cleanUpOnSignals, machine, onCleanUp, option, percentile, root, withDatabase } from './lib';

process.chdir(root);
cleanUpOnSignals('dropping the bench database');

const RUNS = Number(option('runs', '50'));
const WARMUP = Number(option('warmup', '5'));
const adminUrl = process.env.DATABASE_URL;

async function main() {
  console.log(`Machine: ${machine()}`);
  const { openDatabase, setDatabaseHandle, pgliteExtensions } = await import('../db/client.server');
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  if (adminUrl) {
    const name = `pa_bench_export_${Date.now()}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    onCleanUp(async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await again.end();
      console.log(`Dropped database ${name}.`);
    });
    handle = await openDatabase({ url: withDatabase(adminUrl, name), maxConnections: 4 });
    console.log(`PostgreSQL, database ${name}`);
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    handle = await openDatabase({ pglite: await PGlite.create({ extensions: pgliteExtensions }) });
    console.log('PGlite, in memory');
  }
  setDatabaseHandle(handle);
  onCleanUp(() => handle.close().catch(() => {}));

  const { migrateDatabase } = await import('../db/migrate.server');
  const { seedDemoData, demoAccounts } = await import('../db/seed.server');
  const { demoMentor } = await import('../db/seed-mentoring');
  const { startBoss } = await import('../app/modules/jobs/boss.server');
  const { createFullPerson } = await import('../test/privacy');
  const { exportPersonalData } = await import('../app/modules/privacy/export.server');
  const { users } = await import('../db/schema/accounts');
  const { eq } = await import('drizzle-orm');

  await migrateDatabase(handle);
  // The full person's emails are queued through pg-boss in the same transaction.
  const boss = await startBoss(handle, { retryLimit: 0, retryDelaySeconds: 1 }, { supervise: false, schedule: false });
  onCleanUp(() => boss.stop({ graceful: false, wait: false }).catch(() => {}));
  const db = handle.db;
  await seedDemoData(db, { onlyIfEmpty: false });
  const full = await createFullPerson(db, 'bench');

  const people: [string, string][] = [];
  for (const [who, account] of Object.entries({ ...demoAccounts, mentor: demoMentor })) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
    people.push([who, user!.id]);
  }
  people.push(['full person (test/privacy.ts)', full.user.id]);

  console.log(`${RUNS} exports each (after ${WARMUP} to warm up):`);
  for (const [who, id] of people) {
    for (let i = 0; i < WARMUP; i++) await exportPersonalData(db, id);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const exported = await exportPersonalData(db, id);
      bytes = Buffer.byteLength(JSON.stringify(exported, null, 2));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      `  ${who.padEnd(30)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times.at(-1)!)}  ${bytes.toLocaleString('en')} bytes`,
    );
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
