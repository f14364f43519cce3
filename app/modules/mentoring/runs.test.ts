import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '~db/client.server';
import { matches, matchingRuns, pairRules } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createApplication, createMentor, createNetwork } from '../../../test/mentoring';
import { DAY, now } from '../clock.server';
import { pairKey } from '../matching/scoring';
import { loadNetworkInstance, networkWeights, processMatchingRun, solveNetwork, startRun } from './runs.server';

const t = setupTestDatabase();
const db = () => t.handle.db;

/** A live (or past) match of the mentor with a new application of `userId` (or of a new person). */
async function matchWith(
  networkId: string,
  mentorProfileId: string,
  status: 'proposed' | 'active' | 'declined' | 'expired' | 'ended',
  userId?: string,
) {
  const { application, user } = await createApplication(db(), networkId, {
    status: status === 'active' ? 'matched' : status === 'proposed' ? 'proposed' : 'closed',
    ...(userId ? { userId } : {}),
  });
  await db().insert(matches).values({ networkId, applicationId: application.id, mentorProfileId, status, score: 50 });
  return { application, user };
}

describe('loadNetworkInstance', () => {
  it('counts a mentor’s live matches in every network against one capacity', async () => {
    const a = await createNetwork(db());
    const b = await createNetwork(db());
    const mentor = await createMentor(db(), [a.id, b.id], { capacity: 2 });
    await matchWith(b.id, mentor.profile.id, 'active');
    await matchWith(b.id, mentor.profile.id, 'declined'); // not live: uses no capacity
    const { application } = await createApplication(db(), a.id);

    let instance = await loadNetworkInstance(db(), a.id);
    expect(instance.mentors.map((m) => [m.id, m.capacity, m.activeMatches])).toEqual([[mentor.profile.id, 2, 1]]);
    expect(solveNetwork(instance).pairs.map((p) => p.applicationId)).toEqual([application.id]);

    // A proposal in network A fills the last place: the mentee waiting in A gets "all full".
    await matchWith(a.id, mentor.profile.id, 'proposed');
    instance = await loadNetworkInstance(db(), a.id);
    expect(instance.mentors[0]!.activeMatches).toBe(2);
    expect(instance.mentees.map((m) => m.id)).toEqual([application.id]); // the proposed one is not waiting
    const solution = solveNetwork(instance);
    expect(solution.pairs).toEqual([]);
    expect(solution.unmatched).toEqual([{ applicationId: application.id, reason: 'all-compatible-mentors-full' }]);
  });

  it('leaves out incomplete profiles, other networks’ mentors and non-waiting applications; skips paused mentors', async () => {
    const network = await createNetwork(db());
    const other = await createNetwork(db());
    const complete = await createMentor(db(), [network.id]);
    await createMentor(db(), [network.id], { completedAt: null });
    await createMentor(db(), [other.id]);
    const { application } = await createApplication(db(), network.id);
    await createApplication(db(), network.id, { status: 'withdrawn' });
    await createApplication(db(), other.id);

    let instance = await loadNetworkInstance(db(), network.id);
    expect(instance.mentors.map((m) => m.id)).toEqual([complete.profile.id]);
    expect(instance.mentees.map((m) => m.id)).toEqual([application.id]);

    const until = new Date(now().getTime() + 10 * DAY).toISOString().slice(0, 10);
    await db().execute(sql`update mentor_profiles set paused_until = ${until} where id = ${complete.profile.id}`);
    instance = await loadNetworkInstance(db(), network.id);
    expect(solveNetwork(instance).unmatched).toEqual([{ applicationId: application.id, reason: 'all-compatible-mentors-paused' }]);
  });

  it('never proposes a pair again that was declined, expired or ended, even for a new application of the same person', async () => {
    const network = await createNetwork(db());
    const declined = await createMentor(db(), [network.id]);
    const ended = await createMentor(db(), [network.id]);
    const fresh = await createMentor(db(), [network.id], { municipalityCode: 'GM0935' }); // Maastricht: lower score
    const { user } = await matchWith(network.id, declined.profile.id, 'declined');
    await matchWith(network.id, ended.profile.id, 'ended', user.id);
    const { application } = await createApplication(db(), network.id, { userId: user.id });

    const instance = await loadNetworkInstance(db(), network.id);
    expect(instance.rules.declinedOrEnded).toEqual(
      new Set([pairKey(application.id, declined.profile.id), pairKey(application.id, ended.profile.id)]),
    );
    const solution = solveNetwork(instance);
    expect(solution.pairs.map((p) => p.mentorProfileId)).toEqual([fresh.profile.id]);
  });

  it('excludes forbidden pairs and keeps pins, even when another pair scores higher', async () => {
    const network = await createNetwork(db());
    const near = await createMentor(db(), [network.id]); // Zwolle, like the mentees
    const far = await createMentor(db(), [network.id], { municipalityCode: 'GM0935', themes: [] });
    const { application: pinned } = await createApplication(db(), network.id);
    const { application: ruledOut } = await createApplication(db(), network.id);
    await db()
      .insert(pairRules)
      .values([
        { networkId: network.id, applicationId: pinned.id, mentorProfileId: far.profile.id, kind: 'pin' },
        { networkId: network.id, applicationId: ruledOut.id, mentorProfileId: near.profile.id, kind: 'forbid' },
      ]);

    const instance = await loadNetworkInstance(db(), network.id);
    expect(instance.pins).toEqual([{ mentee: pinned.id, mentor: far.profile.id }]);
    expect(instance.rules.forbidden.has(pairKey(ruledOut.id, near.profile.id))).toBe(true);
    const solution = solveNetwork(instance);
    const byMentee = new Map(solution.pairs.map((p) => [p.applicationId, p]));
    expect(byMentee.get(pinned.id)).toMatchObject({ mentorProfileId: far.profile.id, pinned: true });
    expect(byMentee.get(ruledOut.id)).toMatchObject({ mentorProfileId: far.profile.id, pinned: false });
    expect(solution.droppedPins).toEqual([]);
  });

  it('merges the network’s weights over the defaults', () => {
    expect(networkWeights({ sameMunicipality: 50, bogus: 3, sharedThemes: -1 })).toMatchObject({ sameMunicipality: 50, sharedThemes: 20 });
    expect(networkWeights(null)).not.toHaveProperty('bogus');
  });
});

