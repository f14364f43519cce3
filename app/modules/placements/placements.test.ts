import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  academies,
  academyApplications,
  academyHosts,
  emailMessages,
  organisations,
  placementHosts,
  placementPreferences,
  placements,
} from '~db/schema';
import { calendarsOf } from '../../../test/calendar';
import { setupTestDatabase } from '../../../test/database';
import { createUser } from '../../../test/mentoring';
import { now, setClock } from '../clock.server';
import { hostsOfAcademy, acceptHostInvitation, checkHostInvitation, hostOf, inviteHost, saveHostProfile } from './hosts.server';
import { editSlot, offerSlot, participationOf, savePreferences, slotHasParticipants, slotsOfAcademy, withdrawSlot } from './slots.server';
import { placementOverview, processPlacementRun, publishPlacements, setPlacementRule, startPlacementRun } from './assignment.server';
import {
  callOffAsCoordinator,
  callOffAsHost,
  callOffAsParticipant,
  hasHeldPlacement,
  placementsOfHost,
  respondToPlacement,
} from './responses.server';
import { exportPlacementData } from './privacy.server';
import { exportPersonalData } from '../privacy/export.server';
import { deleteAccount } from '../privacy/deletion.server';

const t = setupTestDatabase();
const db = () => t.handle.db;
afterEach(() => setClock(undefined));

const start = new Date('2027-03-01T10:00:00Z');
const ZWOLLE = 'GM0193';
const AMSTERDAM = 'GM0363';

let n = 0;
async function makeAcademy() {
  n++;
  const [org] = await db()
    .insert(organisations)
    .values({ name: `Genootschap ${n}`, slug: `genootschap-pl-${n}`, kind: 'association' })
    .returning();
  const [academy] = await db()
    .insert(academies)
    .values({ organisationId: org!.id, name: `Oriëntatieprogramma ${n}`, eligibleOffices: ['mayor'] })
    .returning();
  return { organisation: org!, academy: academy! };
}

/** Accepted applications (the cohort), written as the selection leaves them. */
async function cohort(academyId: string, homes: (string | null)[]) {
  const people = [];
  for (const home of homes) {
    const person = await createUser(db());
    const [application] = await db()
      .insert(academyApplications)
      .values({
        academyId,
        userId: person.id,
        municipalityCode: home,
        status: 'accepted',
        motivation: 'm',
        focusGroups: ['women'],
        disability: true,
      })
      .returning();
    people.push({ person, application: application! });
  }
  return people;
}

const emailsTo = (email: string, template: string) =>
  db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, email), eq(emailMessages.template, template)))
    .orderBy(emailMessages.createdAt);

/** A host invited to the academy by email, who accepts with their own account and fills in the profile. */
async function host(academy: { id: string; name: string }, office: 'mayor' | 'alderman', municipalityCode: string) {
  const user = await createUser(db());
  const coordinator = await createUser(db());
  expect(
    await inviteHost(
      db(),
      { academy, organisationName: 'Genootschap', invitedBy: { id: coordinator.id, name: 'Petra' }, locale: 'nl' },
      { name: user.name, email: user.email },
    ),
  ).toBe('invited');
  const [mail] = await emailsTo(user.email, 'placement-host-invitation');
  const token = (mail!.props as { url: string }).url.split('/').pop()!;
  expect((await checkHostInvitation(db(), token)).ok).toBe(true);
  const stranger = await createUser(db());
  expect(await acceptHostInvitation(db(), token, stranger)).toEqual({ ok: false, problem: 'other-account' });
  expect((await acceptHostInvitation(db(), token, user)).ok).toBe(true);
  expect(await acceptHostInvitation(db(), token, user)).toEqual({ ok: false, problem: 'used' });
  const profile = (await hostOf(db(), user.id))!;
  expect(await saveHostProfile(db(), profile.id, { name: user.name, office, municipalityCode })).toBe('saved');
  return { user, profile };
}

async function runAndWait(academyId: string) {
  const started = await startPlacementRun(db(), academyId, null);
  expect(started.status).toBe('started');
  expect((await startPlacementRun(db(), academyId, null)).status).toBe('busy');
  await processPlacementRun(db(), started.runId);
  return started.runId;
}

