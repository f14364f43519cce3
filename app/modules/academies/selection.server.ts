import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  academies,
  academyApplications,
  academyScores,
  organisations,
  users,
  type AcademyApplicationStatus,
  type AcademyDecision,
  type ReviewerVisibleField,
} from '~db/schema';
import type { Locale } from '~/i18n';
import { DAY, now } from '../clock.server';
import { enqueueEmails, type EnqueueEmail } from '../email/outbox.server';
import { appLink, isUuid } from '../http.server';
import { formatMoment } from '../time';
import { callPhase, type Academy } from './call.server';
import { enrolCohort } from './cohort.server';
import type { AcademyDecisionKind } from '~emails/academy-decision';

// Selection, not first come (ADR 018). Scorers (the coordinators and the academy's reviewers) score
// each application alone: another scorer's scores are shown only to someone who has submitted their
// own, and a submitted score is final. The coordinator decides admit / reserve / decline under the
// academy's row lock, so admitted people never exceed the seats (as course seats, ADR 007); the
// decisions are released once, together, and the emails go out in the same transaction.

const live = () => ne(academyApplications.status, 'withdrawn');

/** What a scorer is shown of one application: only the fields the academy allows, never special-category data. */
export type ApplicationForScoring = {
  id: string;
  name: string;
  fields: Partial<Record<Exclude<ReviewerVisibleField, 'answers'>, string>> & { answers?: { label: string; answer: string }[] };
  own: { scores: Record<string, number>; note: string } | null;
  /** Other scorers' scores: only once the viewer's own are in. */
  others: { scores: Record<string, number>; note: string }[] | null;
};

/** The applications of an academy for one scorer (the call must be closed). */
export async function applicationsForScoring(db: Db, academy: Academy, scorerId: string): Promise<ApplicationForScoring[]> {
  const rows = await db
    .select({ application: academyApplications, name: users.name })
    .from(academyApplications)
    .innerJoin(users, eq(users.id, academyApplications.userId))
    .where(and(eq(academyApplications.academyId, academy.id), live()))
    .orderBy(asc(academyApplications.createdAt), asc(academyApplications.id));
  const ids = rows.map((r) => r.application.id);
  const scores = ids.length
    ? await db
        .select({
          applicationId: academyScores.applicationId,
          scorerId: academyScores.scorerId,
          scores: academyScores.scores,
          note: academyScores.note,
        })
        .from(academyScores)
        .where(inArray(academyScores.applicationId, ids))
        .orderBy(asc(academyScores.submittedAt))
    : [];
  const allowed = new Set(academy.reviewerFields);
  return rows.map(({ application: a, name }) => {
    const all = scores.filter((s) => s.applicationId === a.id);
    const mine = all.find((s) => s.scorerId === scorerId);
    const fields: ApplicationForScoring['fields'] = {};
    if (allowed.has('motivation')) fields.motivation = a.motivation;
    if (allowed.has('experience')) fields.experience = a.experience;
    if (allowed.has('party')) fields.party = a.noParty ? '—' : a.party;
    if (allowed.has('availability')) fields.availability = a.availability;
    if (allowed.has('municipality')) fields.municipality = a.municipalityCode ?? '';
    if (allowed.has('answers')) {
      fields.answers = academy.questions.filter((q) => a.answers[q.id]).map((q) => ({ label: q.label, answer: a.answers[q.id]! }));
    }
    return {
      id: a.id,
      name,
      fields,
      own: mine ? { scores: mine.scores, note: mine.note } : null,
      others: mine ? all.filter((s) => s !== mine).map((s) => ({ scores: s.scores, note: s.note })) : null,
    };
  });
}

export type ScoreOutcome = 'scored' | 'already-scored' | 'not-found' | 'invalid' | 'not-closed';

/** Records a scorer's scores (1–5 for every criterion of the academy) of one of its applications, once. */
export async function scoreApplication(
  db: Db,
  academy: Academy,
  scorerId: string,
  applicationId: string,
  input: { scores: Record<string, number>; note: string },
): Promise<ScoreOutcome> {
  if (!isUuid(applicationId)) return 'not-found';
  if (callPhase(academy) !== 'closed' || academy.decisionsReleasedAt) return 'not-closed';
  const values: Record<string, number> = {};
  for (const criterion of academy.criteria) {
    const value = input.scores[criterion.id];
    if (!Number.isInteger(value) || value! < 1 || value! > 5) return 'invalid';
    values[criterion.id] = value!;
  }
  if (academy.criteria.length === 0) return 'invalid';
  const [application] = await db
    .select({ id: academyApplications.id })
    .from(academyApplications)
    .where(and(eq(academyApplications.id, applicationId), eq(academyApplications.academyId, academy.id), live()));
  if (!application) return 'not-found';
  const total = Object.values(values).reduce((a, b) => a + b, 0);
  const rows = await db
    .insert(academyScores)
    .values({ applicationId, scorerId, scores: values, total, note: input.note.trim().slice(0, 2000), submittedAt: now() })
    .onConflictDoNothing()
    .returning({ id: academyScores.applicationId });
  return rows.length ? 'scored' : 'already-scored';
}

