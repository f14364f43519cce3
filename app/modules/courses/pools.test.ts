import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courses, registrations } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, emailsTo, person } from '../../../test/courses';
import { HOUR, setClock } from '../clock.server';
import {
  cancelRegistration,
  findRegistrationByLink,
  registrationsOfUser,
  signUp,
  switchPool,
  type SignUpResult,
} from './registrations.server';
import { sendReminders } from './lifecycle.server';
import { calendarDownload } from './context.server';
import { updateCourse } from './manage/courses.server';
import { courseRegistrations } from './manage/reading.server';
import { addRegistrationByCoordinator } from './manage/registrations.server';
import { copyCourse } from './copy.server';

// Hybrid courses (issue 16, item 6): two seat pools, each with its own capacity and waitlist, held
// under the course lock. Runs on PostgreSQL (several connections at once) and on PGlite.

const t = setupTestDatabase();
const db = () => t.handle.db;

const ROOM = 'Raadszaal, Grote Kerkplein 15, Zwolle';
const LINK = 'https://meet.example/pa-zwolle';

function hybrid(room: number, online: number, extra: Parameters<typeof createCourse>[1] = {}) {
  return createCourse(db(), {
    format: 'hybrid',
    capacity: room,
    onlineCapacity: online,
    locationName: 'Raadszaal',
    address: 'Grote Kerkplein 15, Zwolle',
    onlineUrl: LINK,
    ...extra,
  });
}

const idOf = (r: SignUpResult) => (r as { registrationId: string }).registrationId;

async function pools(courseId: string) {
  const rows = await db().select().from(registrations).where(eq(registrations.courseId, courseId)).orderBy(asc(registrations.waitlistSeq));
  const of = (pool: string, status: string) => rows.filter((r) => r.pool === pool && r.status === status).map((r) => r.name);
  return {
    onSite: { seated: [...of('on-site', 'confirmed'), ...of('on-site', 'offered')], waiting: of('on-site', 'waitlisted') },
    online: { seated: [...of('online', 'confirmed'), ...of('online', 'offered')], waiting: of('online', 'waitlisted') },
  };
}

describe('per-pool capacity', () => {
  it('fills the room and the online seats apart: a full room does not stop online sign-ups', async () => {
    const { course } = await hybrid(1, 2);
    expect((await signUp(db(), course.id, person('r1', { pool: 'on-site' }))).status).toBe('confirmed');
    const r2 = await signUp(db(), course.id, person('r2', { pool: 'on-site' }));
    expect(r2).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await signUp(db(), course.id, person('o1', { pool: 'online' }))).status).toBe('confirmed');
    expect((await signUp(db(), course.id, person('o2', { pool: 'online' }))).status).toBe('confirmed');
    // The online waitlist has its own queue: its first person is number 1 there.
    expect(await signUp(db(), course.id, person('o3', { pool: 'online' }))).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await signUp(db(), course.id, person('r3', { pool: 'on-site' }))).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(await pools(course.id)).toEqual({
      onSite: { seated: ['Deelnemer r1'], waiting: ['Deelnemer r2', 'Deelnemer r3'] },
      online: { seated: ['Deelnemer o1', 'Deelnemer o2'], waiting: ['Deelnemer o3'] },
    });
  });

  it('never overbooks either pool under many simultaneous sign-ups, and keeps each queue in order', async () => {
    const { course } = await hybrid(7, 5);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signUp(db(), course.id, person(`p${i}`, { pool: i % 2 ? 'online' : 'on-site' }))),
    );
    const rows = await db().select().from(registrations).where(eq(registrations.courseId, course.id));
    const count = (pool: string, status: string) => rows.filter((r) => r.pool === pool && r.status === status).length;
    expect(count('on-site', 'confirmed')).toBe(7);
    expect(count('online', 'confirmed')).toBe(5);
    expect(count('on-site', 'waitlisted')).toBe(13);
    expect(count('online', 'waitlisted')).toBe(15);
    // Each pool's waitlist positions are 1..n without gaps or doubles.
    for (const [pool, n] of [
      ['on-site', 13],
      ['online', 15],
    ] as const) {
      const positions = results
        .map((r, i) => ({ r, pool: i % 2 ? 'online' : 'on-site' }))
        .filter((x) => x.pool === pool && x.r.status === 'waitlisted')
        .map((x) => (x.r as { position: number }).position)
        .sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
  });

  it('offers a freed seat to the first on that pool’s waitlist only', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const { course } = await hybrid(1, 1, { claimWindowHours: 48 });
    const room = await signUp(db(), course.id, person('zaal', { pool: 'on-site' }));
    await signUp(db(), course.id, person('online', { pool: 'online' }));
    await signUp(db(), course.id, person('wacht-online', { pool: 'online' }));
    await signUp(db(), course.id, person('wacht-zaal', { pool: 'on-site' }));
    await cancelRegistration(db(), idOf(room), 'participant');
    const state = await pools(course.id);
    // The room's seat went to the room's waitlist, although someone waited longer online.
    expect(state.onSite.seated).toEqual(['Deelnemer wacht-zaal']);
    expect(state.online.waiting).toEqual(['Deelnemer wacht-online']);
    expect(await emailsTo(db(), 'deelnemer-wacht-zaal@example.nl', 'seat-offered')).toHaveLength(1);
    expect(await emailsTo(db(), 'deelnemer-wacht-online@example.nl', 'seat-offered')).toHaveLength(0);
    setClock(undefined);
  });
});

