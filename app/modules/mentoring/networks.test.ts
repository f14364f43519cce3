import { parseWithZod } from '@conform-to/zod/v4';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emailMessages, matches, invitations, mentorProfiles, networkMentors, networks, users } from '~db/schema';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createApplication, createMentor, createNetwork, createUser } from '../../../test/mentoring';
import { verifyPassword } from '../auth/password.server';
import { DAY, advanceClock, setClock } from '../clock.server';
import { scorePartIds } from '../matching/scoring';
import { hashToken } from '../security/tokens.server';
import { acceptInvitation, acceptWithNewAccount, checkInvitation } from '../invitations/invitations.server';
import { inviteMentor, removeMentor, resendInvitation, revokeInvitation } from './networks/invitations.server';
import { applicationCounts, mentorsOfNetwork, networksOfOrganisations, pendingInvitations } from './networks/overview.server';
import { changeIntakeQuestions } from './networks/intake-questions.server';
import { mentorOverview, saveMentorProfile } from './networks/mentor-profile.server';
import { networkFormValues } from './networks/network.server';
import { mentorProfileSchema, networkSchema } from './networks/schemas';
import { provinceOptions } from './networks/geography.server';

const t = setupTestDatabase();
const db = () => t.handle.db;
const tr = translator('nl');

afterEach(() => setClock(undefined));

type Flat = Record<string, string | string[] | undefined>;

/** The form as the browser sends it: one entry per value, nothing for an unticked box. */
function formData(values: Flat) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

/** The network form's defaults flattened to field names (`weights.sameMunicipality`). */
function flatNetworkDefaults(): Flat {
  const { weights, ...rest } = networkFormValues() as { weights: Record<string, string> } & Flat;
  return { ...rest, ...Object.fromEntries(Object.entries(weights).map(([id, w]) => [`weights.${id}`, w])) };
}

/** The fields that have an error, sorted. */
const errorNames = (error: Record<string, string[] | null> | null | undefined) =>
  Object.entries(error ?? {})
    .filter(([, messages]) => messages?.length)
    .map(([name]) => name)
    .sort();

/** The token in the newest invitation email to the address. */
async function tokenFor(email: string) {
  const rows = await db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, email), eq(emailMessages.template, 'mentor-invitation')))
    .orderBy(emailMessages.createdAt);
  const props = rows.at(-1)?.props as { url: string } | undefined;
  return props?.url.split('/mentor/uitnodiging/')[1] ?? '';
}

async function networkWithCtx(fields: Parameters<typeof createNetwork>[1] = {}) {
  const network = await createNetwork(db(), fields);
  const coordinator = await createUser(db(), { name: 'Cor' });
  return {
    network,
    ctx: {
      network: { id: network.id, name: network.name },
      organisationName: 'Vereniging',
      invitedBy: { id: coordinator.id, name: 'Cor' },
      locale: 'nl' as const,
    },
  };
}

let geography: Awaited<ReturnType<typeof provinceOptions>>;
beforeAll(async () => {
  geography = await provinceOptions(db());
});

describe('geography', () => {
  it('has the 12 provinces and 342 municipalities', () => {
    expect(geography).toHaveLength(12);
    expect(geography.flatMap((p) => p.municipalities)).toHaveLength(342);
    expect(geography.find((p) => p.name === 'Overijssel')?.municipalities.some((m) => m.name === 'Zwolle')).toBe(true);
  });
});