export type SelectionRow = {
  id: string;
  name: string;
  status: AcademyApplicationStatus;
  offerExpiresAt: Date | null;
  decision: AcademyDecision | null;
  decisionReason: string;
  reserveRank: number | null;
  scored: number;
  /** Average over scorers of each scorer's mean score (1–5), and the lowest and highest of those means. */
  average: number | null;
  low: number | null;
  high: number | null;
  perCriterion: Record<string, number>;
};

/** The coordinator's table: every live application with its averages and spread, best first. */
export async function selectionOverview(db: Db, academy: Academy): Promise<SelectionRow[]> {
  const rows = await db
    .select({ application: academyApplications, name: users.name })
    .from(academyApplications)
    .leftJoin(users, eq(users.id, academyApplications.userId))
    .where(and(eq(academyApplications.academyId, academy.id), live()))
    .orderBy(asc(academyApplications.createdAt), asc(academyApplications.id));
  const ids = rows.map((r) => r.application.id);
  const scores = ids.length ? await db.select().from(academyScores).where(inArray(academyScores.applicationId, ids)) : [];
  const n = Math.max(academy.criteria.length, 1);
  const result = rows.map(({ application: a, name }) => {
    const own = scores.filter((s) => s.applicationId === a.id);
    const means = own.map((s) => s.total / n);
    const perCriterion: Record<string, number> = {};
    for (const c of academy.criteria) {
      const values = own.map((s) => s.scores[c.id]).filter((v): v is number => typeof v === 'number');
      if (values.length) perCriterion[c.id] = round(values.reduce((x, y) => x + y, 0) / values.length);
    }
    return {
      id: a.id,
      name: name ?? '—',
      status: a.status,
      offerExpiresAt: a.offerExpiresAt,
      decision: a.decision,
      decisionReason: a.decisionReason,
      reserveRank: a.reserveRank,
      scored: own.length,
      average: means.length ? round(means.reduce((x, y) => x + y, 0) / means.length) : null,
      low: means.length ? round(Math.min(...means)) : null,
      high: means.length ? round(Math.max(...means)) : null,
      perCriterion,
    };
  });
  return result.sort((x, y) => (y.average ?? -1) - (x.average ?? -1));
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Takes the academy's row lock: every change of who holds a place goes through it (ADR 007, 018). */
async function lockAcademy(tx: Db, academyId: string) {
  const [row] = await tx.select().from(academies).where(eq(academies.id, academyId)).for('update');
  return row ?? null;
}

/** Places held: admitted drafts before the release; offered and accepted places after it. */
async function placesHeld(tx: Db, academy: Academy) {
  const held = academy.decisionsReleasedAt
    ? inArray(academyApplications.status, ['offered', 'accepted'])
    : and(eq(academyApplications.status, 'submitted'), eq(academyApplications.decision, 'admit'));
  const [row] = await tx
    .select({ n: sql`count(*)`.mapWith(Number) })
    .from(academyApplications)
    .where(and(eq(academyApplications.academyId, academy.id), held));
  return row?.n ?? 0;
}

export type DecideOutcome = 'decided' | 'full' | 'not-found' | 'not-closed' | 'released' | 'reason-missing';

/**
 * The coordinator's decision about one application (a draft until released). Admitting takes a place:
 * under the academy's row lock the admitted drafts are counted, and a decision that would exceed the
 * seats is refused ('full'), however many coordinators decide at once.
 */
export async function decideApplication(
  db: Db,
  academyId: string,
  applicationId: string,
  decision: AcademyDecision | null,
  reason = '',
): Promise<DecideOutcome> {
  if (!isUuid(applicationId)) return 'not-found';
  if (decision === 'decline' && !reason.trim()) return 'reason-missing';
  return db.transaction(async (tx) => {
    const academy = await lockAcademy(tx, academyId);
    if (!academy) return 'not-found';
    if (academy.decisionsReleasedAt) return 'released';
    if (callPhase(academy) !== 'closed') return 'not-closed';
    const [application] = await tx
      .select()
      .from(academyApplications)
      .where(
        and(
          eq(academyApplications.id, applicationId),
          eq(academyApplications.academyId, academyId),
          eq(academyApplications.status, 'submitted'),
        ),
      );
    if (!application) return 'not-found';
    if (decision === 'admit' && application.decision !== 'admit' && (await placesHeld(tx, academy)) >= academy.seats) return 'full';
    let reserveRank: number | null = null;
    if (decision === 'reserve') {
      if (application.decision === 'reserve') reserveRank = application.reserveRank;
      else {
        const [last] = await tx
          .select({ n: sql`coalesce(max(${academyApplications.reserveRank}), 0)`.mapWith(Number) })
          .from(academyApplications)
          .where(eq(academyApplications.academyId, academyId));
        reserveRank = (last?.n ?? 0) + 1;
      }
    }
    await tx
      .update(academyApplications)
      .set({ decision, decisionReason: decision === 'decline' ? reason.trim().slice(0, 1000) : '', reserveRank, updatedAt: now() })
      .where(eq(academyApplications.id, applicationId));
    return 'decided';
  });
}

export type ReleaseOutcome =
  | { status: 'released'; emails: number }
  | { status: 'undecided'; count: number }
  | { status: 'already-released' | 'not-closed' | 'not-found' };

/**
 * Releases every decision at once: admitted people get an offer with a claim window, reserves and
 * declines are told. The conditional update of `decisions_released_at` makes it happen once: a second
 * click, a second tab or a second coordinator finds it set and sends nothing.
 */
export async function releaseDecisions(db: Db, academyId: string): Promise<ReleaseOutcome> {
  return db.transaction(async (tx) => {
    const academy = await lockAcademy(tx, academyId);
    if (!academy) return { status: 'not-found' } as const;
    if (academy.decisionsReleasedAt) return { status: 'already-released' } as const;
    if (callPhase(academy) !== 'closed') return { status: 'not-closed' } as const;
    const pending = await tx
      .select({ application: academyApplications, user: { name: users.name, email: users.email, locale: users.locale } })
      .from(academyApplications)
      .leftJoin(users, eq(users.id, academyApplications.userId))
      .where(and(eq(academyApplications.academyId, academyId), eq(academyApplications.status, 'submitted')));
    const undecided = pending.filter((p) => p.application.decision === null).length;
    if (undecided > 0) return { status: 'undecided', count: undecided } as const;
    const at = now();
    const [released] = await tx
      .update(academies)
      .set({ decisionsReleasedAt: at })
      .where(and(eq(academies.id, academyId), isNull(academies.decisionsReleasedAt)))
      .returning({ id: academies.id });
    if (!released) return { status: 'already-released' } as const;
    const expiresAt = new Date(at.getTime() + academy.claimDays * DAY);
    const statusOf = { admit: 'offered', reserve: 'reserve', decline: 'declined' } as const;
    for (const decision of ['admit', 'reserve', 'decline'] as const) {
      await tx
        .update(academyApplications)
        .set({ status: statusOf[decision], offerExpiresAt: decision === 'admit' ? expiresAt : null, updatedAt: at })
        .where(
          and(
            eq(academyApplications.academyId, academyId),
            eq(academyApplications.status, 'submitted'),
            eq(academyApplications.decision, decision),
          ),
        );
    }
    const organisationName = await organisationNameOf(tx, academy.organisationId);
    const kindOf = { admit: 'offered', reserve: 'reserve', decline: 'declined' } as const;
    const emails = pending
      .filter((p) => p.user)
      .map((p) =>
        decisionEmail(academy, organisationName, p.user!, p.application.userId!, kindOf[p.application.decision!], {
          reason: p.application.decisionReason,
          claimBefore: p.application.decision === 'admit' ? expiresAt : null,
        }),
      );
    await enqueueEmails(tx, emails);
    return { status: 'released', emails: emails.length } as const;
  });
}

async function organisationNameOf(tx: Db, organisationId: string) {
  const [row] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.name ?? '';
}

function decisionEmail(
  academy: Academy,
  organisationName: string,
  user: { name: string; email: string; locale: string },
  userId: string,
  kind: AcademyDecisionKind,
  extra: { reason?: string; claimBefore?: Date | null },
): EnqueueEmail<'academy-decision'> {
  const locale = (user.locale === 'en' ? 'en' : 'nl') as Locale;
  return {
    template: 'academy-decision',
    to: user.email,
    userId,
    props: {
      locale,
      kind,
      name: user.name,
      academyName: academy.name,
      organisationName,
      reason: kind === 'declined' ? extra.reason : undefined,
      claimBefore: extra.claimBefore ? formatMoment(locale, extra.claimBefore) : undefined,
      accountUrl: appLink('/account'),
    },
  };
}

/**
 * Offers the free places to the first reserves, in their order (on the locked academy): a place is
 * free when offered plus accepted places are fewer than the seats.
 */
async function moveReservesUp(tx: Db, academy: Academy) {
  const free = academy.seats - (await placesHeld(tx, academy));
  if (free <= 0) return 0;
  const next = await tx
    .select({ application: academyApplications, user: { name: users.name, email: users.email, locale: users.locale } })
    .from(academyApplications)
    .innerJoin(users, eq(users.id, academyApplications.userId))
    .where(and(eq(academyApplications.academyId, academy.id), eq(academyApplications.status, 'reserve')))
    .orderBy(asc(academyApplications.reserveRank), asc(academyApplications.createdAt))
    .limit(free);
  if (!next.length) return 0;
  const at = now();
  const expiresAt = new Date(at.getTime() + academy.claimDays * DAY);
  await tx
    .update(academyApplications)
    .set({ status: 'offered', offerExpiresAt: expiresAt, updatedAt: at })
    .where(
      inArray(
        academyApplications.id,
        next.map((n) => n.application.id),
      ),
    );
  const organisationName = await organisationNameOf(tx, academy.organisationId);
  await enqueueEmails(
    tx,
    next.map((n) => decisionEmail(academy, organisationName, n.user, n.application.userId!, 'moved-up', { claimBefore: expiresAt })),
  );
  return next.length;
}

export type RespondOutcome = 'accepted' | 'refused' | 'not-found' | 'expired';

/** The admitted person accepts or declines their place; a declined place goes to the first reserve at once. */
export async function respondToOffer(db: Db, userId: string, applicationId: string, accept: boolean): Promise<RespondOutcome> {
  if (!isUuid(applicationId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ academyId: academyApplications.academyId })
      .from(academyApplications)
      .where(and(eq(academyApplications.id, applicationId), eq(academyApplications.userId, userId)));
    if (!own) return 'not-found';
    const academy = (await lockAcademy(tx, own.academyId))!;
    const [application] = await tx
      .select()
      .from(academyApplications)
      .where(and(eq(academyApplications.id, applicationId), eq(academyApplications.status, 'offered')));
    if (!application) return 'not-found';
    const at = now();
    if (!application.offerExpiresAt || application.offerExpiresAt <= at) return 'expired';
    await tx
      .update(academyApplications)
      .set({ status: accept ? 'accepted' : 'refused', respondedAt: at, updatedAt: at })
      .where(eq(academyApplications.id, applicationId));
    if (!accept) await moveReservesUp(tx, academy);
    // An accepted place is the cohort membership: enrolled in every module now (ADR 018, cohort).
    else await enrolCohort(tx, academy.id, applicationId);
    return accept ? 'accepted' : 'refused';
  });
}

