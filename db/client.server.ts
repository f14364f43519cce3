import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseHandle =
  | { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; sql: postgres.Sql; url: string; close(): Promise<void> };

/**
 * The extensions PGlite loads (PostgreSQL has them in contrib): pg_trgm for the trigram indexes of the
 * migrations. Every PGlite the app or the tests open must be created with these.
 */
export const pgliteExtensions = { pg_trgm };

export type OpenOptions = { url?: string; dataDir?: string; pglite?: PGlite; maxConnections?: number };

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite (in a folder, or an instance passed in). */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const sql = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // pg-boss and drizzle may pass undefined for absent values; Postgres wants NULL.
      transform: { undefined: null },
    });
    const db = drizzlePostgres(sql, { schema }) as unknown as Db;
    return { kind: 'postgres', db, sql, url: options.url, close: () => sql.end({ timeout: 5 }) };
  }
  let pglite = options.pglite;
  if (!pglite) {
    const dataDir = path.resolve(options.dataDir ?? '.data/pglite');
    mkdirSync(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir, { extensions: pgliteExtensions });
  }
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  const instance = pglite;
  return { kind: 'pglite', db, pglite: instance, close: () => instance.close() };
}

// One handle per process, kept on globalThis so that the server (run from source) and the Remix
// server build (a bundled copy of this module) share it: PGlite must never be opened twice.
const HANDLE = Symbol.for('politiek-actief.database');
type GlobalWithDb = typeof globalThis & { [HANDLE]?: DatabaseHandle };

export function setDatabaseHandle(handle: DatabaseHandle | undefined) {
  (globalThis as GlobalWithDb)[HANDLE] = handle;
}

function getDatabaseHandle(): DatabaseHandle {
  const handle = (globalThis as GlobalWithDb)[HANDLE];
  if (!handle) throw new Error('The database is not open yet: call initDatabase() at start-up.');
  return handle;
}

export function getDb(): Db {
  return getDatabaseHandle().db;
}

/** Rows of a raw `db.execute(sql)` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
