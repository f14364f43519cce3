import { DAY } from '../clock.server';
import type { Db } from '~db/client.server';
import { organisations } from '~db/schema/organisations';
import { translator } from '~/i18n';
import { dutchToday } from '~/modules/clock.server';
import { buildBlockReports } from './joint.server';
import { blockCode, blocksBetween, type Block } from './periods';

// Keeps the stored marks of the funder report (report_protected_marks, ADR 017) in step with the
// figures, so that a coordinator's page reads them instead of solving (seconds to a minute a block).
// A job (queue `report-marks`, every 10 minutes) protects again the blocks whose figures can still
// change: the current and the previous quarter and the years holding them. Protecting a block whose
// figures did not change costs only the counting (its marks are found in the store by their hash),
// so a run with nothing new is cheap. An older block that changes all the same (a late attendance
// mark, a person deleted) is solved by the first request that needs it, and stored.

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
  const t = translator('nl');
  const ids = options.organisationIds ?? (await db.select({ id: organisations.id }).from(organisations)).map((o) => o.id);
  const blocks = [...(options.blocks ?? liveBlocks(dutchToday()))].sort(
    (a, b) => Number(b.kind === 'quarter') - Number(a.kind === 'quarter'),
  );
  const checked: string[] = [];
  for (const organisationId of ids)
    for (const block of blocks) {
      await buildBlockReports(db, t, organisationId, block);
      checked.push(`${organisationId}/${blockCode(block)}`);
    }
  return checked;
}
