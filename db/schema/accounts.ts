import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One account per email address; the address is stored trimmed and lower-cased. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamptz('email_verified_at'),
    isAdmin: boolean('is_admin').notNull().default(false),
    locale: text('locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    /** When the retention job warned that the account will be deleted for inactivity. */
    retentionWarnedAt: timestamptz('retention_warned_at'),
    lastLoginAt: timestamptz('last_login_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    // Coordinators search a network's applications and matches by part of a name or an address
    // (lists/search.server.ts): trigram indexes (pg_trgm, migration 0010) find those people at once.
    index('users_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('users_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
  ],
);

/**
 * Server-side sessions. The browser holds a random token; we keep only its SHA-256 (hex) as the id,
 * so a copy of this table cannot be used to log in.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const tokenPurposes = ['verify-email', 'login-link', 'password-reset'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** Single-use tokens sent by email; stored as SHA-256 hashes, never in clear. */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('verification_tokens_hash_key').on(t.tokenHash),
    index('verification_tokens_user_idx').on(t.userId, t.purpose),
    index('verification_tokens_expires_idx')
      .on(t.expiresAt)
      .where(sql`${t.usedAt} is null`),
  ],
);

/** Fixed-window counters for rate limits, shared by every web process through the database. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamptz('window_start').notNull(),
  hits: integer('hits').notNull(),
});