describe('the matching-run job', () => {
  it('creates the run and its job together, reports progress and writes the draft; optimal beats greedy', async () => {
    // Greedy takes the best pair first (Ada with Mila, both in Zwolle) and leaves Ben, who speaks
    // only English, without a mentor. The optimum gives Ada to Noor and Ben to Mila.
    const network = await createNetwork(db());
    const mila = await createMentor(db(), [network.id], { capacity: 1, languages: ['nl', 'en'] }, { name: 'Mila Mentor' });
    const noor = await createMentor(db(), [network.id], { capacity: 1, municipalityCode: 'GM0935', themes: [] }, { name: 'Noor Mentor' });
    const { application: ada } = await createApplication(db(), network.id, {}, { name: 'Ada Aanvrager' });
    const { application: ben } = await createApplication(
      db(),
      network.id,
      { languages: ['en'], municipalityCode: 'GM0363' },
      { name: 'Ben Aanvrager' },
    );
    const { application: cas } = await createApplication(db(), network.id, { languages: ['de'] });

    const started = await startRun(db(), network.id, null);
    expect(started.status).toBe('started');
    const [queued] = await db().select().from(matchingRuns).where(eq(matchingRuns.id, started.runId));
    expect(queued).toMatchObject({ status: 'queued', progress: 0 });
    expect(queued!.weights).toEqual(networkWeights(null));
    const jobs = rowsOf<{ data: { runId: string } }>(await db().execute(sql`select data from pgboss.job where name = 'matching-run'`));
    expect(jobs.map((j) => j.data.runId)).toContain(started.runId);

    // A second start while the first is queued is refused.
    expect(await startRun(db(), network.id, null)).toEqual({ status: 'busy', runId: started.runId });

    await processMatchingRun(db(), started.runId);
    const [run] = await db().select().from(matchingRuns).where(eq(matchingRuns.id, started.runId));
    expect(run).toMatchObject({ status: 'draft', progress: 100, error: null });
    expect(run!.finishedAt).toBeInstanceOf(Date);
    expect(run!.stats).toMatchObject({
      mentees: 3,
      mentors: 2,
      matched: 2,
      greedyMatched: 1,
      unmatched: [{ applicationId: cas.id, reason: 'no-compatible-mentor' }],
    });
    expect(run!.stats!.edges).toBe(3);
    expect(run!.stats!.totalScore).toBeGreaterThan(0);

    const drafted = await db().select().from(matches).where(eq(matches.runId, started.runId));
    const pairOf = new Map(drafted.map((m) => [m.applicationId, m]));
    expect(pairOf.get(ada.id)?.mentorProfileId).toBe(noor.profile.id);
    expect(pairOf.get(ben.id)?.mentorProfileId).toBe(mila.profile.id);
    expect(drafted.every((m) => m.status === 'draft' && m.source === 'run')).toBe(true);
    expect(run!.stats!.totalScore).toBe(drafted.reduce((s, m) => s + m.score, 0));
    const benReasons = pairOf.get(ben.id)!.reasons;
    expect(benReasons.map((r) => r.id)).toContain('sharedThemes');
    expect(benReasons.find((r) => r.id === 'sharedThemes')).toMatchObject({
      nl: expect.stringContaining('zorg'),
      en: expect.stringContaining('care'),
    });

    // Running the same job again does nothing.
    await processMatchingRun(db(), started.runId);
    expect(await db().select().from(matches).where(eq(matches.runId, started.runId))).toHaveLength(2);

    // A new run discards the old draft and its draft matches.
    const again = await startRun(db(), network.id, null);
    await processMatchingRun(db(), again.runId);
    const [old] = await db().select().from(matchingRuns).where(eq(matchingRuns.id, started.runId));
    expect(old!.status).toBe('discarded');
    const oldMatches = await db().select().from(matches).where(eq(matches.runId, started.runId));
    expect(oldMatches.every((m) => m.status === 'discarded')).toBe(true);
    expect(
      await db()
        .select()
        .from(matches)
        .where(and(eq(matches.runId, again.runId), eq(matches.status, 'draft'))),
    ).toHaveLength(2);
  });

  it('marks the run failed with the error, writing nothing and keeping the previous draft', async () => {
    const network = await createNetwork(db());
    await createMentor(db(), [network.id]);
    await createApplication(db(), network.id);
    const first = await startRun(db(), network.id, null);
    await processMatchingRun(db(), first.runId);

    // The database refuses to save the next draft.
    await db().execute(
      sql.raw(
        `create function refuse_matches() returns trigger language plpgsql as $$ begin raise exception 'no room to save (test)'; end $$`,
      ),
    );
    await db().execute(sql.raw('create trigger refuse_matches before insert on matches for each row execute function refuse_matches()'));
    const second = await startRun(db(), network.id, null);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await processMatchingRun(db(), second.runId);
    } finally {
      console.error = original;
      await db().execute(sql.raw('drop trigger refuse_matches on matches'));
      await db().execute(sql.raw('drop function refuse_matches()'));
    }
    const [run] = await db().select().from(matchingRuns).where(eq(matchingRuns.id, second.runId));
    expect(run!.status).toBe('failed');
    expect(run!.error).toContain('no room to save (test)');
    expect(errors).toHaveLength(1);
    expect(await db().select().from(matches).where(eq(matches.runId, second.runId))).toEqual([]);
    const [previous] = await db().select().from(matchingRuns).where(eq(matchingRuns.id, first.runId));
    expect(previous!.status).toBe('draft');
    expect(
      await db()
        .select()
        .from(matches)
        .where(and(eq(matches.runId, first.runId), eq(matches.status, 'draft'))),
    ).toHaveLength(1);
  });
});
