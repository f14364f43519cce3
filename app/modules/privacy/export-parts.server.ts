import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Db } from '~db/client.server';
import type { users } from '~db/schema/accounts';

/*
 * How one part of the personal-data export is described and read (ADR 009, issue #14): the entries
 * of `exportedTables` (personal-data.server.ts) say what to read, `readRows` below is the one reader.
 * A part names the table, how the person's rows are found (`whose`), the columns (with names from
 * joined tables), the values withheld, and the rows of other tables shown inside each of its rows
 * (`nested`). Dates come out as ISO strings, as in the download.
 */

/** Whose data: the account and its normalised address (rows made before or without logging in). */
type Person = { user: typeof users.$inferSelect; userId: string; email: string };

/** How a person's rows are found. */
type Whose = (person: Person) => SQL;
export const byUser =
  (column: PgColumn): Whose =>
  (p) =>
    eq(column, p.userId);
export const byEmail =
  (column: PgColumn): Whose =>
  (p) =>
    eq(column, p.email);
export const eitherOf =
  (...ways: Whose[]): Whose =>
  (p) =>
    or(...ways.map((way) => way(p)))!;

/** A column of a left-joined table: null where nothing joined (typed so). */
export const orNull = <C extends PgColumn>(column: C) => sql`${column}`.mapWith(column) as SQL<C['_']['data'] | null>;

type Row<F> = SelectResultFields<F>;
/** Dates as ISO strings; everything else as the query gave it. */
type Iso<T> = { [P in keyof T]: T[P] extends Date ? string : T[P] extends Date | null ? string | null : T[P] };
type Simplify<T> = { [P in keyof T]: T[P] } & {};

function isoDates<T>(row: T): Iso<T> {
  return Object.fromEntries(Object.entries(row as object).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])) as Iso<T>;
}

type Join = { table: PgTable; on: SQL; left?: boolean };

/** The query of a part: the table, its joins, the columns selected, the order. */
type Query<F extends SelectedFields> = { from: PgTable; columns: F; joins?: Join[]; orderBy?: (PgColumn | SQL)[] };

/**
 * Rows of another table shown inside each row of a part (a registration's attendance), found by the
 * column that points at the row; `none` is what a row without any shows.
 */
type Nested<O> = { none: O; read: (db: Db, ids: unknown[], person: Person) => Promise<Map<unknown, O>> };

type Presented<F extends SelectedFields, V, N extends Record<string, Nested<unknown>>> = Query<F> & {
  /** Values the person does not get as stored, replaced in place (the rest of the row is theirs). */
  withheld?: { [K in keyof Row<F>]?: (row: Row<F>) => Row<F>[K] };
  /** A row shaped otherwise than its columns: values worked out from it, or from who asks. */
  present?: (row: Row<F>, person: Person) => V;
  /** The column the nested rows point at (selected, not shown). */
  id?: PgColumn;
  nested?: N;
};

type Out<V, N> = Simplify<Iso<V> & { [K in keyof N]: N[K] extends Nested<infer O> ? O : never }>;

const ID = '__id';
const OF = '__of';

/** The rows of a query, as the driver gives them (dates as Date). */
export async function selectRows<F extends SelectedFields>(db: Db, query: Query<F>, where: SQL, limit?: number): Promise<Row<F>[]> {
  // The builder's types follow each call; the query is put together from a list here.
  type Loose = {
    innerJoin(t: PgTable, on: SQL): Loose;
    leftJoin(t: PgTable, on: SQL): Loose;
    where(w: SQL): Loose;
    orderBy(...o: (PgColumn | SQL)[]): Loose;
    limit(n: number): Loose;
  } & Promise<Row<F>[]>;
  let q = db.select(query.columns).from(query.from).$dynamic() as unknown as Loose;
  for (const join of query.joins ?? []) q = join.left ? q.leftJoin(join.table, join.on) : q.innerJoin(join.table, join.on);
  q = q.where(where);
  if (query.orderBy?.length) q = q.orderBy(...query.orderBy);
  if (limit !== undefined) q = q.limit(limit);
  return q;
}

