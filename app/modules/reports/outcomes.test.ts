import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidacyOutcomes, emailPreferences, registrations, type users } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, emailsTo } from '../../../test/courses';
import { createApplication, createNetwork, createUser } from '../../../test/mentoring';
import { createSession } from '~/modules/auth/session.server';
import { setClock } from '~/modules/clock.server';
import * as answerPage from '~/routes/uitslag.$token';
import * as candidacyPage from '~/routes/account_.kandidaat';
import { sealLinkToken } from '../security/link-keys.server';
import { outcomeToken, readOutcomeToken, runOutcomeWork } from './outcomes.server';

const t = setupTestDatabase();
const db = () => t.handle.db;

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  handler({ request, params, context: {} }).catch((thrown: unknown) => thrown);
const statusOf = (result: unknown) => {
  if (result instanceof Error) throw result;
  if (result instanceof Response) return result.status;
  const r = result as { type?: string; init?: { status?: number } | null };
  return r?.type === 'DataWithResponseInit' ? (r.init?.status ?? 200) : 200;
};
const post = (url: string, fields: Record<string, string>, cookie?: string) =>
  new Request(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
  });

const outcomeOf = async (userId: string) =>
  (
    await db()
      .select()
      .from(candidacyOutcomes)
      .where(and(eq(candidacyOutcomes.userId, userId), eq(candidacyOutcomes.electionId, 'gr2026')))
  )[0];

let course: Awaited<ReturnType<typeof createCourse>>;
let participant: typeof users.$inferSelect; // registration linked by account
let byEmail: typeof users.$inferSelect; // registration without account link, same email
let applicant: typeof users.$inferSelect; // mentor application only
let optedOut: typeof users.$inferSelect; // outcome emails switched off
let cancelled: typeof users.$inferSelect; // cancelled registration: did not take part
let stranger: typeof users.$inferSelect; // never took part

async function registration(user: typeof users.$inferSelect, fields: Partial<typeof registrations.$inferInsert> = {}) {
  await db()
    .insert(registrations)
    .values({
      courseId: course.course.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      privacyVersion: '1.0',
      consentedAt: new Date('2025-10-01T10:00:00Z'),
      status: 'confirmed',
      createdAt: new Date('2025-10-01T10:00:00Z'),
      ...fields,
    });
}

beforeAll(async () => {
  setClock(new Date('2025-10-01T10:00:00Z'));
  course = await createCourse(db(), { startsInDays: 10 });
  participant = await createUser(db());
  byEmail = await createUser(db(), { locale: 'en' });
  applicant = await createUser(db());
  optedOut = await createUser(db());
  cancelled = await createUser(db());
  stranger = await createUser(db());
  await registration(participant);
  await registration(byEmail, { userId: null });
  await registration(optedOut);
  await registration(cancelled, { status: 'cancelled' });
  const network = await createNetwork(db());
  await createApplication(db(), network.id, { userId: applicant.id, createdAt: new Date('2025-11-01T10:00:00Z') });
  await db().insert(emailPreferences).values({ email: optedOut.email, userId: optedOut.id, outcomes: false });
});
afterAll(() => setClock(undefined));

