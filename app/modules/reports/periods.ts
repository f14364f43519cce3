import type { Translate } from '~/i18n';

// Report periods come in fixed blocks only (issue 12, item 4; ADR 015): free date ranges let a reader
// subtract one period from another and work hidden figures back. The blocks:
// - a quarter: 2026-K1 (January–March) … 2026-K4 (October–December);
// - a calendar year: 2026;
// - a programme year: 2025-2026, from 1 July 2025 to 30 June 2026. The course season (September to
//   June) falls inside one programme year, and a programme year is exactly two quarters of one
//   calendar year and two of the next. So every block is a whole number of quarters, and a year (of
//   either kind) equals the sum of its four quarters: that is what the joint suppression uses.

export type Block =
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; year: number }
  /** Starts on 1 July of `year`. */
  | { kind: 'programme'; year: number };

const pad = (n: number) => String(n).padStart(2, '0');
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** The block's code in a link (`periode=`). */
export function blockCode(block: Block) {
  if (block.kind === 'quarter') return `${block.year}-K${block.quarter}`;
  if (block.kind === 'year') return String(block.year);
  return `${block.year}-${block.year + 1}`;
}

/** A block from its code; null for anything else (a 400 with a field error, never a free range). */
export function parseBlock(code: string): Block | null {
  const quarter = /^(\d{4})-K([1-4])$/i.exec(code);
  const year = /^(\d{4})$/.exec(code);
  const programme = /^(\d{4})-(\d{4})$/.exec(code);
  const y = Number((quarter ?? year ?? programme)?.[1]);
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) return null;
  if (quarter) return { kind: 'quarter', year: y, quarter: Number(quarter[2]) as 1 | 2 | 3 | 4 };
  if (year) return { kind: 'year', year: y };
  if (programme && Number(programme[2]) === y + 1) return { kind: 'programme', year: y };
  return null;
}

/** The four quarters of a year block (a quarter is its own only quarter). */
export function quartersOf(block: Block): Extract<Block, { kind: 'quarter' }>[] {
  if (block.kind === 'quarter') return [block];
  if (block.kind === 'year') return ([1, 2, 3, 4] as const).map((quarter) => ({ kind: 'quarter', year: block.year, quarter }));
  return [
    { kind: 'quarter', year: block.year, quarter: 3 },
    { kind: 'quarter', year: block.year, quarter: 4 },
    { kind: 'quarter', year: block.year + 1, quarter: 1 },
    { kind: 'quarter', year: block.year + 1, quarter: 2 },
  ];
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day (inclusive, YYYY-MM-DD, Dutch days) of a block. */
export function blockDays(block: Block) {
  const quarters = quartersOf(block);
  const first = quarters[0]!;
  const last = quarters[quarters.length - 1]!;
  const startMonth = (first.quarter - 1) * 3 + 1;
  const endMonth = last.quarter * 3;
  return {
    from: `${first.year}-${pad(startMonth)}-01`,
    to: `${last.year}-${pad(endMonth)}-${pad(lastDay(last.year, endMonth))}`,
  };
}

/** The quarter a day (YYYY-MM-DD) falls in. */
export function quarterOf(day: string): Extract<Block, { kind: 'quarter' }> {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return { kind: 'quarter', year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

function programmeOf(day: string): Block {
  const year = Number(day.slice(0, 4));
  return { kind: 'programme', year: Number(day.slice(5, 7)) >= 7 ? year : year - 1 };
}

/**
 * For an old link with free dates: the smallest block that holds the whole range (a quarter, else
 * the calendar year, else the programme year), or null when no block does.
 */
export function smallestBlockHolding(from: string, to: string): Block | null {
  const holds = (b: Block) => blockDays(b).from <= from && to <= blockDays(b).to;
  const candidates: Block[] = [quarterOf(from), { kind: 'year', year: Number(from.slice(0, 4)) }, programmeOf(from)];
  return candidates.find(holds) ?? null;
}

/** Every block that overlaps the days from `first` to `last`, newest first, quarters before years. */
export function blocksBetween(first: string, last: string): Block[] {
  const start = quarterOf(first);
  const end = quarterOf(last);
  const result: Block[] = [];
  for (let year = end.year; year >= start.year; year--) {
    result.push({ kind: 'year', year });
    if (year >= start.year - 1 && (year < end.year || end.quarter >= 3)) result.push({ kind: 'programme', year });
    if (year === start.year && start.quarter <= 2) result.push({ kind: 'programme', year: year - 1 });
    for (let q = 4; q >= 1; q--) {
      const quarter = { kind: 'quarter', year, quarter: q } as Block;
      if ((year > start.year || q >= start.quarter) && (year < end.year || q <= end.quarter)) result.push(quarter);
    }
  }
  return result;
}

export function blockLabel(t: Translate, block: Block) {
  if (block.kind === 'quarter') return t('reports.period.quarter', { quarter: block.quarter, year: block.year });
  if (block.kind === 'year') return t('reports.period.year', { year: block.year });
  return t('reports.period.programme', { from: block.year, to: block.year + 1 });
}

export const sameBlock = (a: Block, b: Block) => blockCode(a) === blockCode(b);