/**
 * Time-driven work (a sweep, ADR 007): offers whose claim window passed lapse, the person is told, and
 * the place goes to the first reserve. Each academy under its own lock; a repeated or concurrent
 * sweep finds nothing left to lapse.
 */
export async function runDueAcademyWork(db: Db) {
  const at = now();
  const due = await db
    .selectDistinct({ academyId: academyApplications.academyId })
    .from(academyApplications)
    .where(and(eq(academyApplications.status, 'offered'), lte(academyApplications.offerExpiresAt, at)));
  let lapsed = 0;
  for (const { academyId } of due) {
    lapsed += await db.transaction(async (tx) => {
      const academy = (await lockAcademy(tx, academyId))!;
      const rows = await tx
        .update(academyApplications)
        .set({ status: 'lapsed', updatedAt: at })
        .where(
          and(
            eq(academyApplications.academyId, academyId),
            eq(academyApplications.status, 'offered'),
            lte(academyApplications.offerExpiresAt, at),
          ),
        )
        .returning({ userId: academyApplications.userId });
      const people = rows.length
        ? await tx
            .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
            .from(users)
            .where(
              inArray(
                users.id,
                rows.map((r) => r.userId).filter((id): id is string => id !== null),
              ),
            )
        : [];
      const organisationName = await organisationNameOf(tx, academy.organisationId);
      await enqueueEmails(
        tx,
        people.map((p) => decisionEmail(academy, organisationName, p, p.id, 'lapsed', {})),
      );
      await moveReservesUp(tx, academy);
      return rows.length;
    });
  }
  return { lapsed };
}