describe('outcome questions', () => {
  it('asks nothing before the list deadline (2 February 2026)', async () => {
    setClock(new Date('2026-02-02T20:00:00Z'));
    expect(await runOutcomeWork(db())).toEqual({ list: 0, elected: 0 });
  });

  it('after the list deadline: asks everyone with an account who took part, once, respecting preferences', async () => {
    setClock(new Date('2026-02-03T08:00:00Z'));
    expect(await runOutcomeWork(db())).toEqual({ list: 3, elected: 0 });
    for (const person of [participant, byEmail, applicant]) {
      const mails = await emailsTo(db(), person.email, 'outcome-question');
      expect(mails, person.email).toHaveLength(1);
      expect((mails[0]!.props as { question: string }).question).toBe('list');
      expect((await outcomeOf(person.id))?.listAskedAt).toBeTruthy();
    }
    expect((await emailsTo(db(), byEmail.email, 'outcome-question'))[0]!.locale).toBe('en');
    for (const person of [optedOut, cancelled, stranger])
      expect(await emailsTo(db(), person.email, 'outcome-question'), person.email).toHaveLength(0);
    // Again the next day: nothing new.
    setClock(new Date('2026-02-04T08:00:00Z'));
    expect(await runOutcomeWork(db())).toEqual({ list: 0, elected: 0 });
  });

  it('one click: GET shows the answer and changes nothing; POST records it', async () => {
    const [mail] = await emailsTo(db(), participant.email, 'outcome-question');
    const yesUrl = (mail!.props as { yesUrl: string }).yesUrl;
    const token = new URL(yesUrl).pathname.split('/').pop()!;
    expect(readOutcomeToken(token)).toEqual({ userId: participant.id, electionId: 'gr2026', question: 'list' });
    const shown = (await call(answerPage.loader as Handler, new Request(yesUrl), { token })) as { answer: string; question: string };
    expect(shown).toMatchObject({ valid: true, answer: 'ja', question: 'list' });
    expect((await outcomeOf(participant.id))?.onList).toBeNull();
    const done = await call(answerPage.action as Handler, post(yesUrl, { antwoord: 'ja' }), { token });
    expect(statusOf(done)).toBe(200);
    expect(await outcomeOf(participant.id)).toMatchObject({ onList: true });
    // The applicant says no: not asked whether elected later.
    const applicantToken = outcomeToken(applicant.id, 'gr2026', 'list');
    await call(answerPage.action as Handler, post(`http://localhost/uitslag/${applicantToken}`, { antwoord: 'nee' }), {
      token: applicantToken,
    });
    expect((await outcomeOf(applicant.id))?.onList).toBe(false);
  });

  it('the links show neither the id nor the address of the person', async () => {
    const [mail] = await emailsTo(db(), participant.email, 'outcome-question');
    const { yesUrl, noUrl } = mail!.props as { yesUrl: string; noUrl: string };
    for (const url of [yesUrl, noUrl]) {
      const token = new URL(url).pathname.split('/').pop()!;
      const decoded = Buffer.from(token, 'base64url').toString('latin1');
      for (const needle of [participant.id, participant.email, participant.id.replaceAll('-', '')]) {
        expect(url).not.toContain(needle);
        expect(decoded).not.toContain(needle);
      }
    }
  });

  it('a forged or altered link is a 404 and records nothing', async () => {
    const good = outcomeToken(stranger.id, 'gr2026', 'list');
    const altered = Buffer.from(good, 'base64url');
    altered[20] = altered[20]! ^ 1;
    // The format before APP_SECRET: the user id in clear, signed with the public development constant.
    const payload = `${participant.id}:gr2026:elected`;
    const oldSignature = createHmac('sha256', 'politiek-actief-development-link-secret (set LINK_SECRET in production)')
      .update(`outcome/${payload}`)
      .digest('base64url');
    const forgedOldStyle = `${Buffer.from(payload).toString('base64url')}.${oldSignature}`;
    // A token of another purpose with the same content.
    const unsubscribeLike = sealLinkToken('unsubscribe-links', payload);
    for (const token of [altered.toString('base64url'), good.slice(0, -3), 'nonsense', forgedOldStyle, unsubscribeLike]) {
      expect(
        statusOf(await call(answerPage.loader as Handler, new Request(`http://localhost/uitslag/${token}?antwoord=ja`), { token })),
      ).toBe(404);
      expect(
        statusOf(await call(answerPage.action as Handler, post(`http://localhost/uitslag/${token}`, { antwoord: 'ja' }), { token })),
      ).toBe(404);
    }
    expect((await outcomeOf(participant.id))?.elected).toBeNull();
  });

  it('after election day (18 March 2026): asks "were you elected?" once, not those who were on no list', async () => {
    setClock(new Date('2026-03-18T20:00:00Z'));
    expect(await runOutcomeWork(db())).toEqual({ list: 0, elected: 0 });
    setClock(new Date('2026-03-19T08:00:00Z'));
    expect(await runOutcomeWork(db())).toEqual({ list: 0, elected: 2 });
    const questions = async (user: typeof users.$inferSelect) =>
      (await emailsTo(db(), user.email, 'outcome-question')).map((m) => (m.props as { question: string }).question);
    expect(await questions(participant)).toEqual(['list', 'elected']);
    expect(await questions(byEmail)).toEqual(['list', 'elected']);
    expect(await questions(applicant)).toEqual(['list']);
    setClock(new Date('2026-03-25T08:00:00Z'));
    expect(await runOutcomeWork(db())).toEqual({ list: 0, elected: 0 });
    // Long after the election nobody is asked about it any more (e.g. a platform that starts late).
    setClock(new Date('2026-12-01T08:00:00Z'));
    expect(await runOutcomeWork(db())).toEqual({ list: 0, elected: 0 });
  });

  it('/account/kandidaat: answers anytime, per election', async () => {
    const { token } = await createSession(db(), stranger.id);
    const cookie = `pa_session=${token}`;
    const page = (await call(
      candidacyPage.loader as Handler,
      new Request('http://localhost/account/kandidaat', { headers: { Cookie: cookie } }),
    )) as {
      elections: { id: string }[];
    };
    expect(page.elections.map((e) => e.id)).toEqual(['gr2026', 'ps2027', 'gr2030']);
    const saved = await call(
      candidacyPage.action as Handler,
      post('http://localhost/account/kandidaat', { electionId: 'gr2026', onList: '', elected: 'ja' }, cookie),
    );
    // Saved: back to the page with the notice (a 303, so a reload does not send it again).
    expect(statusOf(saved)).toBe(303);
    expect((saved as Response).headers.get('Location')).toContain('notice=');
    expect(await outcomeOf(stranger.id)).toMatchObject({ onList: true, elected: true });
    expect(
      statusOf(await call(candidacyPage.action as Handler, post('http://localhost/account/kandidaat', { electionId: 'nope' }, cookie))),
    ).toBe(404);
    expect(statusOf(await call(candidacyPage.loader as Handler, new Request('http://localhost/account/kandidaat')))).toBe(302);
  });
});
