import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { networks } from './mentoring';
import { academies, organisations } from './organisations';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * What an invitation makes of the person who accepts it, and so which target it has (ADR 022):
 * coordinator of an organisation, mentor in a network, reviewer of an academy, host of an academy's
 * placements.
 */
export const invitationKinds = ['coordinator', 'mentor', 'reviewer', 'host'] as const;
export type InvitationKind = (typeof invitationKinds)[number];

/**
 * Every invitation sent by email (ADR 022): single use, expiring, only the token's hash kept. One
 * target column per kind, each a real foreign key; the check says which one a kind fills.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: invitationKinds }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    academyId: uuid('academy_id').references(() => academies.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The name the inviter wrote ('' when the kind asks none). */
    name: text('name').notNull().default(''),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_organisation_idx').on(t.organisationId),
    index('invitations_network_idx').on(t.networkId),
    index('invitations_academy_idx').on(t.academyId),
    index('invitations_email_idx').on(t.email),
    index('invitations_invited_by_idx').on(t.invitedBy),
    index('invitations_accepted_by_idx').on(t.acceptedBy),
    check(
      'invitations_target_of_kind',
      sql`(${t.kind} = 'coordinator' and ${t.organisationId} is not null and ${t.networkId} is null and ${t.academyId} is null)
        or (${t.kind} = 'mentor' and ${t.networkId} is not null and ${t.organisationId} is null and ${t.academyId} is null)
        or (${t.kind} in ('reviewer', 'host') and ${t.academyId} is not null and ${t.organisationId} is null and ${t.networkId} is null)`,
    ),
  ],
);
