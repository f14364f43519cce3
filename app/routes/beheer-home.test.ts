import { beforeAll, describe, expect, it } from 'vitest';
import { matches, registrations } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { createApplication, createMentor, createNetwork, createUser } from '../../test/mentoring';
import { call, cookieFor, dataOf, get, makeCoordinator, statusOf } from '../../test/routes';
import { DAY, now } from '~/modules/clock.server';
import * as home from './beheer._index';

const t = setupTestDatabase();
const db = () => t.handle.db;

type Attention = {
  filling: { title: string; taken: number; capacity: number; waitlisted: number; full: boolean }[];
  offers: { title: string; offered: number }[];
  proposals: { name: string; overdue: number }[];
  quiet: { name: string; quiet: number }[];
  waiting: { name: string; waiting: number }[];
  total: number;
};
type Home = { organisations: { id: string; name: string }[]; chosen: { id: string; name: string } | null; attention: Attention | null };

let seq = 0;
async function register(courseId: string, status: 'confirmed' | 'waitlisted' | 'offered', count = 1) {
  for (let i = 0; i < count; i++) {
    seq++;
    await db()
      .insert(registrations)
      .values({
        courseId,
        name: `Deelnemer ${seq}`,
        email: `deelnemer-${seq}@example.nl`,
        privacyVersion: '1.0',
        consentedAt: now(),
        status,
        offerExpiresAt: status === 'offered' ? new Date(now().getTime() + DAY) : null,
      });
  }
}

async function match(networkId: string, fields: Partial<typeof matches.$inferInsert>) {
  const { profile } = await createMentor(db(), [networkId]);
  const { application } = await createApplication(db(), networkId, { status: 'proposed' });
  await db()
    .insert(matches)
    .values({ networkId, applicationId: application.id, mentorProfileId: profile.id, score: 70, status: 'proposed', ...fields });
}

let a: Awaited<ReturnType<typeof createCourse>>;
let b: Awaited<ReturnType<typeof createCourse>>;
let both = '';
let onlyB = '';
let nobody = '';
let networkA = '';

beforeAll(async () => {
  // Organisation A: one course filling up, one full with a waitlist, one quiet, an open offer.
  a = await createCourse(db(), { title: 'Zwolle bijna vol', capacity: 5 });
  await register(a.course.id, 'confirmed', 4);
  const full = await createCourse(db(), { title: 'Deventer vol', capacity: 2, organisationId: a.organisation.id });
  await register(full.course.id, 'confirmed', 1);
  await register(full.course.id, 'offered', 1);
  await register(full.course.id, 'waitlisted', 3);
  const calm = await createCourse(db(), { title: 'Kampen rustig', capacity: 10, organisationId: a.organisation.id });
  await register(calm.course.id, 'confirmed', 1);
  const over = await createCourse(db(), {
    title: 'Afgelopen vol',
    capacity: 1,
    organisationId: a.organisation.id,
    startsInDays: -30,
    sessionCount: 1,
  });
  await register(over.course.id, 'confirmed', 1);

  const network = await createNetwork(db(), { organisationId: a.organisation.id, name: 'Vrouwennetwerk A', proposalAlertDays: 10 });
  networkA = network.id;
  await match(network.id, { status: 'proposed', proposedAt: new Date(now().getTime() - 11 * DAY) });
  await match(network.id, { status: 'proposed', proposedAt: new Date(now().getTime() - 5 * DAY) });
  await match(network.id, {
    status: 'active',
    acceptedAt: new Date(now().getTime() - 60 * DAY),
    lastCheckInAt: new Date(now().getTime() - 43 * DAY),
  });
  await match(network.id, {
    status: 'active',
    acceptedAt: new Date(now().getTime() - 60 * DAY),
    lastCheckInAt: new Date(now().getTime() - 10 * DAY),
  });
  await match(network.id, { status: 'active', acceptedAt: new Date(now().getTime() - 50 * DAY) });
  await createApplication(db(), network.id);
  await createApplication(db(), network.id);

  // Organisation B: its own course filling up and a network with a waiting application.
  b = await createCourse(db(), { title: 'Geheim B vol', capacity: 1 });
  await register(b.course.id, 'confirmed', 1);
  await register(b.course.id, 'offered', 0);
  const networkB = await createNetwork(db(), { organisationId: b.organisation.id, name: 'Geheim netwerk B' });
  await createApplication(db(), networkB.id);

  const multi = await createUser(db(), { name: 'Mia Meer' });
  await makeCoordinator(db(), multi.id, a.organisation.id);
  await makeCoordinator(db(), multi.id, b.organisation.id);
  both = await cookieFor(db(), multi.id);
  const solo = await createUser(db());
  await makeCoordinator(db(), solo.id, b.organisation.id);
  onlyB = await cookieFor(db(), solo.id);
  nobody = await cookieFor(db(), (await createUser(db())).id);
});

const load = async (cookie: string, query = '') => {
  const result = await call(home.loader, get(`/beheer${query}`, cookie));
  return { status: statusOf(result), data: dataOf<Home>(result) };
};

