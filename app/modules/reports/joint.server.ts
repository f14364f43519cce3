import type { Db } from '~db/client.server';
import type { Translate } from '~/i18n';
import { FigureSystem } from './figure-system.server';
import { blockKey, blockScope, loadBlockFigures, type BlockFigures } from './block-data.server';
import {
  assembleReport,
  type AssembledReport,
  type CohortKind,
  type PendingTable,
  type Report,
  type ReportData,
  type ReportScope,
} from './figures.server';
import { blockCode, quartersOf, type Block } from './periods';

// Suppression over everything a reader can put side by side (issue 12, item 4; ADR 015).
//
// A reader can get, for one organisation, every block (quarters, calendar years, programme years),
// for the organisation and for each of its academies, with the funnel by month or by academy, on the
// page and in the CSV. Their figures hang together: a year is the sum of its four quarters, and the
// organisation is the sum of its academies plus what belongs to no academy (never published, but a
// reader knows it is a count >= 0). So one report is never protected alone:
//
// 1. A quarter is protected together with itself for every academy and both funnels (the "family"
//    of the quarter): one FigureSystem, with the organisation = academies + the unpublished rest.
// 2. A year (calendar or programme) is protected together with its four quarters, whose marks are
//    taken from step 1 and fixed: only the year's own figures can be hidden more. The marks of a
//    quarter therefore never depend on which year is asked for, and every publication of a figure
//    carries one mark.
//
// Deterministic: the same data give the same marks whatever is asked first.

type ScopeData = { scope: ReportScope; data: ReportData; academyCohorts: ReportData['courseFigures']['cohorts'] };

/** One block's reports for the organisation (first) and each academy, from its figures. */
function blockData(organisationId: string, academyIds: string[], figures: BlockFigures) {
  const orgScope = blockScope(organisationId, null, figures.block);
  const scopes: ScopeData[] = [
    { scope: orgScope, data: figures.organisation, academyCohorts: figures.byAcademy },
    ...academyIds.map((academyId) => ({
      scope: { ...orgScope, academyId },
      data: figures.academies.get(academyId)!,
      // The academy's own funnel by academy has one row: the same people as its row in the organisation's.
      academyCohorts: figures.byAcademy.filter((c) => c.key === academyId),
    })),
  ];
  return { block: figures.block, scopes };
}
type BlockData = ReturnType<typeof blockData>;

type Family = { block: Block; reports: AssembledReport[]; start: number; end: number };

const TABLES = [
  'coursesByProvince',
  'coursesBySource',
  'mentoringByProvince',
  'mentoringBySource',
  'mentoringByFocus',
  'academyByProvince',
  'academyByFocus',
] as const satisfies readonly (keyof AssembledReport)[];

/**
 * Every (row key → figure numbers) of a report's non-funnel tables, the summaries under key "". In
 * the order of the keys, not of the rows as shown: the figures made from this map (the unpublished
 * rest of an organisation with academies) enter the system in its order, and the shown order follows
 * the labels, which differ by language; so would the system, its hash and its stored marks.
 */
function cellsOf(report: AssembledReport) {
  const result = new Map<string, number[]>();
  result.set('courses-summary|', report.courseSummary);
  result.set('mentoring-summary|', report.mentoringSummary);
  result.set('academy-summary|', report.academySummary);
  for (const name of TABLES) {
    const table = report[name] as PendingTable;
    const rows = [...table.rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const row of rows) result.set(`${table.id}|${row.key}`, row.figures);
  }
  return result;
}

/**
 * One block for the organisation and every academy in a system: the organisation = its academies +
 * the unpublished rest (courses and networks without an academy), cell by cell; in the funnel, an
 * academy's people of a month are some of the organisation's, and its row in the funnel by academy
 * is the organisation's row for it.
 */
