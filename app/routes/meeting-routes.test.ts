import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { consents, meetings } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createProposal } from '../../test/matches';
import { call, cookieFor, get, post, statusOf } from '../../test/routes';
import { setClock } from '~/modules/clock.server';
import * as matchPage from './koppeling.$matchId._index';
import * as privacyPage from './account_.privacy';

// The match page's meeting and shared-needs forms through the route (issue 17, points 4–6): a
// refused form answers 400 with the input, a good one 303 with a notice; the mentor sees shared needs
// only after the mentee's consent and no longer after its withdrawal; the mentee reads why this mentor.

const t = setupTestDatabase();
const db = () => t.handle.db;

/** The form as the browser sends it: pairs, a name repeated for every ticked box. */
const fieldsOf = (pairs: [string, string][]) => {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of pairs) (fields[name] ??= []).push(value);
  return fields;
};
type PageData = Awaited<ReturnType<typeof matchPage.loader>>;

const login = (userId: string, lang?: 'en') => cookieFor(db(), userId, lang);

let p: Awaited<ReturnType<typeof createProposal>>;
let mentee = '';
let mentor = '';
let stranger = '';
let path = '';

beforeAll(async () => {
  setClock(new Date('2027-01-11T09:00:00Z'));
  p = await createProposal(db(), { status: 'active' });
  const other = await createProposal(db(), { status: 'active', network: p.network });
  mentee = await login(p.mentee.user.id);
  mentor = await login(p.mentor.user.id);
  stranger = await login(other.mentee.user.id);
  path = `/koppeling/${p.match.id}`;
});

const page = async (cookie: string) => (await call(matchPage.loader, get(path, cookie), { matchId: p.match.id })) as PageData;
const send = (fields: [string, string][], cookie: string) =>
  call(matchPage.action, post(path, fieldsOf(fields), cookie), { matchId: p.match.id });

describe('meetings on the match page', () => {
  it('a refused proposal answers 400 with every problem; a good one 303 with a notice; strangers 404', async () => {
    const refused = (await send(
      [
        ['intent', 'meeting-propose'],
        ['time', '19:30'],
        ['duration', '60'],
      ],
      mentee,
    )) as { data: { form: string; result: { error: Record<string, string[]>; initialValue: Record<string, string> } } };
    expect(statusOf(refused)).toBe(400);
    expect(refused.data.form).toBe(`meeting-${p.match.id}`);
    expect(Object.keys(refused.data.result.error).sort()).toEqual(['date', 'place']);
    expect(refused.data.result.initialValue.time).toBe('19:30');

    const past = (await send(
      [
        ['intent', 'meeting-propose'],
        ['date', '2027-01-10'],
        ['time', '19:30'],
        ['duration', '60'],
        ['place', 'Stadhuis'],
      ],
      mentee,
    )) as { data: { result: { error: Record<string, string[]> } } };
    expect(statusOf(past)).toBe(400);
    expect(past.data.result.error.date).toEqual(['Kies een moment in de toekomst.']);

    const good = [
      ['intent', 'meeting-propose'],
      ['date', '2027-01-19'],
      ['time', '19:30'],
      ['duration', '60'],
      ['place', 'Stadhuis'],
    ] as [string, string][];
    expect(statusOf(await send(good, stranger))).toBe(404);
    const done = await send(good, mentee);
    expect(statusOf(done)).toBe(303);
    expect((done as Response).headers.get('Location')).toBe(`${path}?notice=meeting.proposed#notice`);

    const forMentor = await page(mentor);
    expect(forMentor.meetings).toHaveLength(1);
    expect(forMentor.meetings[0]).toMatchObject({ canAnswer: true, canCancel: true, where: 'Stadhuis' });
    expect(forMentor.meetings[0]!.status).toContain('wacht op jouw antwoord');
    const forMentee = await page(mentee);
    expect(forMentee.meetings[0]).toMatchObject({ canAnswer: false, canCancel: true });

    // The counter-proposal form opens with the proposal's values, only for the one who answers.
    const [meeting] = await db().select().from(meetings).where(eq(meetings.matchId, p.match.id));
    const counter = (await call(matchPage.loader, get(`${path}?tegenvoorstel=${meeting!.id}`, mentor), {
      matchId: p.match.id,
    })) as PageData;
    expect(counter.counter?.defaults).toMatchObject({ date: '2027-01-19', time: '19:30', duration: '60', place: 'Stadhuis' });
    const notMine = (await call(matchPage.loader, get(`${path}?tegenvoorstel=${meeting!.id}`, mentee), {
      matchId: p.match.id,
    })) as PageData;
    expect(notMine.counter).toBeNull();
  });
});

describe('needs shared by choice', () => {
  it('the mentor sees nothing until the mentee consents, and nothing after withdrawal', async () => {
    const before = await page(mentor);
    expect(before.sharedNeeds).toBeNull();
    // The application's own accessibility answer never reaches the mentor's page.
    expect(JSON.stringify(before)).not.toContain('Rolstoeltoegankelijke ruimte');

    const fields: [string, string][] = [
      ['intent', 'needs-share'],
      ['needs', 'sign-language'],
      ['needs', 'step-free'],
      ['other', 'Graag een rustige ruimte'],
    ];
    const noConsent = (await send(fields, mentee)) as { data: { form: string; result: { error: Record<string, string[]> } } };
    expect(statusOf(noConsent)).toBe(400);
    expect(noConsent.data.result.error.consent).toEqual(['Zet een vinkje als je wilt dat je mentor dit ziet.']);
    expect((await page(mentor)).sharedNeeds).toBeNull();
    // Only the mentee shares.
    expect(statusOf(await send([...fields, ['consent', 'on']], mentor))).toBe(404);

    expect(statusOf(await send([...fields, ['consent', 'on']], mentee))).toBe(303);
    const shared = await page(mentor);
    expect(shared.sharedNeeds?.needs).toEqual(['Een tolk Nederlandse Gebarentaal (NGT)', 'Een plek zonder drempels of trappen']);
    expect(shared.sharedNeeds?.other).toBe('Graag een rustige ruimte');
    const [consent] = await db()
      .select()
      .from(consents)
      .where(eq(consents.subject, `match:${p.match.id}`));
    expect(consent).toMatchObject({ purpose: 'shared-needs', textVersion: 'gedeelde-behoeften-2026-12', withdrawnAt: null });

    // Withdrawn on /account/privacy: gone for the mentor at once.
    const withdrawn = await call(
      privacyPage.action,
      post('/account/privacy', { intent: 'withdraw', consentId: consent!.id, confirm: 'yes' }, mentee),
    );
    expect(withdrawn).toEqual({ kind: 'withdrawn', purpose: 'shared-needs' });
    const after = await page(mentor);
    expect(after.sharedNeeds).toBeNull();
    expect(JSON.stringify(after)).not.toContain('Graag een rustige ruimte');
  });
});

describe('why this mentor', () => {
  it('the mentee reads the reasons written to them, weightiest first, in their language; the mentor gets none', async () => {
    expect((await page(mentee)).why).toEqual(['Jullie wonen allebei in Zwolle.', '1 gedeeld thema: zorg.']);
    const english = (await call(matchPage.loader, get(path, await login(p.mentee.user.id, 'en')), { matchId: p.match.id })) as PageData;
    expect(english.why).toEqual(['You both live in Zwolle.', '1 shared theme: care.']);
    expect((await page(mentor)).why).toBeNull();
  });
});
