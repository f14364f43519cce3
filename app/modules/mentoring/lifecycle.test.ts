import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkIns, emailMessages, matches, menteeApplications, users } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCoordinator, createProposal } from '../../../test/matches';
import { createNetwork } from '../../../test/mentoring';
import { DAY, setClock } from '../clock.server';
import { renderEmail, type EmailTemplateName } from '~emails/index';
import { runDueMentoringWork } from './due.server';
import { acceptProposal, declineProposal, endMatch, logCheckIn, saveFeedback } from './matches.server';

const t = setupTestDatabase();
const db = () => t.handle.db;

const START = new Date('2027-01-11T09:00:00Z');

async function mails(to: string, template?: EmailTemplateName) {
  return db()
    .select()
    .from(emailMessages)
    .where(template ? and(eq(emailMessages.recipient, to), eq(emailMessages.template, template)) : eq(emailMessages.recipient, to));
}

async function matchRow(id: string) {
  return (await db().select().from(matches).where(eq(matches.id, id)))[0]!;
}
async function applicationRow(id: string) {
  return (await db().select().from(menteeApplications).where(eq(menteeApplications.id, id)))[0]!;
}

/** Moves the clock to `days` after the start and runs the due work. */
async function dayAfter(days: number) {
  setClock(new Date(START.getTime() + days * DAY));
  return runDueMentoringWork(db());
}

