import { and, asc, eq, inArray, notExists } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyApplications, academyCompletions, organisations, users } from '~db/schema';
import type { EmailAttachment } from '~db/schema/email';
import type { Locale } from '~/i18n';
import { now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink, isUuid } from '../http.server';
import { generateToken } from '../security/tokens.server';
import { formatDate } from '../time';
import { certificatePdf } from '../courses/certificate-pdf.server';
import { initialsOf, type Verification } from '../courses/certificates.server';
import { academiesWithCohort, cohortMembers, enrolCohortLocked, lockAcademyRow, moduleProgress } from './cohort.server';
import { hasHeldPlacement } from '../placements/responses.server';

// Completion of an academy's programme (issue #15 point 5, ADR 018 "Cohort and completion"). The rule is
// `academies.completion_rule`: at least `minModules` modules attended (null: all of them) and, when
// `placementRequired`, a placement held. Meeting it records one `academy_completions` row with a public
// certificate code (ADR 016: the PDF is built from the row on request), emails the participant with the
// PDF attached, and is final: a later correction of attendance does not take it back.

export type CompletionRule = { minModules: number | null; placementRequired: boolean };

/** Modules to attend under a rule, given how many modules the academy has. */
function modulesRequired(rule: CompletionRule, moduleCount: number) {
  return rule.minModules ?? moduleCount;
}

/** Whether a participant meets the rule with this many modules attended (a programme without modules is never completed). */
async function meetsRule(tx: Db, rule: CompletionRule, moduleCount: number, attended: number, applicationId: string) {
  const required = modulesRequired(rule, moduleCount);
  if (moduleCount === 0 || required < 1 || attended < required) return false;
  return !rule.placementRequired || (await hasHeldPlacement(tx, applicationId));
}

/**
 * Records the completions the academy's rule gives now, once each: every accepted participant without
 * a completion who meets the rule gets a row with a new code and an email with the certificate. Under
 * the academy's row lock, and backed by the unique index on the application, so a second run (the
 * attendance page and the sweep at once, two coordinators) records and sends nothing twice.
 */
export async function recordCompletions(db: Db, academyId: string) {
  return db.transaction(async (tx) => {
    const academy = await lockAcademyRow(tx, academyId);
    if (!academy) return 0;
    const open = await tx
      .select({ id: academyApplications.id, userId: academyApplications.userId })
      .from(academyApplications)
      .where(
        and(
          eq(academyApplications.academyId, academyId),
          eq(academyApplications.status, 'accepted'),
          notExists(
            tx
              .select({ id: academyCompletions.id })
              .from(academyCompletions)
              .where(eq(academyCompletions.applicationId, academyApplications.id)),
          ),
        ),
      );
    if (!open.length) return 0;
    const { modules, progressOf } = await moduleProgress(
      tx,
      academyId,
      open.map((o) => o.id),
    );
    let recorded = 0;
    for (const application of open) {
      const attended = progressOf(application.id).filter((m) => m.state === 'attended').length;
      if (!(await meetsRule(tx, academy.completionRule, modules.length, attended, application.id))) continue;
      const [row] = await tx
        .insert(academyCompletions)
        .values({ academyId, applicationId: application.id, code: generateToken(), modulesAttended: attended, completedAt: now() })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      recorded++;
      const [person] = await tx
        .select({ name: users.name, email: users.email, locale: users.locale })
        .from(users)
        .where(eq(users.id, application.userId!));
      if (!person) continue;
      const locale: Locale = person.locale === 'en' ? 'en' : 'nl';
      const file = await renderProgrammeCertificate(tx, row, { name: person.name, locale });
      await enqueueEmail(tx, {
        template: 'academy-completed',
        to: person.email,
        userId: application.userId,
        props: { locale, name: person.name, academyName: academy.name, accountUrl: appLink('/account/academies') },
        attachments: file ? [toAttachment(file)] : undefined,
      });
    }
    return recorded;
  });
}