describe('network form', () => {
  const valid = (): Flat => ({ ...flatNetworkDefaults(), name: 'Vrouwen in de raad', organisationId: 'org' });
  const parse = (values: Flat) =>
    parseWithZod(formData(values), { schema: networkSchema(tr, geography, ['org']), disableAutoCoercion: true });

  it('accepts the defaults with a name, and keeps the default weights', () => {
    const parsed = parse(valid());
    expect(parsed.status).toBe('success');
    if (parsed.status !== 'success') return;
    expect(parsed.value.regionKind).toBe('national');
    expect(parsed.value.regionCodes).toEqual([]);
    expect(Object.keys(parsed.value.weights).sort()).toEqual([...scorePartIds].sort());
    expect(parsed.value.proposalExpiryDays).toBe(14);
  });

  it('answers field errors and gives the values back', () => {
    const values = {
      ...valid(),
      name: '',
      organisationId: 'someone-else',
      regionKind: 'provinces',
      'weights.sameMunicipality': '101',
      proposalReminderDays: '12',
      periodStart: '2027-01-01',
      periodEnd: '2026-01-01',
    };
    const parsed = parse(values);
    expect(parsed.status).toBe('error');
    expect(errorNames(parsed.reply().error)).toEqual(
      ['name', 'organisationId', 'periodEnd', 'proposalExpiryDays', 'provinces', 'weights.sameMunicipality'].sort(),
    );
    expect(parsed.reply().initialValue?.periodStart).toBe('2027-01-01');
  });

  it('stores only the codes of the chosen kind of region, and refuses unknown codes', () => {
    const utrecht = geography.find((p) => p.name === 'Utrecht')!;
    const both = parse({ ...valid(), regionKind: 'provinces', provinces: [utrecht.code], municipalities: ['GM0193'] });
    expect(both.status === 'success' && both.value.regionCodes).toEqual([utrecht.code]);
    const municipal = parse({ ...valid(), regionKind: 'municipalities', municipalities: ['GM0193', 'GM0363'] });
    expect(municipal.status === 'success' && municipal.value.regionCodes).toEqual(['GM0193', 'GM0363']);
    const one = parse({ ...valid(), regionKind: 'municipalities', municipalities: 'GM0193' });
    expect(one.status === 'success' && one.value.regionCodes).toEqual(['GM0193']);
    const unknown = parse({ ...valid(), regionKind: 'municipalities', municipalities: 'GM9999' });
    expect(errorNames(unknown.reply().error)).toEqual(['municipalities']);
  });

  it('refuses all weights zero', () => {
    const values = valid();
    for (const id of scorePartIds) values[`weights.${id}`] = '0';
    const parsed = parse(values);
    expect(errorNames(parsed.reply().error)).toEqual(['weights']);
  });
});

describe('intake questions', () => {
  it('adds, edits, moves and removes questions', async () => {
    const network = await createNetwork(db());
    const q = { kind: 'text' as const, label: 'Waarom wil je een mentor?', options: [], required: true };
    expect(await changeIntakeQuestions(db(), network.id, { op: 'add', input: q })).toBe('saved');
    expect(await changeIntakeQuestions(db(), network.id, { op: 'add', input: { ...q, kind: 'yes-no', label: 'Heb je een partij?' } })).toBe(
      'saved',
    );
    let [row] = await db().select().from(networks).where(eq(networks.id, network.id));
    const [first, second] = row!.intakeQuestions;
    await changeIntakeQuestions(db(), network.id, { op: 'move', id: second!.id, direction: 'up' });
    await changeIntakeQuestions(db(), network.id, { op: 'edit', id: first!.id, input: { ...q, label: 'Wat wil je leren?' } });
    [row] = await db().select().from(networks).where(eq(networks.id, network.id));
    expect(row!.intakeQuestions.map((x) => x.label)).toEqual(['Heb je een partij?', 'Wat wil je leren?']);
    expect(await changeIntakeQuestions(db(), network.id, { op: 'remove', id: 'nope' })).toBe('not-found');
    await changeIntakeQuestions(db(), network.id, { op: 'remove', id: second!.id });
    [row] = await db().select().from(networks).where(eq(networks.id, network.id));
    expect(row!.intakeQuestions.map((x) => x.id)).toEqual([first!.id]);
  });
});

