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
 * Per stage (signed up, attended, mentored, on a list, elected), how many organisations have at least
 * one person in the cell: the whole country, each province ('' = unknown) and each focus group.
 */
export type NationalContributors = {
  total: number[];
  provinces: Record<string, number[]>;
  women: number[];
  practicallyEducated: number[];
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
  /**
   * How many organisations taking part contribute to each published cell (ADR 017, /cijfers rule): a
   * cell with people from fewer than three is not published. Null: counted before this column.
   */
  contributors: jsonb('contributors').$type<NationalContributors>(),
  computedAt: timestamptz('computed_at').notNull(),
});
