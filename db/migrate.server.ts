import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle, Db } from './client.server';
import { elections, municipalities, municipalityNeighbours } from './schema';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const dataFolder = fileURLToPath(new URL('./data', import.meta.url));

/** Applies the committed drizzle-kit migrations, then loads the reference data. Safe to run again. */
export async function migrateDatabase(handle: DatabaseHandle) {
  if (handle.kind === 'postgres') {
    // Two processes starting at once must not both migrate: serialise on an advisory lock.
    const reserved = await handle.sql.reserve();
    try {
      await reserved`select pg_advisory_lock(727274)`;
      await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
      await loadMunicipalities(handle.db);
      await loadElections(handle.db);
    } finally {
      await reserved`select pg_advisory_unlock(727274)`;
      reserved.release();
    }
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    await loadMunicipalities(handle.db);
    await loadElections(handle.db);
  }
}

/** Parses RFC 4180 CSV (quoted fields may hold commas and doubled quotes); drops the header row. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.some((f) => f !== '')) records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  record.push(field);
  if (record.some((f) => f !== '')) records.push(record);
  return records.slice(1);
}

const readCsv = (name: string) => parseCsv(readFileSync(`${dataFolder}/${name}`, 'utf8'));

export function readMunicipalityData() {
  const rows = readCsv('gemeenten.csv').map(([code, name, nameCbs, province, provinceCode, inhabitants]) => ({
    code: code!,
    name: name!,
    nameCbs: nameCbs!,
    province: province!,
    provinceCode: provinceCode!,
    inhabitants: Number(inhabitants),
  }));
  const neighbours = readCsv('gemeenten-buren.csv').map(([codeA, codeB]) => ({ codeA: codeA!, codeB: codeB! }));
  return { rows, neighbours };
}

/** Upserts the municipalities and their neighbours, so a yearly refresh of the CSV is a data change only. */
async function loadMunicipalities(db: Db) {
  const { rows, neighbours } = readMunicipalityData();
  await db.transaction(async (tx) => {
    await tx
      .insert(municipalities)
      .values(rows)
      .onConflictDoUpdate({
        target: municipalities.code,
        set: {
          name: sql`excluded.name`,
          nameCbs: sql`excluded.name_cbs`,
          province: sql`excluded.province`,
          provinceCode: sql`excluded.province_code`,
          inhabitants: sql`excluded.inhabitants`,
        },
      });
    await tx.insert(municipalityNeighbours).values(neighbours).onConflictDoNothing();
  });
}

type ElectionKind = (typeof elections.$inferInsert)['kind'];

/** The elections in the calendar, from db/data/verkiezingen.csv (data, not code). */
export function readElectionData() {
  return readCsv('verkiezingen.csv').map(([id, kind, nameNl, nameEn, listDeadline, electionDate]) => ({
    id: id!,
    kind: kind as ElectionKind,
    nameNl: nameNl!,
    nameEn: nameEn!,
    listDeadline: listDeadline!,
    electionDate: electionDate!,
  }));
}

/** Upserts the election calendar. */
async function loadElections(db: Db) {
  await db
    .insert(elections)
    .values(readElectionData())
    .onConflictDoUpdate({
      target: elections.id,
      set: {
        kind: sql`excluded.kind`,
        nameNl: sql`excluded.name_nl`,
        nameEn: sql`excluded.name_en`,
        listDeadline: sql`excluded.list_deadline`,
        electionDate: sql`excluded.election_date`,
      },
    });
}