describe('placements', () => {
  it('invites hosts (one profile per person across academies), assigns with the engine within capacity, pins, forbids and publishes', async () => {
    setClock(start);
    const { academy } = await makeAcademy();
    const { academy: other } = await makeAcademy();
    const mayor = await host(academy, 'mayor', ZWOLLE);
    const alderman = await host(academy, 'alderman', AMSTERDAM);
    // The same person invited by a second academy keeps one profile.
    const coordinator = await createUser(db());
    await inviteHost(
      db(),
      { academy: other, organisationName: 'X', invitedBy: { id: coordinator.id, name: 'C' }, locale: 'nl' },
      { name: 'Burgemeester', email: mayor.user.email },
    );
    const [second] = (await emailsTo(mayor.user.email, 'placement-host-invitation')).slice(-1);
    expect((await acceptHostInvitation(db(), (second!.props as { url: string }).url.split('/').pop(), mayor.user)).ok).toBe(true);
    expect((await db().select().from(placementHosts).where(eq(placementHosts.userId, mayor.user.id))).length).toBe(1);
    expect((await db().select().from(academyHosts).where(eq(academyHosts.hostId, mayor.profile.id))).length).toBe(2);
    expect((await hostsOfAcademy(db(), academy.id)).hosts.map((h) => h.office).sort()).toEqual(['alderman', 'mayor']);

    const slot = { startsOn: '2027-04-12', endsOn: '2027-04-14', capacity: 1, note: '' };
    expect(await offerSlot(db(), mayor.profile.id, { ...slot, academyId: academy.id, municipalityCode: ZWOLLE })).toBe('offered');
    expect(await offerSlot(db(), alderman.profile.id, { ...slot, academyId: academy.id, municipalityCode: AMSTERDAM })).toBe('offered');
    // Not a host of that academy: refused.
    const { academy: foreign } = await makeAcademy();
    expect(await offerSlot(db(), alderman.profile.id, { ...slot, academyId: foreign.id, municipalityCode: AMSTERDAM })).toBe('not-found');
    const slots = await slotsOfAcademy(db(), academy.id);
    const zwolle = slots.find((s) => s.municipalityCode === ZWOLLE)!;
    const amsterdam = slots.find((s) => s.municipalityCode === AMSTERDAM)!;

    const [a, b, c] = await cohort(academy.id, [ZWOLLE, AMSTERDAM, ZWOLLE]);
    // Another person cannot reach someone's preferences.
    expect(await participationOf(db(), b!.person.id, a!.application.id)).toBeNull();
    const pa = (await participationOf(db(), a!.person.id, a!.application.id))!;
    await savePreferences(db(), pa, [
      { slotId: amsterdam.id, rank: 1 },
      { slotId: zwolle.id, rank: 2 },
    ]);
    await savePreferences(db(), (await participationOf(db(), c!.person.id, c!.application.id))!, [{ slotId: zwolle.id, rank: 1 }]);

    await runAndWait(academy.id);
    let overview = await placementOverview(db(), academy.id);
    // Capacity 1 + 1: two of the three are placed, each slot once.
    expect(overview.run?.status).toBe('draft');
    expect(overview.placements).toHaveLength(2);
    expect(new Set(overview.placements.map((p) => p.slotId)).size).toBe(2);
    expect(overview.unplaced).toHaveLength(1);
    // The optimum: a gets its first choice (Amsterdam), c its first choice and home (Zwolle, a mayor).
    const pairOf = (applicationId: string) => overview.placements.find((p) => p.applicationId === applicationId);
    expect(pairOf(a!.application.id)?.slotId).toBe(amsterdam.id);
    expect(pairOf(c!.application.id)?.slotId).toBe(zwolle.id);
    expect(pairOf(c!.application.id)?.score).toBe(100);
    expect(pairOf(c!.application.id)?.reasons.map((r) => r.nl)).toEqual([
      'Keuze 1 van de deelnemer (+50)',
      'Woont in Zwolle (+25)',
      'De academie leidt op tot burgemeester (+25)',
    ]);

    // Pin b to Zwolle and forbid a in Amsterdam: the next run keeps the pin and never pairs a with Amsterdam.
    const me = await createUser(db());
    expect(await setPlacementRule(db(), academy.id, { applicationId: b!.application.id, slotId: zwolle.id, kind: 'pin' }, me.id)).toBe(
      'saved',
    );
    expect(
      await setPlacementRule(db(), academy.id, { applicationId: a!.application.id, slotId: amsterdam.id, kind: 'forbid' }, me.id),
    ).toBe('saved');
    expect(await setPlacementRule(db(), other.id, { applicationId: a!.application.id, slotId: amsterdam.id, kind: 'forbid' }, me.id)).toBe(
      'not-found',
    );
    const runId = await runAndWait(academy.id);
    overview = await placementOverview(db(), academy.id);
    expect(overview.placements.map((p) => [p.applicationId, p.slotId]).sort()).toEqual(
      [
        [b!.application.id, zwolle.id],
        [c!.application.id, amsterdam.id],
      ].sort(),
    );
    expect(overview.placements.every((p) => p.runId === runId)).toBe(true);

    expect(await publishPlacements(db(), academy.id, runId)).toEqual({ status: 'published', proposed: 2, skipped: 0 });
    expect(await publishPlacements(db(), academy.id, runId)).toEqual({ status: 'not-draft' });
    const [proposal] = await emailsTo(mayor.user.email, 'placement-proposed');
    expect(proposal!.props).toMatchObject({ participantName: b!.person.name, participantMunicipality: 'Amsterdam' });

    // The host sees the participant's name and municipality, and no special-category data.
    const seen = await placementsOfHost(db(), mayor.profile.id);
    expect(seen).toHaveLength(1);
    expect(Object.keys(seen[0]!).sort()).toEqual([
      'academyName',
      'declineReason',
      'endsOn',
      'id',
      'participant',
      'participantMunicipality',
      'slotId',
      'startsOn',
      'status',
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/women|disability/);

    // Another host cannot answer it; the host accepts; both get the details with a calendar invitation.
    expect(await respondToPlacement(db(), alderman.user.id, seen[0]!.id, { accept: true })).toBe('not-found');
    expect(await respondToPlacement(db(), mayor.user.id, seen[0]!.id, { accept: true })).toBe('accepted');
    expect(await respondToPlacement(db(), mayor.user.id, seen[0]!.id, { accept: false, reason: 'te laat' })).toBe('not-possible');
    for (const email of [mayor.user.email, b!.person.email]) {
      const [mail] = await emailsTo(email, 'placement-confirmed');
      const [calendar] = calendarsOf(mail!);
      expect(calendar!.method).toBe('REQUEST');
      expect(calendar!.contentType).toContain('method=REQUEST');
      expect(calendar!.events).toHaveLength(1);
      expect(calendar!.events[0]).toMatchObject({ uid: `placement-${seen[0]!.id}@politiekactief`, sequence: 0, status: 'CONFIRMED' });
      expect(calendar!.events[0]!.attendees.sort()).toEqual([mayor.user.email, b!.person.email].sort());
    }
    const [confirmation] = await emailsTo(b!.person.email, 'placement-confirmed');
    const event = calendarsOf(confirmation!)[0]!.events[0]!;
    expect(event.start.toISOString().slice(0, 10)).toBe('2027-04-12');
    expect(event.end.toISOString().slice(0, 10)).toBe('2027-04-15');

    // Held only once its last day has passed (in Dutch time).
    expect(await hasHeldPlacement(db(), b!.application.id)).toBe(false);
    setClock(new Date('2027-04-14T21:00:00Z'));
    expect(await hasHeldPlacement(db(), b!.application.id)).toBe(false);
    setClock(new Date('2027-04-14T23:30:00Z'));
    expect(await hasHeldPlacement(db(), b!.application.id)).toBe(true);
    expect(await hasHeldPlacement(db(), c!.application.id)).toBe(false);
  });

  it('takes exactly one of an accept and a decline that arrive at once', async () => {
    setClock(start);
    const { academy } = await makeAcademy();
    const mayor = await host(academy, 'mayor', ZWOLLE);
    await offerSlot(db(), mayor.profile.id, {
      academyId: academy.id,
      startsOn: '2027-04-12',
      endsOn: '2027-04-12',
      capacity: 2,
      municipalityCode: ZWOLLE,
      note: '',
    });
    await cohort(academy.id, [ZWOLLE]);
    const runId = await runAndWait(academy.id);
    await publishPlacements(db(), academy.id, runId);
    const [proposed] = await placementsOfHost(db(), mayor.profile.id);
    const outcomes = await Promise.all([
      respondToPlacement(db(), mayor.user.id, proposed!.id, { accept: true }),
      respondToPlacement(db(), mayor.user.id, proposed!.id, { accept: false, reason: 'Ziek' }),
      respondToPlacement(db(), mayor.user.id, proposed!.id, { accept: true }),
    ]);
    expect(outcomes.filter((o) => o !== 'not-possible')).toHaveLength(1);
    const [row] = await db().select().from(placements).where(eq(placements.id, proposed!.id));
    const won = outcomes.find((o) => o !== 'not-possible');
    expect(row!.status).toBe(won);
    // Calendar emails only when the accept won, and then once for each person.
    expect((await emailsTo(mayor.user.email, 'placement-confirmed')).length).toBe(won === 'accepted' ? 1 : 0);
  });

  it('exports a host’s and a participant’s placement data, and the account deletion empties it', async () => {
    setClock(start);
    const { academy } = await makeAcademy();
    const mayor = await host(academy, 'mayor', ZWOLLE);
    await offerSlot(db(), mayor.profile.id, {
      academyId: academy.id,
      startsOn: '2027-04-12',
      endsOn: '2027-04-12',
      capacity: 1,
      municipalityCode: ZWOLLE,
      note: 'Gemeentehuis, 9 uur',
    });
    const [p] = await cohort(academy.id, [ZWOLLE]);
    const [slot] = await slotsOfAcademy(db(), academy.id);
    await savePreferences(db(), { applicationId: p!.application.id, academyId: academy.id }, [{ slotId: slot!.id, rank: 1 }]);
    const runId = await runAndWait(academy.id);
    await publishPlacements(db(), academy.id, runId);

    const asHost = await exportPlacementData(db(), mayor.user.id);
    expect(asHost.placementHostProfile).toMatchObject({ name: mayor.user.name, office: 'mayor' });
    expect(asHost.placementSlotsOffered).toEqual([expect.objectContaining({ note: 'Gemeentehuis, 9 uur', place: 'Zwolle' })]);
    expect(asHost.placementsHosted).toEqual([expect.objectContaining({ status: 'proposed' })]);
    // The accepted invitation is in the export's one invitations part (ADR 022).
    const exported = (await exportPersonalData(db(), mayor.user.id))!;
    expect(exported.invitations).toEqual([
      expect.objectContaining({ kind: 'host', academy: academy.name, acceptedAt: expect.any(String) }),
    ]);
    const asParticipant = await exportPlacementData(db(), p!.person.id);
    expect(asParticipant.placementPreferences).toEqual([{ applicationId: p!.application.id, slotId: slot!.id, rank: 1 }]);
    expect(asParticipant.placements).toEqual([expect.objectContaining({ status: 'proposed' })]);

    await deleteAccount(db(), p!.person.id);
    expect(await db().select().from(placementPreferences).where(eq(placementPreferences.applicationId, p!.application.id))).toEqual([]);
    const [gone] = await db().select().from(placements).where(eq(placements.applicationId, p!.application.id));
    // The proposal still to come is called off; the host is told by email (no calendar file: they had none).
    expect(gone).toMatchObject({ status: 'cancelled', cancelledBy: 'left' });
    const [told] = await emailsTo(mayor.user.email, 'placement-update');
    expect(told!.props).toMatchObject({ change: 'called-off', by: 'left', otherName: '', calendar: false });
    expect(calendarsOf(told!)).toEqual([]);

    await deleteAccount(db(), mayor.user.id);
    const [emptied] = await db().select().from(placementHosts).where(eq(placementHosts.id, mayor.profile.id));
    expect(emptied).toMatchObject({ userId: null, name: '' });
    expect(await db().select().from(academyHosts).where(eq(academyHosts.hostId, mayor.profile.id))).toEqual([]);
    expect((await slotsOfAcademy(db(), academy.id))[0]!.note).toBe('');
    expect(now()).toEqual(start);
  });

  describe('changing, withdrawing and calling off (calendar REQUEST and CANCEL read back with ical.js)', () => {
    const day = { startsOn: '2027-04-12', endsOn: '2027-04-14', municipalityCode: ZWOLLE, note: 'Stadhuis, 9 uur' };

    /** A slot of capacity 2 with two participants proposed, and the first one accepted. */
    async function placed() {
      setClock(start);
      const { academy } = await makeAcademy();
      const mayor = await host(academy, 'mayor', ZWOLLE);
      await offerSlot(db(), mayor.profile.id, { ...day, academyId: academy.id, capacity: 2 });
      const [a, b] = await cohort(academy.id, [ZWOLLE, AMSTERDAM]);
      await publishPlacements(db(), academy.id, await runAndWait(academy.id));
      const rows = await placementsOfHost(db(), mayor.profile.id);
      const of = (id: string) => rows.find((r) => r.participant === (id === 'a' ? a!.person.name : b!.person.name))!;
      expect(await respondToPlacement(db(), mayor.user.id, of('a').id, { accept: true })).toBe('accepted');
      return { academy, mayor, a: a!, b: b!, placementA: of('a').id, placementB: of('b').id, slotId: rows[0]!.slotId };
    }
    const lastTo = async (email: string, template: string) => (await emailsTo(email, template)).at(-1)!;

    it('a changed slot sends both an updated REQUEST (next SEQUENCE); withdrawing it calls both placements off with a CANCEL', async () => {
      const { academy, mayor, a, b, placementA, placementB, slotId } = await placed();
      const uid = `placement-${placementA}@politiekactief`;
      // Only the host's own slot, and never below the participants it holds.
      const stranger = await host(academy, 'alderman', AMSTERDAM);
      expect(await editSlot(db(), stranger.profile.id, slotId, { ...day, academyId: academy.id, capacity: 2 })).toBe('not-found');
      expect(await editSlot(db(), mayor.profile.id, slotId, { ...day, academyId: academy.id, capacity: 1 })).toBe('below-taken');
      expect(
        await editSlot(db(), mayor.profile.id, slotId, { ...day, academyId: academy.id, capacity: 2, municipalityCode: 'GM9999' }),
      ).toBe('unknown-municipality');
      expect(
        await editSlot(db(), mayor.profile.id, slotId, {
          ...day,
          startsOn: '2027-04-13',
          endsOn: '2027-04-15',
          academyId: academy.id,
          capacity: 3,
        }),
      ).toBe('saved');
      for (const email of [mayor.user.email, a.person.email]) {
        const mail = await lastTo(email, 'placement-update');
        expect(mail.props).toMatchObject({ change: 'changed' });
        const [file] = calendarsOf(mail);
        expect(file).toMatchObject({ method: 'REQUEST', filename: 'meeloopstage.ics' });
        expect(file!.events[0]).toMatchObject({ uid, sequence: 1, status: 'CONFIRMED' });
        expect(file!.events[0]!.start.toISOString().slice(0, 10)).toBe('2027-04-13');
        expect(file!.events[0]!.end.toISOString().slice(0, 10)).toBe('2027-04-16');
      }
      // b's placement is only proposed: b never had a file, and gets no change email.
      expect(await emailsTo(b.person.email, 'placement-update')).toEqual([]);

      expect(await slotHasParticipants(db(), mayor.profile.id, slotId)).toBe(true);
      expect(await withdrawSlot(db(), { id: stranger.profile.id, userId: stranger.user.id }, slotId)).toEqual({ status: 'not-found' });
      expect(await withdrawSlot(db(), { id: mayor.profile.id, userId: mayor.user.id }, slotId)).toEqual({
        status: 'withdrawn',
        calledOff: 2,
      });
      expect(await withdrawSlot(db(), { id: mayor.profile.id, userId: mayor.user.id }, slotId)).toEqual({ status: 'not-found' });
      for (const email of [mayor.user.email, a.person.email]) {
        const mail = await lastTo(email, 'placement-update');
        expect(mail.props).toMatchObject({ change: 'called-off', by: 'slot-withdrawn', byYou: email === mayor.user.email, calendar: true });
        const [file] = calendarsOf(mail);
        expect(file).toMatchObject({ method: 'CANCEL', filename: 'meeloopstage-afgezegd.ics' });
        expect(file!.contentType).toContain('method=CANCEL');
        expect(file!.events[0]).toMatchObject({ uid, sequence: 2, status: 'CANCELLED' });
        expect(file!.events[0]!.attendees.sort()).toEqual([mayor.user.email, a.person.email].sort());
      }
      // The proposal: b is told by email only; the host who withdrew it gets nothing about b.
      const toB = await lastTo(b.person.email, 'placement-update');
      expect(toB.props).toMatchObject({ change: 'called-off', by: 'slot-withdrawn', calendar: false });
      expect(calendarsOf(toB)).toEqual([]);
      expect(
        (await emailsTo(mayor.user.email, 'placement-update')).filter((m) => (m.props as { calendar: boolean }).calendar === false),
      ).toEqual([]);
      const rows = await db().select().from(placements).where(eq(placements.slotId, slotId));
      expect(rows.map((r) => [r.id, r.status, r.cancelledBy]).sort()).toEqual(
        [
          [placementA, 'cancelled', 'slot-withdrawn'],
          [placementB, 'cancelled', 'slot-withdrawn'],
        ].sort(),
      );
      // Both are free again; the withdrawn slot is offered no more.
      expect(await slotsOfAcademy(db(), academy.id)).toEqual([]);
      expect((await placementOverview(db(), academy.id)).unplaced.map((u) => u.id).sort()).toEqual(
        [a.application.id, b.application.id].sort(),
      );
    });

    it('the host, the participant or the coordinator calls an accepted placement off: both get a CANCEL', async () => {
      for (const who of ['host', 'participant', 'coordinator'] as const) {
        const { academy, mayor, a, placementA } = await placed();
        const coordinator = await createUser(db());
        const outcome =
          who === 'host'
            ? await callOffAsHost(db(), mayor.user.id, placementA)
            : who === 'participant'
              ? await callOffAsParticipant(db(), a.person.id, a.application.id, placementA)
              : await callOffAsCoordinator(db(), academy.id, placementA, coordinator.id);
        expect(outcome).toBe('called-off');
        for (const email of [mayor.user.email, a.person.email]) {
          const mail = await lastTo(email, 'placement-update');
          expect(mail.props).toMatchObject({ change: 'called-off', by: who });
          const [file] = calendarsOf(mail);
          expect(file!.method).toBe('CANCEL');
          expect(file!.events[0]).toMatchObject({ uid: `placement-${placementA}@politiekactief`, sequence: 1, status: 'CANCELLED' });
        }
        // Once is enough; other people cannot.
        expect(await callOffAsHost(db(), mayor.user.id, placementA)).toBe('not-possible');
        expect(await callOffAsParticipant(db(), mayor.user.id, a.application.id, placementA)).toBe('not-found');
        const { academy: other } = await makeAcademy();
        expect(await callOffAsCoordinator(db(), other.id, placementA, coordinator.id)).toBe('not-found');
      }
    });

    it('a placement already held is not called off; a deleted participant’s placement to come sends the host a CANCEL naming nobody', async () => {
      const { mayor, a, placementA } = await placed();
      setClock(new Date('2027-04-20T10:00:00Z'));
      expect(await callOffAsHost(db(), mayor.user.id, placementA)).toBe('not-possible');
      setClock(start);
      await deleteAccount(db(), a.person.id);
      const [row] = await db().select().from(placements).where(eq(placements.id, placementA));
      expect(row).toMatchObject({ status: 'cancelled', cancelledBy: 'left', sequence: 1 });
      const mail = await lastTo(mayor.user.email, 'placement-update');
      expect(mail.props).toMatchObject({ by: 'left', otherName: '' });
      const [file] = calendarsOf(mail);
      expect(file!.method).toBe('CANCEL');
      expect(file!.events[0]).toMatchObject({ uid: `placement-${placementA}@politiekactief`, sequence: 1 });
      expect(file!.events[0]!.attendees).toEqual([mayor.user.email]);
      expect(file!.events[0]!.summary).not.toContain(a.person.name);
    });
  });
});