describe('accepting and declining', () => {
  it('accept: active, application matched, introduction to both with the other one’s contact details', async () => {
    setClock(START);
    const p = await createProposal(db());
    const outcome = await acceptProposal(db(), p.match.id, p.mentor.profile.id);
    expect(outcome.status).toBe('accepted');

    const match = await matchRow(p.match.id);
    expect(match.status).toBe('active');
    expect(match.acceptedAt?.toISOString()).toBe(START.toISOString());
    expect((await applicationRow(p.mentee.application.id)).status).toBe('matched');

    const [toMentor] = await mails(p.mentor.user.email, 'match-introduction');
    const [toMentee] = await mails(p.mentee.user.email, 'match-introduction');
    expect(toMentor!.props).toMatchObject({ otherName: 'Fatima El Amrani', otherEmail: p.mentee.user.email, otherPhone: '06 33334444' });
    expect(toMentee!.props).toMatchObject({ otherName: 'Jan de Mentor', otherEmail: p.mentor.user.email, otherPhone: '06 11112222' });
    // Never the special-category data.
    const rendered = await renderEmail('match-introduction', toMentor!.props as never);
    expect(rendered.text).toContain(p.mentee.user.email);
    expect(rendered.text.toLowerCase()).not.toContain('rolstoel');

    // Each email has its delivery job.
    const jobs = await db().execute(
      sql`select count(*)::int as n from pgboss.job where name = 'email-send' and data->>'messageId' in (${toMentor!.id}, ${toMentee!.id})`,
    );
    expect(Number((jobs as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? (jobs as unknown as { n: number }[])[0]?.n)).toBe(2);

    // A second answer changes nothing.
    expect((await acceptProposal(db(), p.match.id, p.mentor.profile.id)).status).toBe('not-possible');
    expect(await declineProposal(db(), p.match.id, p.mentor.profile.id, 'Toch niet')).toEqual({ status: 'not-possible' });
    expect(await mails(p.mentor.user.email, 'match-introduction')).toHaveLength(1);
  });

  it('the introduction emails are in the transaction of the acceptance: a rollback leaves neither', async () => {
    setClock(START);
    const p = await createProposal(db());
    await db()
      .transaction(async (tx) => {
        expect((await acceptProposal(tx, p.match.id, p.mentor.profile.id)).status).toBe('accepted');
        tx.rollback();
      })
      .catch(() => {});
    expect((await matchRow(p.match.id)).status).toBe('proposed');
    expect(await mails(p.mentor.user.email)).toHaveLength(0);
    expect(await mails(p.mentee.user.email)).toHaveLength(0);
  });

  it('another mentor can neither accept nor decline', async () => {
    setClock(START);
    const p = await createProposal(db());
    const other = await createProposal(db());
    expect((await acceptProposal(db(), p.match.id, other.mentor.profile.id)).status).toBe('not-found');
    expect((await declineProposal(db(), p.match.id, other.mentor.profile.id, 'Nee')).status).toBe('not-found');
    expect((await matchRow(p.match.id)).status).toBe('proposed');
  });

  it('decline: reason stored, mentee back in the pool, no email to anyone', async () => {
    setClock(START);
    const p = await createProposal(db());
    expect((await declineProposal(db(), p.match.id, p.mentor.profile.id, 'Ik heb nu te weinig tijd.')).status).toBe('declined');
    const match = await matchRow(p.match.id);
    expect(match.status).toBe('declined');
    expect(match.declineReason).toBe('Ik heb nu te weinig tijd.');
    expect(match.respondedAt?.toISOString()).toBe(START.toISOString());
    expect((await applicationRow(p.mentee.application.id)).status).toBe('waiting');
    expect(await mails(p.mentee.user.email)).toHaveLength(0);
  });
});

describe('unanswered proposals', () => {
  it('day 5 reminder once, day 10 alert to the organisation’s coordinators once, day 14 expiry', async () => {
    setClock(START);
    const network = await createNetwork(db());
    const coordinator = await createCoordinator(db(), network.organisationId);
    const otherNetwork = await createNetwork(db());
    const stranger = await createCoordinator(db(), otherNetwork.organisationId);
    const p = await createProposal(db(), { network });

    await dayAfter(4.9);
    expect(await mails(p.mentor.user.email)).toHaveLength(0);

    await dayAfter(5);
    await dayAfter(5);
    const reminders = await mails(p.mentor.user.email, 'match-reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.props).toMatchObject({
      menteeFirstName: 'Fatima',
      proposalUrl: expect.stringContaining(`/mentor/voorstellen/${p.match.id}`),
    });
    expect(await mails(coordinator.email)).toHaveLength(0);

    await dayAfter(9.9);
    expect(await mails(coordinator.email)).toHaveLength(0);
    await dayAfter(10);
    await dayAfter(10.5);
    const alerts = await mails(coordinator.email, 'match-alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.props).toMatchObject({ mentorName: 'Jan de Mentor', daysWaiting: 10 });
    expect(await mails(stranger.email)).toHaveLength(0);
    expect(await mails(p.mentor.user.email, 'match-reminder')).toHaveLength(1);

    await dayAfter(13.9);
    expect((await matchRow(p.match.id)).status).toBe('proposed');
    expect(await mails(p.mentor.user.email, 'match-expired')).toHaveLength(0);
    await dayAfter(14);
    expect((await matchRow(p.match.id)).status).toBe('expired');
    expect((await applicationRow(p.mentee.application.id)).status).toBe('waiting');
    expect(await mails(p.mentor.user.email, 'match-expired')).toHaveLength(1);
    await dayAfter(14);
    await dayAfter(15);
    expect((await matchRow(p.match.id)).status).toBe('expired');
    // An expired proposal can no longer be accepted.
    expect((await acceptProposal(db(), p.match.id, p.mentor.profile.id)).status).toBe('not-possible');
    // The mentor got the reminder and one notice that the proposal lapsed; nobody else heard more.
    expect((await mails(p.mentor.user.email)).map((m) => m.template).sort()).toEqual(['match-expired', 'match-reminder']);
    expect(await mails(coordinator.email)).toHaveLength(1);
    expect(await mails(p.mentee.user.email)).toHaveLength(0);
  });

  it('expiry tells the mentor once, in their language, without contact or special-category data', async () => {
    setClock(START);
    const network = await createNetwork(db(), { proposalExpiryDays: 14 });
    const p = await createProposal(db(), { network });
    await db().update(users).set({ locale: 'en' }).where(eq(users.id, p.mentor.user.id));

    setClock(new Date(START.getTime() + 14 * DAY));
    await Promise.all([runDueMentoringWork(db()), runDueMentoringWork(db())]);
    await dayAfter(14);
    await dayAfter(30);

    const sent = await mails(p.mentor.user.email, 'match-expired');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ userId: p.mentor.user.id, locale: 'en' });
    expect(sent[0]!.props).toEqual({
      locale: 'en',
      name: 'Jan de Mentor',
      menteeFirstName: 'Fatima',
      networkName: network.name,
      mentorUrl: expect.stringMatching(/\/mentor$/),
    });
    const { subject, text } = await renderEmail('match-expired', sent[0]!.props as never);
    expect(subject).toBe('The proposal for Fatima has lapsed');
    expect(text).toContain('another mentor');
    for (const secret of [p.mentee.user.email, '06 33334444', 'El Amrani', 'Rolstoel', 'raadsvergadering']) {
      expect(JSON.stringify(sent[0]!.props)).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    expect(await mails(p.mentee.user.email)).toHaveLength(0);
  });

  it('uses the network’s own days, and a late first run sends what is due and expires nothing early', async () => {
    setClock(START);
    const network = await createNetwork(db(), { proposalReminderDays: 2, proposalAlertDays: 3, proposalExpiryDays: 4 });
    const coordinator = await createCoordinator(db(), network.organisationId);
    const p = await createProposal(db(), { network });
    await dayAfter(3.5);
    await dayAfter(3.5);
    expect(await mails(p.mentor.user.email, 'match-reminder')).toHaveLength(1);
    expect(await mails(coordinator.email, 'match-alert')).toHaveLength(1);
    expect((await matchRow(p.match.id)).status).toBe('proposed');
    await dayAfter(4);
    expect((await matchRow(p.match.id)).status).toBe('expired');
  });

  it('a proposal already past its expiry gets no reminder, only expiry and its notice', async () => {
    setClock(START);
    const p = await createProposal(db());
    await dayAfter(20);
    expect((await matchRow(p.match.id)).status).toBe('expired');
    expect((await mails(p.mentor.user.email)).map((m) => m.template)).toEqual(['match-expired']);
  });

  it('an answered proposal gets no reminder and never expires', async () => {
    setClock(START);
    const p = await createProposal(db());
    await declineProposal(db(), p.match.id, p.mentor.profile.id, 'Geen tijd');
    await dayAfter(6);
    await dayAfter(20);
    expect((await matchRow(p.match.id)).status).toBe('declined');
    expect(await mails(p.mentor.user.email)).toHaveLength(0);
  });
});

