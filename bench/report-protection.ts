// npx tsx bench/report-protection.ts — how long the joint suppression of the funder report takes
// (issue 12, item 9; ADR 015) on the demo data: for both demo organisations, the current quarter,
// the calendar year and the programme year, solved cold (nothing kept), then read back from the
// store of protected marks (report_protected_marks) as a fresh web process would.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/report-protection.ts
//   … --reuse=<database>   a database with the demo data (nothing created or dropped)
//   … --rounds=3           cold solves per block (the median is printed)
//
// Without DATABASE_URL it runs on an in-memory PGlite (slower queries, the same solving).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import postgres from 'postgres';
import { inArray } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../db/client.server';
import { migrateDatabase } from '../db/migrate.server';
import { organisations } from '../db/schema';
import { seedDemoData } from '../db/seed.server';
import { translator } from '../app/i18n';
import { now } from '../app/modules/clock.server';
import { buildBlockReports } from '../app/modules/reports/joint.server';
import { blockCode, quarterOf, type Block } from '../app/modules/reports/periods';
import * as protection from '../app/modules/reports/protection.server';
import * as figureSystem from '../app/modules/reports/figure-system.server';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ROUNDS = Number(arg('rounds', '1'));
const REUSE = arg('reuse', '');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function open(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ pglite: new (await import('@electric-sql/pglite')).PGlite() });
    await migrateDatabase(handle);
    await seedDemoData(handle.db, { onlyIfEmpty: false });
    return { handle, drop: () => handle.close() };
  }
  const name = REUSE || `report_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  if (!REUSE) await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ url: u.toString(), maxConnections: 5 });
  await migrateDatabase(handle);
  if (!REUSE) await seedDemoData(handle.db, { onlyIfEmpty: false });
  return {
    handle,
    async drop() {
      await handle.close();
      if (!REUSE) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const { handle, drop } = await open();
  try {
    const db = handle.db;
    const t = translator('nl');
    const orgs = await db
      .select()
      .from(organisations)
      .where(inArray(organisations.slug, ['klpp', 'nvr']));
    const today = now().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const blocks: Block[] = [
      quarterOf(today),
      { kind: 'year', year },
      { kind: 'programme', year: Number(today.slice(5, 7)) >= 7 ? year : year - 1 },
    ];
    // Warm up: HiGHS's WASM, the query plans.
    await buildBlockReports(db, t, orgs[0]!.id, blocks[0]!);
    console.log(`load ${load()} (1/5/15 min, ${os.cpus().length} CPUs) at the start`);
    console.log(
      `${'organisation block'.padEnd(24)}${'cold ms'.padStart(9)}${'LP solves'.padStart(11)}${'stored ms'.padStart(11)}${'solves'.padStart(8)}  load`,
    );
    for (const org of orgs.sort((a, b) => a.slug.localeCompare(b.slug)))
      for (const block of blocks) {
        try {
          const times: number[] = [];
          let solves = 0;
          for (let r = 0; r < ROUNDS; r++) {
            figureSystem.forgetProtectedMarks();
            await figureSystem.clearStoredMarks(db);
            const before = protection.solveCount();
            const started = performance.now();
            await buildBlockReports(db, t, org.id, block);
            times.push(performance.now() - started);
            solves = protection.solveCount() - before;
          }
          // As a new web process: nothing kept in memory, the marks read from the store.
          figureSystem.forgetProtectedMarks();
          const before = protection.solveCount();
          const started = performance.now();
          await buildBlockReports(db, t, org.id, block);
          const stored = performance.now() - started;
          const again = protection.solveCount() - before;
          console.log(
            `${`${org.slug} ${blockCode(block)}`.padEnd(24)}${median(times).toFixed(0).padStart(9)}${String(solves).padStart(11)}${stored.toFixed(0).padStart(11)}${String(again).padStart(8)}  ${load()}`,
          );
        } catch (error) {
          console.log(`${`${org.slug} ${blockCode(block)}`.padEnd(24)} failed: ${String(error)}`);
        }
      }
  } finally {
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