/** Reads and presents rows: withheld values replaced, `present` applied, dates as ISO strings, nested rows added. */
async function readRows<F extends SelectedFields, V, N extends Record<string, Nested<unknown>>>(
  db: Db,
  spec: Presented<F, V, N>,
  person: Person,
  where: SQL,
  extra: Record<string, PgColumn> = {},
  limit?: number,
): Promise<(Out<V, N> & Record<string, unknown>)[]> {
  const hidden = { ...extra, ...(spec.id ? { [ID]: spec.id } : {}) };
  const rows = (await selectRows(db, { ...spec, columns: { ...spec.columns, ...hidden } }, where, limit)) as Record<string, unknown>[];
  const nested = Object.entries(spec.nested ?? {});
  const ids = rows.map((r) => r[ID]);
  const inside = new Map<string, Map<unknown, unknown>>();
  for (const [key, n] of nested) inside.set(key, ids.length ? await n.read(db, ids, person) : new Map());
  return rows.map((raw) => {
    const stored = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in hidden))) as Row<F>;
    const row = { ...stored };
    for (const [k, withhold] of Object.entries(spec.withheld ?? {}) as [keyof Row<F>, (r: Row<F>) => Row<F>[keyof Row<F>]][])
      row[k] = withhold(stored);
    const shown: Record<string, unknown> = isoDates(spec.present ? spec.present(row, person) : row);
    for (const [key, n] of nested) shown[key] = inside.get(key)!.get(raw[ID]) ?? n.none;
    // What the caller asked for besides (the row a nested row points at) stays for it to use.
    for (const k of Object.keys(extra)) shown[k] = raw[k];
    return shown as Out<V, N> & Record<string, unknown>;
  });
}

function nested<F extends SelectedFields, V, N extends Record<string, Nested<unknown>>, O>(
  by: PgColumn,
  spec: Omit<Presented<F, V, N>, 'from'>,
  collect: (rows: Out<V, N>[]) => O,
  none: O,
): Nested<O> {
  return {
    none,
    async read(db, ids, person) {
      const rows = await readRows(db, { ...spec, from: by.table }, person, inArray(by, ids), { [OF]: by });
      const groups = new Map<unknown, Out<V, N>[]>();
      for (const { [OF]: of, ...row } of rows) groups.set(of, [...(groups.get(of) ?? []), row as Out<V, N>]);
      return new Map([...groups].map(([of, list]) => [of, collect(list)]));
    },
  };
}

/** The rows of another table inside each row, as a list (empty when there are none). */
export const nestedList = <F extends SelectedFields, V = Row<F>, N extends Record<string, Nested<unknown>> = Record<never, never>>(
  by: PgColumn,
  spec: Omit<Presented<F, V, N>, 'from'>,
): Nested<Out<V, N>[]> => nested(by, spec, (rows) => rows, []);

/** The one row of another table inside each row, or null. */
export const nestedOne = <F extends SelectedFields, V = Row<F>, N extends Record<string, Nested<unknown>> = Record<never, never>>(
  by: PgColumn,
  spec: Omit<Presented<F, V, N>, 'from'>,
): Nested<Out<V, N> | null> => nested(by, spec, (rows) => rows[0] ?? null, null);

/** A part of the export, as `exportPersonalData` reads it: its key, what it covers, and how it is read. */
export type ExportedTable<K extends string, V> = {
  /** The key of this part in the export's JSON. */
  key: K;
  /** The table read; `within` names tables whose rows are exported inside this part. */
  table: PgTable;
  within?: PgTable[];
  /** How a row belongs to the person. */
  belongs: string;
  /** What account deletion does with the rows (`deletion.server.ts`). */
  deletion: string;
  /** The person's rows, with the columns they get, presented for the JSON. */
  read: (db: Db, person: Person) => Promise<V>;
};

/** A part read by a module of its own (it knows its tables best). */
export const exported = <K extends string, V>(entry: ExportedTable<K, V>) => entry;

type PartSpec<K extends string, F extends SelectedFields, V, N extends Record<string, Nested<unknown>>> = Omit<
  ExportedTable<K, unknown>,
  'read'
> &
  Omit<Presented<F, V, N>, 'from'> & {
    whose: Whose;
    limit?: number;
  };

/** A part read from its table: every row of the person, as a list. */
export function rowsPart<
  K extends string,
  F extends SelectedFields,
  V = Row<F>,
  N extends Record<string, Nested<unknown>> = Record<never, never>,
>(spec: PartSpec<K, F, V, N>): ExportedTable<K, Out<V, N>[]> {
  const { key, table, within, belongs, deletion } = spec;
  return {
    key,
    table,
    within,
    belongs,
    deletion,
    read: (db, p) => readRows(db, { ...spec, from: table }, p, spec.whose(p), {}, spec.limit),
  };
}

/** A part read from its table that holds one row per person (a profile, preferences), or null. */
export function onePart<
  K extends string,
  F extends SelectedFields,
  V = Row<F>,
  N extends Record<string, Nested<unknown>> = Record<never, never>,
>(spec: PartSpec<K, F, V, N>): ExportedTable<K, Out<V, N> | null> {
  const rows = rowsPart(spec);
  return { ...rows, read: async (db, p) => (await rows.read(db, p))[0] ?? null };
}