describe('what each pool is told', () => {
  it('gives online people the link and no address, people in the room the address and no link, in email and calendar', async () => {
    const { course } = await hybrid(5, 5, { startsInDays: 10 });
    const online = await signUp(db(), course.id, person('link', { pool: 'online' }));
    const room = await signUp(db(), course.id, person('adres', { pool: 'on-site' }));
    const [toOnline] = await emailsTo(db(), 'deelnemer-link@example.nl', 'registration-confirmed');
    const [toRoom] = await emailsTo(db(), 'deelnemer-adres@example.nl', 'registration-confirmed');
    expect(toOnline!.props).toMatchObject({ onlineUrl: LINK, venue: 'Online' });
    expect(JSON.stringify(toOnline!.props)).not.toContain('Grote Kerkplein');
    expect(toRoom!.props).toMatchObject({ onlineUrl: null, venue: ROOM });
    const ics = (mail: typeof toOnline) => Buffer.from(mail!.attachments![0]!.content, 'base64').toString('utf8').replace(/\r\n /g, '');
    expect(ics(toOnline)).toContain(`LOCATION:${LINK}`);
    expect(ics(toOnline)).not.toContain('Kerkplein');
    expect(ics(toRoom)).toContain('LOCATION:Raadszaal\\, Grote Kerkplein 15\\, Zwolle');
    expect(ics(toRoom)).not.toContain(LINK);
    // The manage page's calendar download follows the pool too.
    const found = await findRegistrationByLink(db(), (online as { manageToken: string }).manageToken);
    expect(calendarDownload(found!.ctx, found!.registration)?.content.replace(/\r\n /g, '')).toContain(`LOCATION:${LINK}`);
    // And the reminder: the link for online, the address for the room.
    setClock(new Date(Date.now() + 9 * 24 * HOUR));
    await sendReminders(db());
    setClock(undefined);
    const [remindOnline] = await emailsTo(db(), 'deelnemer-link@example.nl', 'course-reminder');
    const [remindRoom] = await emailsTo(db(), 'deelnemer-adres@example.nl', 'course-reminder');
    expect(remindOnline!.props).toMatchObject({ onlineUrl: LINK, venue: 'Online' });
    expect(remindRoom!.props).toMatchObject({ onlineUrl: null, venue: ROOM });
    expect(idOf(room)).toBeTruthy();
  });
});

describe('switching pools', () => {
  it('moves a seat to the other pool while it has room, frees the old seat for that pool’s waitlist, and never holds two', async () => {
    const { course } = await hybrid(1, 2, { claimWindowHours: 0 });
    const mover = await signUp(db(), course.id, person('wissel', { pool: 'on-site' }));
    await signUp(db(), course.id, person('wacht', { pool: 'on-site' }));
    expect(await switchPool(db(), idOf(mover), 'online')).toEqual({ status: 'switched', pool: 'online' });
    expect(await pools(course.id)).toEqual({
      onSite: { seated: ['Deelnemer wacht'], waiting: [] },
      online: { seated: ['Deelnemer wissel'], waiting: [] },
    });
    // A new confirmation with the link, and the waiting person got the room's seat.
    const confirmations = await emailsTo(db(), 'deelnemer-wissel@example.nl', 'registration-confirmed');
    expect(confirmations.at(-1)!.props).toMatchObject({ onlineUrl: LINK, venue: 'Online' });
    expect(await emailsTo(db(), 'deelnemer-wacht@example.nl', 'registration-confirmed')).toHaveLength(1);
    // Back to the room: it is full now.
    expect(await switchPool(db(), idOf(mover), 'on-site')).toEqual({ status: 'no-seat' });
    expect(await switchPool(db(), idOf(mover), 'online')).toEqual({ status: 'not-switchable' });
  });

  it('gives the last free seat to one of two people switching at once, never to both', async () => {
    const { course } = await hybrid(2, 1);
    const a = await signUp(db(), course.id, person('a', { pool: 'on-site' }));
    const b = await signUp(db(), course.id, person('b', { pool: 'on-site' }));
    const results = await Promise.all([switchPool(db(), idOf(a), 'online'), switchPool(db(), idOf(b), 'online')]);
    expect(results.map((r) => r.status).sort()).toEqual(['no-seat', 'switched']);
    const state = await pools(course.id);
    expect(state.online.seated).toHaveLength(1);
    expect(state.onSite.seated).toHaveLength(1);
  });

  it('takes someone off a full pool’s waitlist into a free seat of the other', async () => {
    const { course } = await hybrid(1, 1);
    await signUp(db(), course.id, person('vol', { pool: 'on-site' }));
    const waiting = await signUp(db(), course.id, person('wachtend', { pool: 'on-site' }));
    expect(await switchPool(db(), idOf(waiting), 'online')).toEqual({ status: 'switched', pool: 'online' });
    expect((await pools(course.id)).online.seated).toEqual(['Deelnemer wachtend']);
  });

  it('is only for hybrid courses', async () => {
    const { course } = await createCourse(db(), { capacity: 3 });
    const r = await signUp(db(), course.id, person('fysiek', { pool: 'online' }));
    const [row] = await db()
      .select()
      .from(registrations)
      .where(eq(registrations.id, idOf(r)));
    // An in-person course has one pool, whatever the form sent.
    expect(row!.pool).toBe('on-site');
    expect(await switchPool(db(), idOf(r), 'online')).toEqual({ status: 'not-switchable' });
  });

  it('shows the pool and the switch on the person’s account', async () => {
    const { course } = await hybrid(2, 2);
    const user = { id: '00000000-0000-4000-8000-00000000a001', email: 'deelnemer-acc@example.nl', emailVerifiedAt: new Date() };
    await signUp(db(), course.id, person('acc', { pool: 'online' }));
    const [mine] = await registrationsOfUser(db(), user);
    expect(mine).toMatchObject({ pool: 'online', canSwitch: true });
  });
});

