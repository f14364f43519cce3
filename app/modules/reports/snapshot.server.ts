import { eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { reportSnapshots } from '~db/schema';
import { translator, type Translate } from '~/i18n';
import { now } from '../clock.server';
import { getLog } from '../log.server';
import { blockDays, sameBlock, type Block } from './periods';
import { blockKey, loadBlockFigures, type BlockFigures } from './block-data.server';
import { MarksNotStored } from './figure-system.server';
import type { ApplicationRow, Report, ReportData } from './figures.server';
import { blocksOfSystem, pickBlockReport, protectBlockFigures, type BlockRequest } from './joint.server';
import { SolveBudgetExceeded } from './protection.server';

// The funder report publishes the last protected snapshot of a block (ADR 020): the counted figures
// and the marks solved for exactly those figures, stored together (report_snapshots) by the job and
// read by the page, its CSV and its print. A request never solves a big system: figures that change
// with time alone (a course starting turns "not started" into "no-show") or with a write show the
// state of the last snapshot, with its date, until the job has taken the next one.
//
// With no snapshot yet (a new organisation, a block nobody asked for), a request solves within a
// budget (REQUEST_SOLVE_BUDGET_MS): a small organisation's block is solved and stored at once; a
// bigger one is queued for the job and the page says "wordt berekend".

/** How long a request may solve a block that has no snapshot yet, before leaving it to the job. */
const REQUEST_SOLVE_BUDGET_MS = 20_000;

type Loaded = Awaited<ReturnType<typeof loadBlockFigures>>;
type StoredMarks = Record<string, { figuresHash: string; marks: string }>;

// ---------------------------------------------------------------------------------------------
// What a snapshot holds: the figures as counted, with the applications merged into classes of
// identical rows (a count each) without ids or dates, and the waits for a match apart (only their
// median is published). No person's id, name, address or day: counts.

/** Fields of an application row that identify a person or a moment: not kept in a snapshot. */
const DROPPED = ['id', 'userId', 'createdAt', 'firstAccepted', 'daysToAccepted', 'day'] as const;

type ApplicationClass = { row: Record<string, unknown>; n: number };
type EncodedData = Omit<ReportData, 'applicationData'> & { applicationData: { classes: ApplicationClass[]; waits: number[] } };

function encodeApplications(rows: ApplicationRow[]) {
  const classes = new Map<string, ApplicationClass>();
  for (const r of rows) {
    const row: Record<string, unknown> = { ...r };
    for (const field of DROPPED) delete row[field];
    const key = JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)));
    const found = classes.get(key);
    if (found) found.n++;
    else classes.set(key, { row, n: 1 });
  }
  const waits = rows
    .map((r) => r.daysToAccepted)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  return { classes: [...classes.values()], waits };
}

/** The rows back (as many as counted; the waits given to accepted ones): the same figures. */
function decodeApplications(encoded: EncodedData['applicationData']): ApplicationRow[] {
  const rows = encoded.classes.flatMap((c) =>
    Array.from({ length: c.n }, () => ({
      ...c.row,
      id: '',
      userId: null,
      createdAt: new Date(0),
      firstAccepted: null,
      daysToAccepted: null,
      day: '',
    })),
  ) as unknown as ApplicationRow[];
  const waits = [...encoded.waits];
  for (const r of rows) if (r.accepted && waits.length) r.daysToAccepted = waits.shift()!;
  return rows;
}

const encodeData = (d: ReportData): EncodedData => ({ ...d, applicationData: encodeApplications(d.applicationData) });
const decodeData = (d: EncodedData): ReportData => ({ ...d, applicationData: decodeApplications(d.applicationData) });

type EncodedBlock = Omit<BlockFigures, 'organisation' | 'academies'> & { organisation: EncodedData; academies: [string, EncodedData][] };
type EncodedFigures = { academies: Loaded['academies']; blocks: EncodedBlock[] };

const encodeFigures = (academies: Loaded['academies'], blocks: BlockFigures[]): EncodedFigures => ({
  academies,
  blocks: blocks.map((b) => ({
    ...b,
    organisation: encodeData(b.organisation),
    academies: [...b.academies].map(([id, d]) => [id, encodeData(d)] as [string, EncodedData]),
  })),
});

