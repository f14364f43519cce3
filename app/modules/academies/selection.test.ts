import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { academies, academyApplications, consents, emailMessages, organisations } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createUser } from '../../../test/mentoring';
import { translator } from '~/i18n';
import { DAY, HOUR, now, setClock } from '../clock.server';
import { academyApplicationSchema } from './application-schema';
import { applicationsOf, applyToAcademy, changeApplication, withdrawApplication } from './applications.server';
import { acceptInvitation } from '../invitations/invitations.server';
import { inviteReviewer, selectionAccess } from './reviewers.server';
import {
  applicationsForScoring,
  decideApplication,
  releaseDecisions,
  respondToOffer,
  runDueAcademyWork,
  scoreApplication,
  selectionOverview,
} from './selection.server';
import { listOpenCalls, publicCall } from './call.server';

const t = setupTestDatabase();
const db = () => t.handle.db;
const tr = translator('nl');

const start = new Date('2027-01-10T10:00:00Z');
afterEach(() => setClock(undefined));

let n = 0;
async function makeAcademy(fields: Partial<typeof academies.$inferInsert> = {}) {
  n++;
  const [org] = await db()
    .insert(organisations)
    .values({ name: `Vereniging ${n}`, slug: `vereniging-sel-${n}`, kind: 'association' })
    .returning();
  const [academy] = await db()
    .insert(academies)
    .values({
      organisationId: org!.id,
      name: `Academie ${n}`,
      callPublished: true,
      applicationsOpenAt: new Date(start.getTime() - DAY),
      applicationsCloseAt: new Date(start.getTime() + 7 * DAY),
      seats: 2,
      claimDays: 7,
      questions: [{ id: 'why-now', label: 'Waarom nu?', kind: 'text', required: true }],
      criteria: [
        { id: 'motivation', label: 'Motivatie' },
        { id: 'fit', label: 'Past bij de doelgroep' },
      ],
      reviewerFields: ['motivation'],
      ...fields,
    })
    .returning();
  return { organisation: org!, academy: academy! };
}

function input(extra: Record<string, unknown> = {}) {
  const parsed = academyApplicationSchema(tr, [{ id: 'why-now', label: 'Waarom nu?', kind: 'text', required: true }]).safeParse({
    motivation: 'Ik wil mijn buurt helpen.',
    experience: 'Voorzitter van de buurtvereniging.',
    q: { 'why-now': 'Omdat de verkiezingen eraan komen.' },
    ...extra,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function applicants(academyId: string, count: number) {
  const people = [];
  for (let i = 0; i < count; i++) {
    const person = await createUser(db());
    const outcome = await applyToAcademy(db(), person, academyId, input(), 'nl');
    expect(outcome.status).toBe('created');
    people.push({ person, id: (outcome as { id: string }).id });
  }
  return people;
}

const emailsTo = (email: string, template: string) =>
  db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, email), eq(emailMessages.template, template)))
    .orderBy(emailMessages.createdAt);

const closeCall = () => setClock(new Date(start.getTime() + 8 * DAY));

describe('the call and applications', () => {
  it('lists open calls, applies with the special-category consent, changes and withdraws until the call closes', async () => {
    setClock(start);
    const { academy } = await makeAcademy();
    await makeAcademy({ callPublished: false, name: 'Verborgen' });
    expect((await listOpenCalls(db())).map((c) => c.id)).toContain(academy.id);
    expect((await listOpenCalls(db())).map((c) => c.name)).not.toContain('Verborgen');
    expect((await publicCall(db(), academy.id))?.phase).toBe('open');

    const person = await createUser(db());
    const created = await applyToAcademy(
      db(),
      person,
      academy.id,
      input({ disability: 'on', disabilityConsent: 'on', focusGroups: ['women'] }),
      'nl',
    );
    expect(created.status).toBe('created');
    const id = (created as { id: string }).id;
    const [row] = await db().select().from(academyApplications).where(eq(academyApplications.id, id));
    expect(row!.disability).toBe(true);
    const [consent] = await db().select().from(consents).where(eq(consents.id, row!.disabilityConsentId!));
    expect(consent).toMatchObject({
      purpose: 'special-category',
      subject: `academy-application:${id}`,
      textVersion: 'bijzondere-gegevens-2026-11',
    });
    expect(await emailsTo(person.email, 'academy-application-received')).toHaveLength(1);

    // Disability without the consent is refused by the form.
    expect(academyApplicationSchema(tr, []).safeParse({ motivation: 'x', disability: 'on' }).success).toBe(false);
    // One live application per person and academy.
    expect((await applyToAcademy(db(), person, academy.id, input(), 'nl')).status).toBe('duplicate');

    // Changing without disability withdraws the consent and erases the answer.
    expect(await changeApplication(db(), person.id, id, input({ motivation: 'Nieuwe motivatie' }))).toBe('changed');
    const [changed] = await db().select().from(academyApplications).where(eq(academyApplications.id, id));
    expect(changed).toMatchObject({ motivation: 'Nieuwe motivatie', disability: null, disabilityConsentId: null });
    const [withdrawnConsent] = await db().select().from(consents).where(eq(consents.id, consent!.id));
    expect(withdrawnConsent!.withdrawnAt).not.toBeNull();

    // Someone else cannot touch it.
    const other = await createUser(db());
    expect(await withdrawApplication(db(), other.id, id)).toBe('not-found');
    expect(await withdrawApplication(db(), person.id, id)).toBe('withdrawn');
    expect((await applicationsOf(db(), person.id)).map((a) => a.status)).toEqual(['withdrawn']);
    // After withdrawing, a new application is possible while the call is open.
    expect((await applyToAcademy(db(), person, academy.id, input(), 'nl')).status).toBe('created');
    const again = (await applicationsOf(db(), person.id)).find((a) => a.status === 'submitted');
    expect(again!.canChange).toBe(true);

    closeCall();
    expect(await changeApplication(db(), person.id, again!.id, input())).toBe('closed');
    expect(await withdrawApplication(db(), person.id, again!.id)).toBe('closed');
    expect((await applyToAcademy(db(), other, academy.id, input(), 'nl')).status).toBe('closed');
    expect(await listOpenCalls(db())).not.toContainEqual(expect.objectContaining({ id: academy.id }));
  });
});