/**
 * The cohort's part of the minute sweep (ADR 007): modules published since are enrolled, and
 * completions a missed page call left are recorded. Both are idempotent.
 */
export async function runDueCohortWork(db: Db) {
  for (const academyId of await academiesWithCohort(db)) await enrolCohortLocked(db, academyId);
  return { completed: await recordDueCompletions(db) };
}

async function recordDueCompletions(db: Db) {
  const due = await db
    .selectDistinct({ academyId: academyApplications.academyId })
    .from(academyApplications)
    .where(
      and(
        eq(academyApplications.status, 'accepted'),
        notExists(
          db
            .select({ id: academyCompletions.id })
            .from(academyCompletions)
            .where(eq(academyCompletions.applicationId, academyApplications.id)),
        ),
      ),
    );
  let recorded = 0;
  for (const { academyId } of due) recorded += await recordCompletions(db, academyId);
  return recorded;
}

/** Saves an academy's completion rule (the caller checked the coordinator's organisation) and records what it gives now. */
export async function saveCompletionRule(db: Db, academyId: string, rule: CompletionRule) {
  await db.update(academies).set({ completionRule: rule }).where(eq(academies.id, academyId));
  return recordCompletions(db, academyId);
}

type Completion = typeof academyCompletions.$inferSelect;

/** "3 november 2026 – 17 november 2026": the programme's first and last module dates. */
async function programmeDates(db: Db, academyId: string, locale: Locale) {
  const { modules } = await moduleProgress(db, academyId, []);
  const starts = modules.map((m) => m.firstStart).filter((d): d is Date => d !== null);
  const ends = modules.map((m) => m.lastEnd).filter((d): d is Date => d !== null);
  if (!starts.length) return '';
  const first = formatDate(
    locale,
    starts.reduce((a, b) => (a < b ? a : b)),
  );
  const last = formatDate(
    locale,
    ends.reduce((a, b) => (a > b ? a : b)),
  );
  return first === last ? first : `${first} – ${last}`;
}

async function renderProgrammeCertificate(db: Db, completion: Completion, holder: { name: string; locale: Locale }) {
  const [academy] = await db
    .select({ name: academies.name, organisationName: organisations.name })
    .from(academies)
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(eq(academies.id, completion.academyId));
  if (!academy) return null;
  const bytes = await certificatePdf({
    kind: 'programme',
    locale: holder.locale,
    holderName: holder.name,
    courseTitle: academy.name,
    organisationName: academy.organisationName,
    dates: await programmeDates(db, completion.academyId, holder.locale),
    verifyUrl: appLink(`/certificaat/${completion.code}`),
    code: completion.code,
    issuedAt: completion.completedAt,
  });
  const word = holder.locale === 'nl' ? 'certificaat-academie' : 'programme-certificate';
  return { filename: `${word}.pdf`, bytes };
}

const toAttachment = (file: { filename: string; bytes: Uint8Array }): EmailAttachment => ({
  filename: file.filename,
  contentType: 'application/pdf',
  content: Buffer.from(file.bytes).toString('base64'),
});

/** The programme certificate PDF of one of the person's own applications; null when it has none. */
export async function programmeCertificateOf(db: Db, userId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  const [row] = await db
    .select({ completion: academyCompletions, name: users.name, locale: users.locale })
    .from(academyCompletions)
    .innerJoin(academyApplications, eq(academyApplications.id, academyCompletions.applicationId))
    .innerJoin(users, eq(users.id, academyApplications.userId))
    .where(and(eq(academyCompletions.applicationId, applicationId), eq(academyApplications.userId, userId)));
  if (!row) return null;
  return renderProgrammeCertificate(db, row.completion, { name: row.name, locale: row.locale === 'en' ? 'en' : 'nl' });
}