describe('invitations', () => {
  it('stores only a hash of the token, expiring in 14 days, and queues the email in the same transaction', async () => {
    const { network, ctx } = await networkWithCtx();
    const at = new Date('2026-03-01T10:00:00Z');
    setClock(at);
    const outcome = await inviteMentor(db(), ctx, { name: 'Fatima', email: ' Fatima@Example.nl ' });
    expect(outcome.status).toBe('invited');
    const token = await tokenFor('fatima@example.nl');
    expect(token.length).toBeGreaterThan(20);
    const [row] = await db().select().from(invitations).where(eq(invitations.networkId, network.id));
    expect(row!.email).toBe('fatima@example.nl');
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime()).toBe(at.getTime() + 14 * DAY);
    // A second invitation to the same address while the first works: refused, no second email.
    expect((await inviteMentor(db(), ctx, { name: 'Fatima', email: 'fatima@example.nl' })).status).toBe('already-invited');
    const mails = await db().select().from(emailMessages).where(eq(emailMessages.recipient, 'fatima@example.nl'));
    expect(mails).toHaveLength(1);
  });

  it('is single use and expires', async () => {
    const { ctx } = await networkWithCtx();
    setClock(new Date('2026-03-01T10:00:00Z'));
    await inviteMentor(db(), ctx, { name: 'Ahmed', email: 'ahmed@example.nl' });
    const token = await tokenFor('ahmed@example.nl');
    const ahmed = await createUser(db(), { email: 'ahmed@example.nl' });
    expect((await checkInvitation(db(), 'mentor', token)).ok).toBe(true);
    advanceClock(14 * DAY + 1000);
    expect(await checkInvitation(db(), 'mentor', token)).toEqual({ ok: false, problem: 'expired' });
    expect(await acceptInvitation(db(), 'mentor', token, ahmed)).toEqual({ ok: false, problem: 'expired' });
    setClock(new Date('2026-03-02T10:00:00Z'));
    expect((await acceptInvitation(db(), 'mentor', token, ahmed)).ok).toBe(true);
    expect(await acceptInvitation(db(), 'mentor', token, ahmed)).toEqual({ ok: false, problem: 'used' });
    expect(await checkInvitation(db(), 'mentor', 'made-up-token')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('links an existing account, only for the invited address', async () => {
    const { network, ctx } = await networkWithCtx();
    const existing = await createUser(db(), { email: 'bestaand@example.nl' });
    const other = await createUser(db(), { email: 'ander@example.nl' });
    await inviteMentor(db(), ctx, { name: 'Bestaand', email: 'bestaand@example.nl' });
    const token = await tokenFor('bestaand@example.nl');
    expect(await acceptInvitation(db(), 'mentor', token, other)).toEqual({ ok: false, problem: 'other-account' });
    const outcome = await acceptInvitation(db(), 'mentor', token, existing);
    expect(outcome.ok).toBe(true);
    const members = await mentorsOfNetwork(db(), network.id);
    expect(members.map((m) => m.email)).toEqual(['bestaand@example.nl']);
    expect(members[0]!.completedAt).toBeNull();
    // The account that existed is reused: no second user with that address.
    const rows = await db().select().from(users).where(eq(users.email, 'bestaand@example.nl'));
    expect(rows).toHaveLength(1);
  });

  it('creates a verified account for a new address, and nothing when the invitation cannot be used', async () => {
    const { network, ctx } = await networkWithCtx();
    await inviteMentor(db(), ctx, { name: 'Nieuw', email: 'nieuw@example.nl' });
    const token = await tokenFor('nieuw@example.nl');
    const outcome = await acceptWithNewAccount(db(), 'mentor', token, {
      name: 'Nina Nieuw',
      password: 'een-goed-wachtwoord',
      locale: 'en',
    });
    expect(outcome.ok).toBe(true);
    const [user] = await db().select().from(users).where(eq(users.email, 'nieuw@example.nl'));
    expect(user!.name).toBe('Nina Nieuw');
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(user!.locale).toBe('en');
    expect(await verifyPassword(user!.passwordHash!, 'een-goed-wachtwoord')).toBe(true);
    expect((await mentorsOfNetwork(db(), network.id)).map((m) => m.email)).toEqual(['nieuw@example.nl']);
    // Used: a second try creates nothing.
    expect(await acceptWithNewAccount(db(), 'mentor', token, { name: 'X', password: 'nog-een-wachtwoord', locale: 'nl' })).toEqual({
      ok: false,
      problem: 'used',
    });
  });

  it('does not create an account over an existing one', async () => {
    const { ctx } = await networkWithCtx();
    await inviteMentor(db(), ctx, { name: 'Twee', email: 'twee@example.nl' });
    const token = await tokenFor('twee@example.nl');
    const existing = await createUser(db(), { email: 'twee@example.nl', name: 'Oorspronkelijk' });
    expect(await acceptWithNewAccount(db(), 'mentor', token, { name: 'Kaper', password: 'een-goed-wachtwoord', locale: 'nl' })).toEqual({
      ok: false,
      problem: 'account-exists',
    });
    const [user] = await db().select().from(users).where(eq(users.id, existing.id));
    expect(user!.name).toBe('Oorspronkelijk');
    expect((await checkInvitation(db(), 'mentor', token)).ok).toBe(true);
  });

  it('re-sends with a new link (the old one stops working) and revokes', async () => {
    const { network, ctx } = await networkWithCtx();
    await inviteMentor(db(), ctx, { name: 'Rik', email: 'rik@example.nl' });
    const old = await tokenFor('rik@example.nl');
    const [pending] = await pendingInvitations(db(), network.id);
    expect(await resendInvitation(db(), ctx, pending!.id)).toBe('sent');
    const fresh = await tokenFor('rik@example.nl');
    expect(fresh).not.toBe(old);
    expect((await checkInvitation(db(), 'mentor', old)).ok).toBe(false);
    expect((await checkInvitation(db(), 'mentor', fresh)).ok).toBe(true);
    // Another network's id cannot touch it.
    const { ctx: otherCtx, network: other } = await networkWithCtx();
    expect(await resendInvitation(db(), otherCtx, pending!.id)).toBe('not-found');
    expect(await revokeInvitation(db(), other.id, pending!.id)).toBe('not-found');
    expect(await revokeInvitation(db(), network.id, pending!.id)).toBe('revoked');
    expect((await checkInvitation(db(), 'mentor', fresh)).ok).toBe(false);
    expect(await pendingInvitations(db(), network.id)).toHaveLength(0);
  });

  it('refuses to invite someone who already mentors in the network', async () => {
    const { network, ctx } = await networkWithCtx();
    const { user } = await createMentor(db(), [network.id]);
    expect((await inviteMentor(db(), ctx, { name: user.name, email: user.email.toUpperCase() })).status).toBe('already-mentor');
  });
});

describe('one mentor profile across networks', () => {
  it('keeps one profile and one capacity, used by proposed and active matches in every network', async () => {
    const a = await networkWithCtx();
    const b = await networkWithCtx();
    const mayor = await createUser(db(), { email: 'burgemeester@example.nl' });
    await inviteMentor(db(), a.ctx, { name: 'Burgemeester', email: mayor.email });
    await inviteMentor(db(), b.ctx, { name: 'Burgemeester', email: mayor.email });
    const first = await acceptInvitation(db(), 'mentor', await tokenFor(mayor.email), mayor);
    // tokenFor returns the newest email: network b's; accept a's by its own email.
    expect(first.ok).toBe(true);
    const all = await db().select().from(emailMessages).where(eq(emailMessages.recipient, mayor.email)).orderBy(emailMessages.createdAt);
    const tokenA = (all[0]!.props as { url: string }).url.split('/mentor/uitnodiging/')[1]!;
    const second = await acceptInvitation(db(), 'mentor', tokenA, mayor);
    expect(second.ok).toBe(true);
    const profiles = await db().select().from(mentorProfiles).where(eq(mentorProfiles.userId, mayor.id));
    expect(profiles).toHaveLength(1);
    const memberships = await db().select().from(networkMentors).where(eq(networkMentors.mentorProfileId, profiles[0]!.id));
    expect(memberships.map((m) => m.networkId).sort()).toEqual([a.network.id, b.network.id].sort());

    await db().update(mentorProfiles).set({ capacity: 2 }).where(eq(mentorProfiles.id, profiles[0]!.id));
    const inA = await createApplication(db(), a.network.id);
    const inB = await createApplication(db(), b.network.id);
    const inB2 = await createApplication(db(), b.network.id);
    await db()
      .insert(matches)
      .values([
        { networkId: a.network.id, applicationId: inA.application.id, mentorProfileId: profiles[0]!.id, status: 'active', score: 50 },
        { networkId: b.network.id, applicationId: inB.application.id, mentorProfileId: profiles[0]!.id, status: 'proposed', score: 40 },
        { networkId: b.network.id, applicationId: inB2.application.id, mentorProfileId: profiles[0]!.id, status: 'declined', score: 40 },
      ]);
    for (const network of [a.network, b.network]) {
      const [row] = await mentorsOfNetwork(db(), network.id);
      expect(row).toMatchObject({ capacity: 2, used: 2 });
    }
    expect((await mentorOverview(db(), profiles[0]!.id)).used).toBe(2);
    expect(await applicationCounts(db(), b.network.id)).toMatchObject({ waiting: 2 });
    // Not while the mentor has a live match in the network.
    expect(await removeMentor(db(), b.network.id, profiles[0]!.id)).toBe('live-matches');
  });

  it('saves the profile and marks it complete', async () => {
    const network = await createNetwork(db());
    const { profile } = await createMentor(db(), [network.id], { completedAt: null });
    const schema = mentorProfileSchema(tr, new Set(['GM0193', 'GM0363']));
    const parse = (values: Flat) => parseWithZod(formData(values), { schema, disableAutoCoercion: true });
    const bad = parse({ office: 'king', municipalityCode: 'GM9999', capacity: '11', themes: 'nope', phone: 'bel me' });
    expect(bad.status).toBe('error');
    expect(errorNames(bad.reply().error)).toEqual(
      ['capacity', 'languages', 'meetingModes', 'municipalityCode', 'office', 'phone', 'themes'].sort(),
    );
    const good = parse({
      office: 'mayor',
      municipalityCode: 'GM0363',
      party: '',
      gender: 'woman',
      themes: ['zorg', 'wonen'],
      languages: 'nl',
      meetingModes: ['online'],
      capacity: '3',
      availability: ['tue-evening', 'sat-morning'],
      bio: 'Burgemeester van Amsterdam.',
      phone: '+31 6 1234 5678',
      pausedUntil: '',
    });
    expect(good.status).toBe('success');
    if (good.status !== 'success') return;
    await saveMentorProfile(db(), profile.id, good.value);
    const [row] = await db().select().from(mentorProfiles).where(eq(mentorProfiles.id, profile.id));
    expect(row).toMatchObject({ office: 'mayor', party: null, gender: 'woman', languages: ['nl'], capacity: 3, pausedUntil: null });
    expect(row!.completedAt).not.toBeNull();
  });

  it('lists only the given organisations’ networks', async () => {
    const mine = await createNetwork(db(), { name: 'Mijn netwerk' });
    await createNetwork(db(), { name: 'Ander netwerk' });
    const listed = await networksOfOrganisations(db(), [mine.organisationId]);
    expect(listed.map((n) => n.name)).toEqual(['Mijn netwerk']);
    expect(await networksOfOrganisations(db(), [])).toEqual([]);
  });
});