describe('reviewers', () => {
  it('are invited by email, see only the allowed fields and never special-category data, and score alone', async () => {
    setClock(start);
    const { academy, organisation } = await makeAcademy();
    const { academy: otherAcademy } = await makeAcademy();
    const coordinator = await createUser(db());
    const reviewer = await createUser(db());
    const second = await createUser(db());
    const ctx = { academy, organisationName: organisation.name, invitedBy: coordinator, locale: 'nl' as const };
    expect(await inviteReviewer(db(), ctx, reviewer.email)).toBe('invited');
    expect(await inviteReviewer(db(), ctx, reviewer.email.toUpperCase())).toBe('already-invited');
    expect(await inviteReviewer(db(), ctx, second.email)).toBe('invited');
    const [mail] = await emailsTo(reviewer.email, 'academy-reviewer-invitation');
    const token = String((mail!.props as { url: string }).url)
      .split('/')
      .pop()!;
    expect(await acceptInvitation(db(), 'reviewer', token, second)).toEqual({ ok: false, problem: 'other-account' });
    expect((await acceptInvitation(db(), 'reviewer', token, reviewer)).ok).toBe(true);
    expect(await acceptInvitation(db(), 'reviewer', token, reviewer)).toEqual({ ok: false, problem: 'used' });
    const [secondMail] = await emailsTo(second.email, 'academy-reviewer-invitation');
    await acceptInvitation(
      db(),
      'reviewer',
      String((secondMail!.props as { url: string }).url)
        .split('/')
        .pop(),
      second,
    );

    expect((await selectionAccess(db(), reviewer.id, academy.id))?.role).toBe('reviewer');
    // Another academy (of another organisation) is not reachable.
    expect(await selectionAccess(db(), reviewer.id, otherAcademy.id)).toBeNull();
    expect(await selectionAccess(db(), coordinator.id, academy.id)).toBeNull();

    const person = await createUser(db());
    const applied = await applyToAcademy(
      db(),
      person,
      academy.id,
      input({ disability: 'on', disabilityConsent: 'on', focusGroups: ['women'], party: 'Lokaal Belang' }),
      'nl',
    );
    const applicationId = (applied as { id: string }).id;

    // Before the call closes nobody scores.
    expect(await scoreApplication(db(), academy, reviewer.id, applicationId, { scores: { motivation: 4, fit: 3 }, note: '' })).toBe(
      'not-closed',
    );
    closeCall();
    const [seen] = await applicationsForScoring(db(), academy, reviewer.id);
    expect(seen!.fields).toEqual({ motivation: 'Ik wil mijn buurt helpen.' });
    const serialised = JSON.stringify(seen);
    for (const hidden of ['disability', 'focusGroups', 'women', 'Lokaal Belang', 'Voorzitter']) expect(serialised).not.toContain(hidden);

    expect(await scoreApplication(db(), academy, reviewer.id, applicationId, { scores: { motivation: 6, fit: 3 }, note: '' })).toBe(
      'invalid',
    );
    expect(await scoreApplication(db(), academy, reviewer.id, applicationId, { scores: { motivation: 4 }, note: '' })).toBe('invalid');
    expect(await scoreApplication(db(), academy, reviewer.id, applicationId, { scores: { motivation: 4, fit: 3 }, note: 'Sterk' })).toBe(
      'scored',
    );
    // The second reviewer does not see the first one's scores before scoring.
    const [before] = await applicationsForScoring(db(), academy, second.id);
    expect(before!.others).toBeNull();
    expect(JSON.stringify(before)).not.toContain('Sterk');
    expect(await scoreApplication(db(), academy, second.id, applicationId, { scores: { motivation: 2, fit: 1 }, note: 'Twijfel' })).toBe(
      'scored',
    );
    const [after] = await applicationsForScoring(db(), academy, second.id);
    expect(after!.others).toEqual([{ scores: { motivation: 4, fit: 3 }, note: 'Sterk' }]);
    // A submitted score is final.
    expect(await scoreApplication(db(), academy, second.id, applicationId, { scores: { motivation: 5, fit: 5 }, note: '' })).toBe(
      'already-scored',
    );

    const [row] = await selectionOverview(db(), academy);
    expect(row).toMatchObject({ scored: 2, average: 2.5, low: 1.5, high: 3.5, perCriterion: { motivation: 3, fit: 2 } });
  });
});

