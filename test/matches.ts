import type { Db } from '../db/client.server';
import { matches, organisationMemberships, type MatchReason, type networks } from '../db/schema';
import { now } from '../app/modules/clock.server';
import { createApplication, createMentor, createNetwork, createUser } from './mentoring';

export const sampleReasons: MatchReason[] = [
  { id: 'sameMunicipality', points: 30, nl: 'Jullie wonen allebei in Zwolle.', en: 'You both live in Zwolle.' },
  { id: 'sharedThemes', points: 20, nl: '1 gedeeld thema: zorg.', en: '1 shared theme: care.' },
];

type ProposalOptions = {
  network?: typeof networks.$inferSelect;
  status?: 'proposed' | 'active';
  proposedAt?: Date;
};

/**
 * A network (new unless given), a mentor with a phone number, and a mentee whose application holds
 * special-category data (disability, focus groups) and a phone number, with a match proposed to the
 * mentor now (or active, accepted now). Inserted directly, as a published matching run would.
 */
export async function createProposal(db: Db, options: ProposalOptions = {}) {
  const network = options.network ?? (await createNetwork(db));
  const mentor = await createMentor(db, [network.id], { phone: '06 11112222' }, { name: 'Jan de Mentor' });
  const mentee = await createApplication(
    db,
    network.id,
    {
      status: options.status === 'active' ? 'matched' : 'proposed',
      phone: '06 33334444',
      disability: true,
      focusGroups: ['women'],
      accessibilityNeeds: 'Rolstoeltoegankelijke ruimte',
      goalsText: 'Ik wil leren hoe een raadsvergadering werkt.',
    },
    { name: 'Fatima El Amrani' },
  );
  const at = options.proposedAt ?? now();
  const [match] = await db
    .insert(matches)
    .values({
      networkId: network.id,
      applicationId: mentee.application.id,
      mentorProfileId: mentor.profile.id,
      status: options.status ?? 'proposed',
      score: 73,
      reasons: sampleReasons,
      proposedAt: at,
      respondedAt: options.status === 'active' ? at : null,
      acceptedAt: options.status === 'active' ? at : null,
    })
    .returning();
  return { network, mentor, mentee, match: match! };
}

/** A user who coordinates the organisation. */
export async function createCoordinator(db: Db, organisationId: string, fields: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db, fields);
  await db.insert(organisationMemberships).values({ organisationId, userId: user.id });
  return user;
}
