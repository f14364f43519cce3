import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, pgliteExtensions, setDatabaseHandle, type DatabaseHandle } from '../db/client.server';
import { setBoss, startBoss } from '../app/modules/jobs/boss.server';
import type PgBoss from 'pg-boss';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Opens a fresh copy of the migrated template (PostgreSQL or PGlite, as the run was set up). */
export async function openTestDatabase(): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  if (inject('databaseKind') === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const name = `pa_test_${process.ppid}_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    // Two files may copy the template at the same moment; PostgreSQL refuses that, so try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`);
        break;
      } catch (error) {
        if (attempt > 20 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const handle = await openDatabase({ url: withDatabase(url, name), maxConnections: 5 });
    return {
      ...handle,
      async drop() {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplateFile'))]);
  const pglite = await PGlite.create({ loadDataDir: blob, extensions: pgliteExtensions });
  const handle = await openDatabase({ pglite });
  return { ...handle, drop: () => handle.close() };
}

export type TestDatabase = { handle: DatabaseHandle; boss: PgBoss };

/**
 * Gives the test file its own database (and pg-boss on it, without workers), installed as the
 * application's database so that routes and modules use it.
 */
export function setupTestDatabase(): TestDatabase {
  const ctx = {} as TestDatabase;
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    opened = await openTestDatabase();
    ctx.handle = opened;
    setDatabaseHandle(opened);
    ctx.boss = await startBoss(opened, { retryLimit: 3, retryDelaySeconds: 1 }, { supervise: false, schedule: false });
  });
  afterAll(async () => {
    await ctx.boss?.stop({ graceful: false, wait: true });
    setBoss(undefined);
    setDatabaseHandle(undefined);
    await opened?.drop();
  });
  return ctx;
}
