import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyApplications, consents, municipalities, organisations, type AcademyQuestion } from '~db/schema';
import type { Locale } from '~/i18n';
import { now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink, isUuid } from '../http.server';
import { giveConsent } from '../privacy/consent.server';
import { formatMoment } from '../time';
import { callPhase } from './call.server';
import type { AcademyApplicationInput } from './application-schema';

// Applying to an academy's call, and changing or withdrawing the application until the call closes.
// Disability is special-category data: stored only with a consent for that purpose (subject
// `academy-application:<id>`), erased when it is withdrawn, never shown to reviewers (ADR 009, 018). The form's schema is in application-schema.ts, which the browser runs too.

/** The academy's call when it takes applications now; null for any other id. */
export async function openCall(db: Db, academyId: string | undefined) {
  if (!isUuid(academyId)) return null;
  const [row] = await db
    .select({ academy: academies, organisationName: organisations.name })
    .from(academies)
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(eq(academies.id, academyId));
  if (!row || callPhase(row.academy) !== 'open') return null;
  return row;
}

function fieldsOf(input: AcademyApplicationInput, questions: AcademyQuestion[]) {
  const answers: Record<string, string> = {};
  for (const question of questions) {
    const answer = input.q?.[question.id];
    if (answer) answers[question.id] = answer;
  }
  return {
    motivation: input.motivation,
    experience: input.experience,
    municipalityCode: input.municipality,
    party: input.noParty ? '' : input.party,
    noParty: input.noParty,
    availability: input.availability,
    answers,
    focusGroups: input.focusGroups,
  };
}

async function knownMunicipality(db: Db, code: string | null) {
  if (!code) return null;
  const [row] = await db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, code));
  return row?.code ?? null;
}

export type ApplyOutcome = { status: 'created'; id: string } | { status: 'duplicate' } | { status: 'closed' };

/**
 * Stores an application with, in the same transaction, the special-category consent (only when
 * disability was shared with it) and the confirmation email.
 */
