import { integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One group of the national funnel: people of a province with or without each focus group. */
export type NationalFigureRow = {
  provinceCode: string | null;
  women: boolean;
  practicallyEducated: boolean;
  /** People per stage: signed up, attended, mentored, on the route to a list, on a list, elected. */
  counts: number[];
};

/**
 * The open national figures (/cijfers) of one calendar year as last counted, over the organisations
 * that take part: raw counts (suppressed when published), renewed once a day and when an
 * organisation joins or leaves. `computedAt` is the date of the last update the page shows.
 */
export const nationalFigures = pgTable('national_figures', {
  year: integer('year').primaryKey(),
  rows: jsonb('rows').$type<NationalFigureRow[]>().notNull(),
  organisations: integer('organisations').notNull(),
  computedAt: timestamptz('computed_at').notNull(),
});