describe('selection', () => {
  it('never admits more people than seats, also when many decisions arrive at once', async () => {
    setClock(start);
    const { academy } = await makeAcademy({ seats: 2 });
    const people = await applicants(academy.id, 6);
    closeCall();
    const outcomes = await Promise.all(people.map((p) => decideApplication(db(), academy.id, p.id, 'admit')));
    expect(outcomes.filter((o) => o === 'decided')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(4);
    const admitted = await db()
      .select()
      .from(academyApplications)
      .where(and(eq(academyApplications.academyId, academy.id), eq(academyApplications.decision, 'admit')));
    expect(admitted).toHaveLength(2);
    // A decline needs a reason.
    expect(await decideApplication(db(), academy.id, people[5]!.id, 'decline')).toBe('reason-missing');
  });

  it('releases the decisions once, with one email each; a declined place and a lapsed one go to the reserves in order', async () => {
    setClock(start);
    const { academy } = await makeAcademy({ seats: 2, claimDays: 7 });
    const [a, b, c, d, e] = await applicants(academy.id, 5);
    // Deciding before the call closes is refused.
    expect(await decideApplication(db(), academy.id, a!.id, 'admit')).toBe('not-closed');
    closeCall();
    expect(await decideApplication(db(), academy.id, a!.id, 'admit')).toBe('decided');
    expect(await decideApplication(db(), academy.id, b!.id, 'admit')).toBe('decided');
    expect(await decideApplication(db(), academy.id, c!.id, 'reserve')).toBe('decided');
    expect(await decideApplication(db(), academy.id, d!.id, 'reserve')).toBe('decided');
    expect(await releaseDecisions(db(), academy.id)).toEqual({ status: 'undecided', count: 1 });
    expect(await decideApplication(db(), academy.id, e!.id, 'decline', 'Je woont buiten de regio.')).toBe('decided');

    const releases = await Promise.all([
      releaseDecisions(db(), academy.id),
      releaseDecisions(db(), academy.id),
      releaseDecisions(db(), academy.id),
    ]);
    expect(releases.filter((r) => r.status === 'released')).toEqual([{ status: 'released', emails: 5 }]);
    expect(releases.filter((r) => r.status === 'already-released')).toHaveLength(2);
    expect(await decideApplication(db(), academy.id, e!.id, 'admit')).toBe('released');

    const decisionOf = async (p: { person: { email: string } }) =>
      (await emailsTo(p.person.email, 'academy-decision')).map((m) => (m.props as { kind: string }).kind);
    expect(await decisionOf(a!)).toEqual(['offered']);
    expect(await decisionOf(c!)).toEqual(['reserve']);
    const [declined] = await emailsTo(e!.person.email, 'academy-decision');
    expect(declined!.props).toMatchObject({ kind: 'declined', reason: 'Je woont buiten de regio.' });

    // a accepts; b declines: c (first reserve) moves up and is told.
    expect(await respondToOffer(db(), a!.person.id, a!.id, true)).toBe('accepted');
    expect(await respondToOffer(db(), c!.person.id, b!.id, false)).toBe('not-found');
    expect(await respondToOffer(db(), b!.person.id, b!.id, false)).toBe('refused');
    expect(await respondToOffer(db(), b!.person.id, b!.id, true)).toBe('not-found');
    expect(await decisionOf(c!)).toEqual(['reserve', 'moved-up']);
    expect(await decisionOf(d!)).toEqual(['reserve']);

    // c lets the window pass: the sweep lapses the offer and d moves up; a second sweep changes nothing.
    setClock(new Date(now().getTime() + 7 * DAY + HOUR));
    expect(await respondToOffer(db(), c!.person.id, c!.id, true)).toBe('expired');
    expect(await runDueAcademyWork(db())).toEqual({ lapsed: 1 });
    expect(await runDueAcademyWork(db())).toEqual({ lapsed: 0 });
    expect(await decisionOf(c!)).toEqual(['reserve', 'moved-up', 'lapsed']);
    expect(await decisionOf(d!)).toEqual(['reserve', 'moved-up']);
    const statuses = await db()
      .select({ id: academyApplications.id, status: academyApplications.status })
      .from(academyApplications)
      .where(inArray(academyApplications.id, [a!.id, b!.id, c!.id, d!.id, e!.id]));
    const byId = Object.fromEntries(statuses.map((s) => [s.id, s.status]));
    expect([byId[a!.id], byId[b!.id], byId[c!.id], byId[d!.id], byId[e!.id]]).toEqual([
      'accepted',
      'refused',
      'lapsed',
      'offered',
      'declined',
    ]);
    expect((await applicationsOf(db(), d!.person.id))[0]!.canRespond).toBe(true);
  });
});