function decodeFigures(encoded: EncodedFigures, marks: StoredMarks): Loaded {
  return {
    academies: encoded.academies,
    blocks: encoded.blocks.map((b) => ({
      ...b,
      organisation: decodeData(b.organisation),
      academies: new Map(b.academies.map(([id, d]) => [id, decodeData(d)])),
    })),
    stored: new Map(Object.entries(marks)),
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Counts and protects a block now and stores its snapshot. A year's snapshot is taken with its four
 * quarters' from the same count, so the year and its quarters always show one state of the data.
 * `deadline` (a request's budget) stops solving with SolveBudgetExceeded.
 */
export async function takeSnapshot(db: Db, organisationId: string, block: Block, options: { deadline?: number } = {}) {
  const t = translator('nl');
  const blocks = blocksOfSystem(block);
  const loaded = await loadBlockFigures(db, organisationId, blocks);
  const built = await protectBlockFigures(db, t, organisationId, block, loaded, options);
  const takenAt = now();
  const rows = loaded.blocks.map((figures) => {
    const key = blockKey(organisationId, figures.block);
    const own = sameBlock(figures.block, block);
    return {
      key,
      organisationId,
      // A quarter's own snapshot holds only itself; the year's holds its quarters too.
      figures: own ? encodeFigures(loaded.academies, loaded.blocks) : encodeFigures(loaded.academies, [figures]),
      marks: own ? built.marks : { [key]: built.marks[key]! },
      takenAt,
    };
  });
  await db.transaction(async (tx) => {
    for (const row of rows)
      await tx
        .insert(reportSnapshots)
        .values(row)
        .onConflictDoUpdate({ target: reportSnapshots.key, set: { figures: row.figures, marks: row.marks, takenAt } });
  });
  return { takenAt };
}

export type SnapshotReport = { state: 'ready'; report: Report; takenAt: Date } | { state: 'pending' };

/** The block's stored snapshot as a report, without solving; null when there is none that fits. */
async function fromSnapshot(db: Db, t: Translate, request: BlockRequest): Promise<SnapshotReport | null> {
  const [row] = await db
    .select()
    .from(reportSnapshots)
    .where(eq(reportSnapshots.key, blockKey(request.organisationId, request.block)));
  if (!row) return null;
  try {
    const loaded = decodeFigures(row.figures as EncodedFigures, row.marks);
    const built = await protectBlockFigures(db, t, request.organisationId, request.block, loaded, { readOnly: true });
    return { state: 'ready', report: pickBlockReport(built, request), takenAt: row.takenAt };
  } catch (error) {
    // Marks of another version of the figure system (a deploy changed it): taken again below.
    if (error instanceof MarksNotStored) return null;
    throw error;
  }
}

/** Asks the job for a block's snapshot: one marks job per quarter of it (migration 0023's queue). */
async function queueSnapshot(db: Db, organisationId: string, block: Block) {
  const months = blocksOfSystem(block)
    .filter((b) => b.kind === 'quarter')
    .map((b) => blockDays(b).from);
  await db.execute(
    sql`select report_marks_due(array_fill(${organisationId}::uuid, array[${months.length}::int]), ${`{${months.join(',')}}`}::date[])`,
  );
}

/**
 * The report of a block as last snapshotted (page, CSV and print read this): never solved at request
 * time, except a block without a snapshot that solves within the budget; else 'pending' (the job
 * was asked for it).
 */
export async function readBlockReport(
  db: Db,
  t: Translate,
  request: BlockRequest,
  options: { budgetMs?: number } = {},
): Promise<SnapshotReport> {
  const found = await fromSnapshot(db, t, request);
  if (found) return found;
  try {
    await takeSnapshot(db, request.organisationId, request.block, { deadline: Date.now() + (options.budgetMs ?? REQUEST_SOLVE_BUDGET_MS) });
  } catch (error) {
    if (!(error instanceof SolveBudgetExceeded)) throw error;
    getLog().info({ organisationId: request.organisationId }, 'report block over the request budget: left to the job');
    await queueSnapshot(db, request.organisationId, request.block);
    return { state: 'pending' };
  }
  return (await fromSnapshot(db, t, request)) ?? { state: 'pending' };
}