function assembleFamily(t: Translate, system: FigureSystem, data: BlockData): Family {
  const start = system.figures.length;
  const reports = data.scopes.map((s) =>
    assembleReport(t, system, s.scope, s.data, { month: s.data.courseFigures.cohorts, academy: s.academyCohorts }),
  );
  const [org, ...academies] = reports;
  if (academies.length > 0) {
    const orgCells = cellsOf(org!);
    const academyCells = academies.map(cellsOf);
    for (const [key, figures] of orgCells) {
      if (key.startsWith('academy')) {
        // Every application to an academy's call belongs to that academy: here the organisation is
        // exactly the sum of its academies, with no rest a reader would not know (ADR 021).
        figures.forEach((total, c) =>
          system.sum(
            academyCells.map((cells) => cells.get(key)?.[c]).filter((i): i is number => i !== undefined),
            total,
          ),
        );
        continue;
      }
      const rest = figures.map((total, c) => {
        const parts = academyCells.map((cells) => cells.get(key)?.[c]).filter((i): i is number => i !== undefined);
        const value = system.figures[total]!.value - parts.reduce((sum, i) => sum + system.figures[i]!.value, 0);
        const known = Boolean(system.figures[total]!.known);
        const restFigure = system.addFigure(known ? { value, cost: 0, known } : { value, cost: 0, unpublished: true });
        system.sum([...parts, restFigure], total);
        return restFigure;
      });
      // What a reader knows inside a row holds for the rest too.
      if (key.startsWith('courses')) {
        system.sum([rest[2]!, rest[4]!, rest[5]!], rest[1]!);
        system.atMost(rest[3]!, rest[2]!);
        system.atMost(rest[1]!, rest[0]!);
      } else for (const i of rest.slice(1)) system.atMost(i, rest[0]!);
    }
    const orgMonths = new Map(org!.funnels.month!.rows.map((r) => [r.key, r.figures]));
    const orgAcademies = new Map(org!.funnels.academy!.rows.map((r) => [r.key, r.figures]));
    for (const academy of academies) {
      for (const row of academy.funnels.month!.rows) {
        const orgRow = orgMonths.get(row.key);
        if (orgRow) row.figures.forEach((f, c) => system.atMost(f, orgRow[c]!));
      }
      for (const row of academy.funnels.academy!.rows) {
        const orgRow = orgAcademies.get(row.key);
        if (orgRow) row.figures.forEach((f, c) => system.sum([f], orgRow[c]!));
      }
    }
  }
  return { block: data.block, reports, start, end: system.figures.length };
}

/**
 * A year's figures are the sums of its quarters' (cell by cell, for the organisation and each
 * academy); a month of the funnel is the same figure in the year and in its quarter; in the funnel
 * by academy a person counts once a block, so a quarter's row is at most the year's, and the year's
 * at most the sum of its quarters'.
 */
function tieYearToQuarters(system: FigureSystem, year: Family, quarters: Family[]) {
  year.reports.forEach((yearReport, s) => {
    const quarterReports = quarters.map((q) => q.reports[s]!);
    const quarterCells = quarterReports.map(cellsOf);
    // A year's figure whose quarters are all shown is given away by them: it is shown too (hiding it
    // would protect nothing, and the audit would rightly call it recoverable).
    const shown = (i: number) => system.figures[i]!.fixed === null || system.figures[i]!.known;
    for (const [key, figures] of cellsOf(yearReport))
      figures.forEach((total, c) => {
        const parts = quarterCells.map((cells) => cells.get(key)?.[c]).filter((i): i is number => i !== undefined);
        if (parts.every(shown) && !system.figures[total]!.known) system.figures[total]!.fixed = null;
        system.sum(parts, total);
      });
    // A month of the funnel is one figure in the year and in its quarter: it carries the quarter's mark.
    const months = new Map(quarterReports.flatMap((q) => q.funnels.month!.rows.map((r) => [r.key, r.figures] as const)));
    for (const row of yearReport.funnels.month!.rows) {
      const same = months.get(row.key);
      if (!same) continue;
      row.figures.forEach((f, c) => {
        system.figures[f]!.fixed = system.figures[same[c]!]!.fixed ?? null;
        system.sum([same[c]!], f);
      });
    }
    // A funnel's total row whose rows are all shown is their sum: shown too.
    const totalsOf = (table: PendingTable) =>
      table.total?.forEach((f, c) => {
        if (table.rows.every((r) => system.figures[r.figures[c]!]!.fixed === null)) system.figures[f]!.fixed = null;
      });
    totalsOf(yearReport.funnels.month!);
    for (const row of yearReport.funnels.academy!.rows) {
      const parts = quarterReports
        .map((q) => q.funnels.academy!.rows.find((r) => r.key === row.key)?.figures)
        .filter((f) => f !== undefined);
      row.figures.forEach((f, c) => {
        // Shown quarters of which at most one is not 0 give the year's figure away (at least the
        // largest, at most the sum): it is shown.
        const quarterFigures = parts.map((p) => p[c]!);
        if (quarterFigures.every(shown) && quarterFigures.filter((i) => system.figures[i]!.value > 0).length <= 1)
          system.figures[f]!.fixed = null;
        for (const p of parts) system.atMost(p[c]!, f);
        system.covers(
          parts.map((p) => p[c]!),
          f,
        );
      });
    }
    totalsOf(yearReport.funnels.academy!);
  });
}

type Loaded = Awaited<ReturnType<typeof loadBlockFigures>>;
type Stored = Loaded['stored'];