/** The person's completions, by application (for the account page). */
async function completionsOf(db: Db, userId: string) {
  const rows = await db
    .select({ applicationId: academyCompletions.applicationId, code: academyCompletions.code, completedAt: academyCompletions.completedAt })
    .from(academyCompletions)
    .innerJoin(academyApplications, eq(academyApplications.id, academyCompletions.applicationId))
    .where(eq(academyApplications.userId, userId))
    .orderBy(asc(academyCompletions.completedAt));
  return new Map(rows.map((r) => [r.applicationId, r]));
}

/** What /certificaat/:code may say about a programme certificate: the academy, dates, organisation, initials. */
export async function verifyProgrammeCertificate(db: Db, code: string, locale: Locale): Promise<Verification> {
  if (!/^[a-z2-7]{32}$/.test(code)) return { status: 'unknown' };
  const [row] = await db
    .select({ completion: academyCompletions, name: users.name, academyName: academies.name, organisationName: organisations.name })
    .from(academyCompletions)
    .innerJoin(academyApplications, eq(academyApplications.id, academyCompletions.applicationId))
    .innerJoin(users, eq(users.id, academyApplications.userId))
    .innerJoin(academies, eq(academies.id, academyCompletions.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(eq(academyCompletions.code, code));
  if (!row) return { status: 'unknown' };
  return {
    status: 'valid',
    courseTitle: row.academyName,
    organisationName: row.organisationName,
    dates: await programmeDates(db, row.completion.academyId, locale),
    initials: initialsOf(row.name),
    issuedOn: formatDate(locale, row.completion.completedAt),
    withdrawnOn: null,
    kind: 'programme',
  };
}

/**
 * The person's programmes (accepted applications, and ones they left): the academy, its rule, every
 * module with its dates and whether it was attended, progress and the completion, for /account/academies.
 */
export async function programmesOf(db: Db, userId: string) {
  const rows = await db
    .select({ application: academyApplications, academy: academies })
    .from(academyApplications)
    .innerJoin(academies, eq(academies.id, academyApplications.academyId))
    .where(and(eq(academyApplications.userId, userId), inArray(academyApplications.status, ['accepted', 'left'])))
    .orderBy(asc(academyApplications.createdAt));
  const completions = await completionsOf(db, userId);
  const programmes = [];
  for (const { application, academy } of rows) {
    const { modules, progressOf } = await moduleProgress(db, academy.id, [application.id]);
    const progress = progressOf(application.id);
    const completion = completions.get(application.id) ?? null;
    programmes.push({
      applicationId: application.id,
      academyName: academy.name,
      status: application.status,
      modules: progress,
      attended: progress.filter((m) => m.state === 'attended').length,
      required: modulesRequired(academy.completionRule, modules.length),
      placementRequired: academy.completionRule.placementRequired,
      completedAt: completion?.completedAt ?? null,
      completionCode: completion?.code ?? null,
      canLeave: application.status === 'accepted' && !completion,
    });
  }
  return programmes;
}

/** The coordinator's view of the cohort: every participant's attendance across the modules, with totals and completion. */
export async function cohortTable(db: Db, academy: { id: string; completionRule: CompletionRule }) {
  const members = await cohortMembers(db, academy.id);
  const { modules, progressOf } = await moduleProgress(
    db,
    academy.id,
    members.map((m) => m.applicationId),
  );
  const completions = members.length
    ? await db
        .select({ applicationId: academyCompletions.applicationId, completedAt: academyCompletions.completedAt })
        .from(academyCompletions)
        .where(eq(academyCompletions.academyId, academy.id))
    : [];
  const rows = members.map((m) => {
    const progress = progressOf(m.applicationId);
    return {
      applicationId: m.applicationId,
      name: m.name,
      email: m.email,
      status: m.status,
      progress,
      attended: progress.filter((p) => p.state === 'attended').length,
      completedAt: completions.find((c) => c.applicationId === m.applicationId)?.completedAt ?? null,
    };
  });
  return { modules, rows, required: modulesRequired(academy.completionRule, modules.length) };
}
