import type { Db } from '~db/client.server';

// The three academy figures whose tables other parts of issue #15 are building (ADR 018, points 4–6):
// a participant who started the programme, completed it, and held a job-shadowing placement. Each is
// one query here that returns the academy applications (ids) of an organisation's academies that
// reached the step; the funder report (academy-figures.server.ts) counts them through the same
// suppression and LP audit as every figure. Until the tables exist each returns no rows, so the
// figures read 0.
//
// CONNECTED BY THE LEAD AFTER MERGE: replace each body with its query (one edit each). What the report
// assumes of them (and puts in its relations, so keep them true): only admitted applications count
// (offered or accepted), everyone who completed also started, and a placement counts once per
// participant who held at least one.
//
// - started: an accepted application with a module registration (`registrations.source = 'academy'`,
//   `academy_application_id`) whose course has begun and was attended at least once;
// - completed: a row in `academy_completions` for the application;
// - placements: a `placement_*` assignment of the participant that was held (accepted by the host and
//   its dates passed).

/** Academy applications of the organisation whose participant started the programme. */
export async function startedAcademyApplications(db: Db, organisationId: string): Promise<string[]> {
  void db;
  void organisationId;
  return [];
}

/** Academy applications of the organisation whose participant completed the programme. */
export async function completedAcademyApplications(db: Db, organisationId: string): Promise<string[]> {
  void db;
  void organisationId;
  return [];
}

/** Academy applications of the organisation whose participant held at least one placement. */
export async function placementAcademyApplications(db: Db, organisationId: string): Promise<string[]> {
  void db;
  void organisationId;
  return [];
}