describe('active matches', () => {
  it('nudges both once after six quiet weeks, and again only after a new quiet period', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    await dayAfter(41.9);
    expect(await mails(p.mentor.user.email, 'match-nudge')).toHaveLength(0);
    await dayAfter(42);
    await dayAfter(43);
    expect(await mails(p.mentor.user.email, 'match-nudge')).toHaveLength(1);
    expect(await mails(p.mentee.user.email, 'match-nudge')).toHaveLength(1);
    await dayAfter(70);
    expect(await mails(p.mentee.user.email, 'match-nudge')).toHaveLength(1);

    // A check-in starts a new period: six weeks after it, one more nudge.
    expect(
      (await logCheckIn(db(), p.match.id, p.mentee.user.id, { happenedOn: '2027-03-20', mode: 'online', note: 'Over de begroting' }))
        .status,
    ).toBe('logged');
    await dayAfter(70 + 41);
    expect(await mails(p.mentee.user.email, 'match-nudge')).toHaveLength(1);
    await dayAfter(70 + 42);
    await dayAfter(70 + 42);
    expect(await mails(p.mentee.user.email, 'match-nudge')).toHaveLength(2);
    expect(await mails(p.mentor.user.email, 'match-nudge')).toHaveLength(2);
  });

  it('a check-in within six weeks means no nudge', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    setClock(new Date(START.getTime() + 30 * DAY));
    await logCheckIn(db(), p.match.id, p.mentor.user.id, { happenedOn: '2027-02-09', mode: 'in-person', note: '' });
    await dayAfter(50);
    expect(await mails(p.mentor.user.email, 'match-nudge')).toHaveLength(0);
  });

  it('feedback email at four weeks, once, to both, with a link to the form', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    await dayAfter(27.9);
    expect(await mails(p.mentee.user.email, 'match-feedback-request')).toHaveLength(0);
    await dayAfter(28);
    await dayAfter(28);
    const [toMentee] = await mails(p.mentee.user.email, 'match-feedback-request');
    expect(await mails(p.mentee.user.email, 'match-feedback-request')).toHaveLength(1);
    expect(await mails(p.mentor.user.email, 'match-feedback-request')).toHaveLength(1);
    expect(toMentee!.props).toMatchObject({
      moment: 'four-weeks',
      feedbackUrl: expect.stringContaining(`/koppeling/${p.match.id}/feedback?moment=four-weeks`),
    });
  });

  it('feedback email at the end of the programme period, once', async () => {
    setClock(new Date('2027-06-20T09:00:00Z'));
    const network = await createNetwork(db(), { periodEnd: '2027-06-30' });
    const p = await createProposal(db(), { network, status: 'active' });
    setClock(new Date('2027-06-29T20:00:00Z'));
    await runDueMentoringWork(db());
    expect(await mails(p.mentee.user.email, 'match-feedback-request')).toHaveLength(0);
    // 30 June in the Netherlands, still 29 June in UTC.
    setClock(new Date('2027-06-29T22:30:00Z'));
    await runDueMentoringWork(db());
    await runDueMentoringWork(db());
    const sent = await mails(p.mentor.user.email, 'match-feedback-request');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.props).toMatchObject({ moment: 'end' });
    expect(await mails(p.mentee.user.email, 'match-feedback-request')).toHaveLength(1);
    // The programme is over: the match counts as completed, and the feedback form still takes answers.
    const [after] = await db().select().from(matches).where(eq(matches.id, p.match.id));
    expect(after!.status).toBe('completed');
    expect((await saveFeedback(db(), p.match.id, p.mentee.user.id, 'end', { rating: 4, comment: 'Fijn' })).status).toBe('saved');
  });

  it('runs twice at the same moment send each email once', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    setClock(new Date(START.getTime() + 43 * DAY));
    await Promise.all([runDueMentoringWork(db()), runDueMentoringWork(db())]);
    expect(await mails(p.mentor.user.email, 'match-nudge')).toHaveLength(1);
    expect(await mails(p.mentor.user.email, 'match-feedback-request')).toHaveLength(1);
  });

  it('ended, declined and expired matches get no nudges or feedback emails', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    await endMatch(db(), p.match.id, { role: 'mentor', userId: p.mentor.user.id }, 'Verhuisd');
    await dayAfter(60);
    expect(await mails(p.mentee.user.email, 'match-nudge')).toHaveLength(0);
    expect(await mails(p.mentee.user.email, 'match-feedback-request')).toHaveLength(0);
  });
});