describe('the coordinator', () => {
  const scopeOf = (organisationId: string) => ({ organisationIds: [organisationId] });

  it('sees the pool per person with positions per pool, and adds people to a chosen pool', async () => {
    const { course, organisation } = await hybrid(1, 1);
    await signUp(db(), course.id, person('z1', { pool: 'on-site' }));
    await signUp(db(), course.id, person('z2', { pool: 'on-site' }));
    await signUp(db(), course.id, person('o1', { pool: 'online' }));
    await signUp(db(), course.id, person('o2', { pool: 'online' }));
    const list = await courseRegistrations(db(), scopeOf(organisation.id), course.id);
    const byName = Object.fromEntries(list!.people.map((p) => [p.name, { pool: p.pool, position: p.position }]));
    expect(byName).toEqual({
      'Deelnemer z1': { pool: 'on-site', position: null },
      'Deelnemer z2': { pool: 'on-site', position: 1 },
      'Deelnemer o1': { pool: 'online', position: null },
      'Deelnemer o2': { pool: 'online', position: 1 },
    });
    const added = await addRegistrationByCoordinator(db(), scopeOf(organisation.id), course.id, {
      name: 'Op papier',
      email: 'papier@example.nl',
      municipalityCode: 'GM0193',
      locale: 'nl',
      pool: 'online',
    });
    expect(added).toEqual({ status: 'waitlisted', position: 2 });
  });

  it('cannot set a pool’s seats below the seats taken in it; a course that stops being hybrid needs room for both', async () => {
    const { course, organisation } = await hybrid(3, 3);
    await signUp(db(), course.id, person('s1', { pool: 'online' }));
    await signUp(db(), course.id, person('s2', { pool: 'online' }));
    await signUp(db(), course.id, person('s3', { pool: 'on-site' }));
    const input = {
      title: course.title,
      description: course.description,
      municipalityCode: course.municipalityCode,
      format: 'hybrid' as const,
      locationName: course.locationName,
      address: course.address,
      onlineUrl: LINK,
      language: 'nl' as const,
      cost: 0,
      capacity: 3,
      onlineCapacity: 1,
      registrationOpensAt: null,
      registrationClosesAt: null,
      cancellationDeadline: null,
      claimWindowHours: 48,
      reminderDaysBefore: 2,
      accessibilityInfo: '',
    };
    const scope = scopeOf(organisation.id);
    expect(await updateCourse(db(), scope, course.id, input)).toMatchObject({
      status: 'capacity-below-taken',
      taken: 2,
      pool: 'online',
      field: 'onlineCapacity',
    });
    expect(await updateCourse(db(), scope, course.id, { ...input, format: 'in-person', capacity: 2 })).toMatchObject({
      status: 'capacity-below-taken',
      taken: 3,
      field: 'capacity',
    });
    expect((await updateCourse(db(), scope, course.id, { ...input, format: 'in-person', capacity: 3 })).status).toBe('saved');
    const rows = await db()
      .select()
      .from(registrations)
      .where(and(eq(registrations.courseId, course.id)));
    expect(new Set(rows.map((r) => r.pool))).toEqual(new Set(['on-site']));
  });

  it('copies both capacities with the course', async () => {
    const { course, organisation } = await hybrid(12, 30);
    const copyId = await copyCourse(db(), { organisationIds: [organisation.id] }, course.id, null as unknown as string, {
      title: 'Volgend jaar',
    });
    const [copy] = await db().select().from(courses).where(eq(courses.id, copyId!));
    expect(copy).toMatchObject({ format: 'hybrid', capacity: 12, onlineCapacity: 30, status: 'draft' });
  });
});