describe('/beheer home', () => {
  it('shows what needs attention in the chosen organisation', async () => {
    const { status, data } = await load(both, `?organisatie=${a.organisation.id}`);
    expect(status).toBe(200);
    const attention = data.attention!;
    expect(attention.filling).toEqual([
      { id: expect.any(String), title: 'Deventer vol', taken: 2, capacity: 2, waitlisted: 3, full: true },
      { id: expect.any(String), title: 'Zwolle bijna vol', taken: 4, capacity: 5, waitlisted: 0, full: false },
    ]);
    expect(attention.offers.map((o) => [o.title, o.offered])).toEqual([['Deventer vol', 1]]);
    expect(attention.proposals.map((p) => [p.name, p.overdue])).toEqual([['Vrouwennetwerk A', 1]]);
    // Quiet: no check-in for 43 days, and accepted 50 days ago without any check-in.
    expect(attention.quiet.map((q) => [q.name, q.quiet])).toEqual([['Vrouwennetwerk A', 2]]);
    // The applications behind the proposed/active matches have status proposed; two wait.
    expect(attention.waiting).toEqual([{ id: networkA, name: 'Vrouwennetwerk A', waiting: 2 }]);
  });

  it('the alert day is the network’s own setting', async () => {
    const network = await createNetwork(db(), { organisationId: a.organisation.id, name: 'Snel netwerk', proposalAlertDays: 3 });
    await match(network.id, { status: 'proposed', proposedAt: new Date(now().getTime() - 4 * DAY) });
    const { data } = await load(both, `?organisatie=${a.organisation.id}`);
    expect(data.attention!.proposals.map((p) => [p.name, p.overdue])).toEqual([
      ['Snel netwerk', 1],
      ['Vrouwennetwerk A', 1],
    ]);
  });

  it('shows the first ten courses filling up and counts the rest; courses that are over are not read', async () => {
    const c = await createCourse(db(), { title: 'Vol 00', capacity: 1 });
    await register(c.course.id, 'confirmed', 1);
    for (let i = 1; i < 13; i++) {
      const more = await createCourse(db(), { title: `Vol ${String(i).padStart(2, '0')}`, capacity: 1, organisationId: c.organisation.id });
      await register(more.course.id, 'confirmed', 1);
    }
    const old = await createCourse(db(), { title: 'Lang geleden vol', capacity: 1, organisationId: c.organisation.id, startsInDays: -400 });
    await register(old.course.id, 'confirmed', 1);
    await register(old.course.id, 'offered', 1);
    const me = await createUser(db());
    await makeCoordinator(db(), me.id, c.organisation.id);
    const { data } = await load(await cookieFor(db(), me.id));
    const attention = data.attention as Attention & { fillingMore: number; offersMore: number };
    expect(attention.filling.map((f) => f.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Vol ${String(i).padStart(2, '0')}`));
    expect(attention.fillingMore).toBe(3);
    expect(attention.offers).toEqual([]);
  });

  it('shows the first ten networks with waiting applications and counts the rest', async () => {
    const first = await createNetwork(db(), { name: 'Wachtnetwerk 00' });
    const organisationId = first.organisationId;
    await createApplication(db(), first.id, { status: 'waiting' });
    for (let i = 1; i < 12; i++) {
      const network = await createNetwork(db(), { organisationId, name: `Wachtnetwerk ${String(i).padStart(2, '0')}` });
      await createApplication(db(), network.id, { status: 'waiting' });
    }
    const me = await createUser(db());
    await makeCoordinator(db(), me.id, organisationId);
    const { data } = await load(await cookieFor(db(), me.id));
    const attention = data.attention as Attention & { waitingMore: number };
    expect(attention.waiting.map((w) => w.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Wachtnetwerk ${String(i).padStart(2, '0')}`),
    );
    expect(attention.waitingMore).toBe(2);
  });

  it('nothing of one organisation is visible from another', async () => {
    const { data } = await load(both, `?organisatie=${b.organisation.id}`);
    const text = JSON.stringify(data);
    expect(text).toContain('Geheim B vol');
    for (const name of ['Zwolle', 'Deventer', 'Vrouwennetwerk A', 'Snel netwerk']) expect(text).not.toContain(name);
    const fromA = JSON.stringify((await load(both, `?organisatie=${a.organisation.id}`)).data.attention);
    expect(fromA).not.toContain('Geheim');
    // The coordinator of B alone sees B by default and never A.
    const solo = await load(onlyB);
    expect(solo.data.chosen?.id).toBe(b.organisation.id);
    expect(solo.data.organisations.map((o) => o.id)).toEqual([b.organisation.id]);
    expect(JSON.stringify(solo.data)).not.toContain('Zwolle');
  });

  it('another organisation’s id, an unknown one or nonsense is a 404', async () => {
    for (const id of [a.organisation.id, '00000000-0000-4000-8000-000000000000', 'nvr', '']) {
      expect((await load(onlyB, `?organisatie=${id}`)).status, id).toBe(404);
    }
    expect((await load(nobody, `?organisatie=${a.organisation.id}`)).status).toBe(404);
  });

  it('a coordinator of several organisations switches between them; without a choice the first is shown', async () => {
    const { data } = await load(both);
    expect(data.organisations).toHaveLength(2);
    expect(data.chosen?.id).toBe(data.organisations[0]!.id);
  });

  it('someone who coordinates nothing sees how to become one; visitors go to the login page', async () => {
    const { status, data } = await load(nobody);
    expect(status).toBe(200);
    expect(data).toEqual({ organisations: [], chosen: null, attention: null });
    const anonymous = await call(home.loader, get('/beheer'));
    expect((anonymous as Response).headers.get('Location')).toBe('/inloggen?redirectTo=%2Fbeheer');
  });
});
