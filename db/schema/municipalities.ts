import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** The Dutch municipalities (CBS division of 1 January 2025), loaded from db/data/gemeenten.csv. */
export const municipalities = pgTable(
  'municipalities',
  {
    code: text('code').primaryKey(), // CBS code, e.g. GM0363
    name: text('name').notNull(),
    nameCbs: text('name_cbs').notNull(),
    province: text('province').notNull(),
    provinceCode: text('province_code').notNull(),
    inhabitants: integer('inhabitants').notNull(),
  },
  (t) => [index('municipalities_province_idx').on(t.provinceCode)],
);

/** Pairs of municipalities that share a border, stored once with codeA < codeB. */
export const municipalityNeighbours = pgTable(
  'municipality_neighbours',
  {
    codeA: text('code_a')
      .notNull()
      .references(() => municipalities.code, { onDelete: 'cascade' }),
    codeB: text('code_b')
      .notNull()
      .references(() => municipalities.code, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.codeA, t.codeB] }), index('municipality_neighbours_b_idx').on(t.codeB)],
);
