import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteExtensions } from '../db/client.server';
import { migrateDatabase } from '../db/migrate.server';
import { startBoss } from '../app/modules/jobs/boss.server';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseKind: 'postgres' | 'pglite';
    templateDatabase: string;
    pgliteTemplateFile: string;
  }
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Builds one migrated database (with pg-boss installed) that every test file copies: a PostgreSQL
 * template database when DATABASE_URL is set, otherwise a PGlite data-directory dump.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const settings = { retryLimit: 3, retryDelaySeconds: 1 };
  if (url) {
    const template = `pa_tmpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${template}`);
    const handle = await openDatabase({ url: withDatabase(url, template), maxConnections: 2 });
    await migrateDatabase(handle);
    const boss = await startBoss(handle, settings, { supervise: false, schedule: false });
    await boss.stop({ graceful: false, wait: true });
    await handle.close();
    project.provide('databaseKind', 'postgres');
    project.provide('templateDatabase', template);
    project.provide('pgliteTemplateFile', '');
    return async () => {
      // Drop the template and any test database a crashed run left behind.
      const leftovers = await admin<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`pa_test_${process.pid}_%`}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const handle = await openDatabase({ pglite });
  await migrateDatabase(handle);
  const boss = await startBoss(handle, settings, { supervise: false, schedule: false });
  await boss.stop({ graceful: false, wait: true });
  const dump = await pglite.dumpDataDir('none');
  const dir = mkdtempSync(path.join(tmpdir(), 'pa-pglite-'));
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('databaseKind', 'pglite');
  project.provide('templateDatabase', '');
  project.provide('pgliteTemplateFile', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