/** How a block's systems get their marks: solving allowed (the job), or from a snapshot only (ADR 020). */
export type ProtectOptions = { readOnly?: boolean; deadline?: number };

/** Where the marks of an organisation's block are stored (ADR 017), with the row read with the figures. */
const storeOf = (db: Db, organisationId: string, block: Block, stored: Stored, options: ProtectOptions) => {
  const key = blockKey(organisationId, block);
  return { db, organisationId, key, stored: stored.get(key) ?? null, ...options };
};

/** The marks of a quarter's family, protected on its own (step 1). */
async function protectQuarter(db: Db, t: Translate, organisationId: string, data: BlockData, stored: Stored, options: ProtectOptions) {
  const system = new FigureSystem();
  const family = assembleFamily(t, system, data);
  await system.protect(storeOf(db, organisationId, data.block, stored, options));
  return { system, family };
}

export type BlockRequest = { organisationId: string; academyId: string | null; block: Block; cohort: CohortKind };

/** The blocks whose figures a block's protection needs: a quarter alone, or a year's four quarters and the year. */
export const blocksOfSystem = (block: Block) => (block.kind === 'quarter' ? [block] : [...quartersOf(block), block]);

/**
 * The report of one block, organisation or academy, protected jointly with everything a reader can
 * put beside it (see above): the reports of the organisation (first) and of each academy.
 */
export async function buildBlockReports(db: Db, t: Translate, organisationId: string, block: Block, options: ProtectOptions = {}) {
  // Every block of the system in one read: the quarters, then the year (if one was asked for).
  const loaded = await loadBlockFigures(db, organisationId, blocksOfSystem(block));
  return protectBlockFigures(db, t, organisationId, block, loaded, options);
}

/**
 * Protects a block from figures already counted (read now, or a snapshot's): the reports, and the
 * marks of every system it took (by store key), which a snapshot keeps with the figures.
 */
export async function protectBlockFigures(
  db: Db,
  t: Translate,
  organisationId: string,
  block: Block,
  loaded: Loaded,
  options: ProtectOptions = {},
) {
  const quarters = quartersOf(block);
  const academyIds = loaded.academies.map((a) => a.id);
  const [quarterData, [yearData]] = [loaded.blocks.slice(0, quarters.length), loaded.blocks.slice(quarters.length)].map((list) =>
    list.map((figures) => blockData(organisationId, academyIds, figures)),
  ) as [BlockData[], BlockData[]];
  const protectedQuarters: { system: FigureSystem; family: Family }[] = [];
  const marks: Record<string, { figuresHash: string; marks: string }> = {};
  for (const data of quarterData) {
    const done = await protectQuarter(db, t, organisationId, data, loaded.stored, options);
    marks[blockKey(organisationId, data.block)] = done.system.storedMarks();
    protectedQuarters.push(done);
  }
  if (block.kind === 'quarter') {
    const { family } = protectedQuarters[0]!;
    return { academyIds, reports: family.reports, marks };
  }
  // Step 2: the year with its four quarters, whose marks stay as step 1 set them.
  const system = new FigureSystem();
  const quarterFamilies = quarterData.map((data, q) => {
    const family = assembleFamily(t, system, data);
    const before = protectedQuarters[q]!;
    for (let i = family.start; i < family.end; i++) {
      const figure = system.figures[i]!;
      if (!figure.unpublished && !figure.known) figure.fixed = before.system.mark(before.family.start + i - family.start);
    }
    return family;
  });
  const yearFamily = assembleFamily(t, system, yearData!);
  tieYearToQuarters(system, yearFamily, quarterFamilies);
  await system.protect(storeOf(db, organisationId, block, loaded.stored, options));
  marks[blockKey(organisationId, block)] = system.storedMarks();
  return { academyIds, reports: yearFamily.reports, marks };
}

/** One report (organisation or an academy, one funnel) out of a block's protected reports. */
export function pickBlockReport(built: { academyIds: string[]; reports: AssembledReport[] }, request: BlockRequest): Report {
  const { academyIds, reports } = built;
  const index = request.academyId ? academyIds.indexOf(request.academyId) + 1 : 0;
  if (index === 0 && request.academyId) throw new Error(`buildBlockReport: no academy ${request.academyId}`);
  if (!reports[index]) throw new Error(`buildBlockReport: no academy ${request.academyId} in ${blockCode(request.block)}`);
  return reports[index]!.finish(request.cohort);
}

/** The report a coordinator asked for: one block, the organisation or one academy, one funnel. */
export async function buildBlockReport(db: Db, t: Translate, request: BlockRequest): Promise<Report> {
  return pickBlockReport(await buildBlockReports(db, t, request.organisationId, request.block), request);
}
