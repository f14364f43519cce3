import { eq } from 'drizzle-orm';
import { DAY } from '../clock.server';
import type { Db } from '~db/client.server';
import { organisations } from '~db/schema/organisations';
import { dutchToday } from '~/modules/clock.server';
import { takeSnapshot } from './snapshot.server';
import { blockCode, blocksBetween, parseBlock, sameBlock, type Block } from './periods';

// Keeps the snapshots of the funder report (report_snapshots, ADR 020: figures and their marks, ADR
// 017) in step with the data, so that a coordinator's page reads them instead of solving (seconds to
// minutes a block). The 10-minute run also renews the blocks that change with time alone (today's
// courses start), so a page's figures are at most about 10 minutes (plus the solving) older than the data.
// A job (queue `report-marks`, every 10 minutes) protects again the blocks whose figures can still
// change: the current and the previous quarter and the years holding them. Protecting a block whose
// figures did not change costs only the counting (its marks are found in the store by their hash),
// so a run with nothing new is cheap. An older block that changes all the same (a late attendance
// mark, a person deleted) is queued by the database (migration 0023) and taken by refreshChangedMarks.

/** The blocks of an organisation that the job keeps: those overlapping the last `days` days. */
function liveBlocks(today: string, days = 92): Block[] {
  const start = new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
  return blocksBetween(start, today);
}

/**
 * Protects the live blocks (or those given) of every organisation (or of those given), quarters before the years
 * that fix their marks. Returns how many blocks were checked. One block at a time: the worker
 * shares the machine with the web processes.
 */
export async function refreshProtectedMarks(db: Db, options: { organisationIds?: string[]; blocks?: Block[] } = {}) {
  const ids = options.organisationIds ?? (await db.select({ id: organisations.id }).from(organisations)).map((o) => o.id);
  const blocks = [...(options.blocks ?? liveBlocks(dutchToday()))].sort(
    (a, b) => Number(b.kind === 'quarter') - Number(a.kind === 'quarter'),
  );
  const checked: string[] = [];
  for (const organisationId of ids)
    for (const block of blocks) {
      // Figures and marks stored together (ADR 020): the page shows this snapshot until the next one.
      await takeSnapshot(db, organisationId, block);
      checked.push(`${organisationId}/${blockCode(block)}`);
    }
  return checked;
}

/** What the database queues when figures change (migration 0023): an organisation and a quarter. */
export type MarksChangedJob = { organisationId: string; quarter: string };

/** The quarter and the calendar and programme years holding it: the blocks its change touches. */
export function blocksHolding(quarter: Extract<Block, { kind: 'quarter' }>): Block[] {
  return [
    quarter,
    { kind: 'year', year: quarter.year },
    { kind: 'programme', year: quarter.quarter >= 3 ? quarter.year : quarter.year - 1 },
  ];
}

/**
 * Solves again the blocks whose figures changed (jobs queued by the database in the writing
 * transaction, deduplicated per organisation and quarter), so that the next page reads its marks.
 */
export async function refreshChangedMarks(db: Db, jobs: MarksChangedJob[]) {
  const byOrganisation = new Map<string, Block[]>();
  for (const job of jobs) {
    const quarter = parseBlock(job.quarter);
    if (!quarter || quarter.kind !== 'quarter') continue;
    const blocks = byOrganisation.get(job.organisationId) ?? [];
    for (const block of blocksHolding(quarter)) if (!blocks.some((b) => sameBlock(b, block))) blocks.push(block);
    byOrganisation.set(job.organisationId, blocks);
  }
  const checked: string[] = [];
  for (const [organisationId, blocks] of byOrganisation) {
    // An organisation deleted since: nothing to keep.
    const [exists] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId));
    if (exists) checked.push(...(await refreshProtectedMarks(db, { organisationIds: [organisationId], blocks })));
  }
  return checked;
}
