import type { Db } from '~db/client.server';

// LEAD: CONNECT AT MERGE. The placement part of an academy's completion rule (ADR 018). Placements
// (`placement_*`, issue #15 point 6) are built by another helper in parallel, whose module exports its
// own `hasHeldPlacement(db, applicationId)`. Until the branches meet, nobody holds a placement, so an
// academy whose rule requires one completes nobody. Connecting it is this one function: call theirs.

/** Whether the participant of this accepted application has held a placement. Always false for now (see above). */
export async function hasHeldPlacement(_db: Db, _applicationId: string): Promise<boolean> {
  return false;
}