describe('check-ins, ending and feedback', () => {
  it('only the two people of an active match log check-ins', async () => {
    setClock(START);
    const p = await createProposal(db());
    const other = await createProposal(db(), { status: 'active' });
    const fields = { happenedOn: '2027-01-10', mode: 'phone' as const, note: '' };
    expect((await logCheckIn(db(), p.match.id, p.mentor.user.id, fields)).status).toBe('not-possible'); // not accepted yet
    expect((await logCheckIn(db(), other.match.id, p.mentor.user.id, fields)).status).toBe('not-found');
    expect((await logCheckIn(db(), other.match.id, other.mentee.user.id, fields)).status).toBe('logged');
    const rows = await db().select().from(checkIns).where(eq(checkIns.matchId, other.match.id));
    expect(rows).toHaveLength(1);
    expect((await matchRow(other.match.id)).lastCheckInAt?.toISOString()).toBe(START.toISOString());
  });

  it('the mentor ends: mentee back in the pool, the mentee gets an email without the reason', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    const reason = 'Geheime reden 4711';
    expect((await endMatch(db(), p.match.id, { role: 'mentee', userId: p.mentor.user.id }, reason)).status).toBe('not-found');
    expect((await endMatch(db(), p.match.id, { role: 'mentor', userId: p.mentor.user.id }, reason)).status).toBe('ended');
    const match = await matchRow(p.match.id);
    expect(match).toMatchObject({ status: 'ended', endedBy: 'mentor', endReason: reason });
    expect((await applicationRow(p.mentee.application.id)).status).toBe('waiting');
    const [mail] = await mails(p.mentee.user.email, 'match-ended');
    expect(JSON.stringify(mail!.props)).not.toContain('4711');
    const rendered = await renderEmail('match-ended', mail!.props as never);
    expect(rendered.text).not.toContain('4711');
    expect(await mails(p.mentor.user.email, 'match-ended')).toHaveLength(0);
    expect((await endMatch(db(), p.match.id, { role: 'mentor', userId: p.mentor.user.id }, reason)).status).toBe('not-possible');
  });

  it('the mentee ends: the application closes, the mentor gets the email', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    expect((await endMatch(db(), p.match.id, { role: 'mentee', userId: p.mentee.user.id }, 'Geen tijd meer')).status).toBe('ended');
    expect((await applicationRow(p.mentee.application.id)).status).toBe('closed');
    expect(await mails(p.mentor.user.email, 'match-ended')).toHaveLength(1);
    expect(await mails(p.mentee.user.email, 'match-ended')).toHaveLength(0);
  });

  it('the coordinator of the organisation ends (others cannot): both hear it, the mentee waits for a new mentor', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    const stranger = await createNetwork(db());
    expect((await endMatch(db(), p.match.id, { role: 'coordinator', organisationIds: [stranger.organisationId] }, 'x')).status).toBe(
      'not-found',
    );
    expect(
      (await endMatch(db(), p.match.id, { role: 'coordinator', organisationIds: [p.network.organisationId] }, 'Past niet')).status,
    ).toBe('ended');
    expect((await matchRow(p.match.id)).endedBy).toBe('coordinator');
    expect((await applicationRow(p.mentee.application.id)).status).toBe('waiting');
    expect(await mails(p.mentor.user.email, 'match-ended')).toHaveLength(1);
    expect(await mails(p.mentee.user.email, 'match-ended')).toHaveLength(1);
  });

  it('feedback once per person and moment, only by the two people after acceptance', async () => {
    setClock(START);
    const p = await createProposal(db(), { status: 'active' });
    const proposed = await createProposal(db());
    expect((await saveFeedback(db(), p.match.id, p.mentee.user.id, 'four-weeks', { rating: 4, comment: 'Fijn' })).status).toBe('saved');
    expect((await saveFeedback(db(), p.match.id, p.mentee.user.id, 'four-weeks', { rating: 1, comment: '' })).status).toBe('already');
    expect((await saveFeedback(db(), p.match.id, p.mentor.user.id, 'four-weeks', { rating: 5, comment: '' })).status).toBe('saved');
    expect((await saveFeedback(db(), p.match.id, p.mentee.user.id, 'end', { rating: 5, comment: '' })).status).toBe('saved');
    expect((await saveFeedback(db(), p.match.id, proposed.mentor.user.id, 'end', { rating: 5, comment: '' })).status).toBe('not-found');
    expect((await saveFeedback(db(), proposed.match.id, proposed.mentor.user.id, 'end', { rating: 5, comment: '' })).status).toBe(
      'not-possible',
    );
  });
});