export async function applyToAcademy(
  db: Db,
  person: { id: string; name: string; email: string },
  academyId: string,
  input: AcademyApplicationInput,
  locale: Locale,
): Promise<ApplyOutcome> {
  const call = await openCall(db, academyId);
  if (!call) return { status: 'closed' };
  const municipalityCode = await knownMunicipality(db, input.municipality);
  return db.transaction(async (tx) => {
    const at = now();
    const [row] = await tx
      .insert(academyApplications)
      .values({ ...fieldsOf(input, call.academy.questions), municipalityCode, academyId, userId: person.id, createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .returning({ id: academyApplications.id });
    if (!row) return { status: 'duplicate' } as const;
    if (input.disability && input.disabilityConsent) {
      const consentId = await giveConsent(tx, person.id, 'special-category', `academy-application:${row.id}`);
      await tx
        .update(academyApplications)
        .set({ disability: true, disabilityConsentId: consentId })
        .where(eq(academyApplications.id, row.id));
    }
    await enqueueEmail(tx, {
      template: 'academy-application-received',
      to: person.email,
      userId: person.id,
      props: {
        locale,
        name: person.name,
        academyName: call.academy.name,
        organisationName: call.organisationName,
        closesAt: formatMoment(locale, call.academy.applicationsCloseAt!),
        accountUrl: appLink('/account'),
      },
    });
    return { status: 'created', id: row.id } as const;
  });
}

/** The person's live (not withdrawn) application to the academy, or null. */
export async function ownApplication(db: Db, userId: string, academyId: string) {
  if (!isUuid(academyId)) return null;
  const [row] = await db
    .select()
    .from(academyApplications)
    .where(and(eq(academyApplications.academyId, academyId), eq(academyApplications.userId, userId), notWithdrawn()));
  return row ?? null;
}

const notWithdrawn = () => ne(academyApplications.status, 'withdrawn');

export type ChangeOutcome = 'changed' | 'withdrawn' | 'closed' | 'not-found';

/**
 * Changes one of the person's applications while the call is open. Sharing disability again needs the
 * consent again; unticking it withdraws the consent and erases the answer.
 */
export async function changeApplication(
  db: Db,
  userId: string,
  applicationId: string,
  input: AcademyApplicationInput,
): Promise<ChangeOutcome> {
  if (!isUuid(applicationId)) return 'not-found';
  return db.transaction(async (tx) => {
    const found = await lockOwn(tx, userId, applicationId);
    if (!found) return 'not-found';
    if (found.application.status !== 'submitted' || callPhase(found.academy) !== 'open') return 'closed';
    const municipalityCode = await knownMunicipality(tx, input.municipality);
    const at = now();
    const share = Boolean(input.disability && input.disabilityConsent);
    let consentId = found.application.disabilityConsentId;
    if (!share && consentId) {
      await tx
        .update(consents)
        .set({ withdrawnAt: at })
        .where(and(eq(consents.id, consentId), isNull(consents.withdrawnAt)));
      consentId = null;
    }
    if (share && !consentId) consentId = await giveConsent(tx, userId, 'special-category', `academy-application:${applicationId}`);
    await tx
      .update(academyApplications)
      .set({
        ...fieldsOf(input, found.academy.questions),
        municipalityCode,
        disability: share ? true : null,
        disabilityConsentId: consentId,
        updatedAt: at,
      })
      .where(eq(academyApplications.id, applicationId));
    return 'changed';
  });
}

/** Withdraws one of the person's applications while the call is open; the special-category consent goes with it. */
export async function withdrawApplication(db: Db, userId: string, applicationId: string): Promise<ChangeOutcome> {
  if (!isUuid(applicationId)) return 'not-found';
  return db.transaction(async (tx) => {
    const found = await lockOwn(tx, userId, applicationId);
    if (!found) return 'not-found';
    if (found.application.status !== 'submitted' || callPhase(found.academy) !== 'open') return 'closed';
    const at = now();
    if (found.application.disabilityConsentId) {
      await tx
        .update(consents)
        .set({ withdrawnAt: at })
        .where(and(eq(consents.id, found.application.disabilityConsentId), isNull(consents.withdrawnAt)));
    }
    await tx
      .update(academyApplications)
      .set({ status: 'withdrawn', disability: null, disabilityConsentId: null, updatedAt: at })
      .where(eq(academyApplications.id, applicationId));
    return 'withdrawn';
  });
}

async function lockOwn(tx: Db, userId: string, applicationId: string) {
  const [row] = await tx
    .select({ application: academyApplications, academy: academies })
    .from(academyApplications)
    .innerJoin(academies, eq(academies.id, academyApplications.academyId))
    .where(and(eq(academyApplications.id, applicationId), eq(academyApplications.userId, userId)))
    .for('update', { of: academyApplications });
  return row ?? null;
}

/** A person's applications, newest first, with the academy and what they can do now. */
export async function applicationsOf(db: Db, userId: string) {
  const rows = await db
    .select({ application: academyApplications, academy: academies, organisationName: organisations.name })
    .from(academyApplications)
    .innerJoin(academies, eq(academies.id, academyApplications.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(eq(academyApplications.userId, userId))
    .orderBy(desc(academyApplications.createdAt));
  return rows.map(({ application, academy, organisationName }) => ({
    id: application.id,
    academyId: academy.id,
    academyName: academy.name,
    organisationName,
    status: application.status,
    offerExpiresAt: application.offerExpiresAt,
    closesAt: academy.applicationsCloseAt,
    decisionReason: application.status === 'declined' ? application.decisionReason : '',
    canChange: application.status === 'submitted' && callPhase(academy) === 'open',
    canRespond: application.status === 'offered' && application.offerExpiresAt !== null && application.offerExpiresAt > now(),
  }));
}
