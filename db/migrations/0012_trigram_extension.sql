-- Hand-written (drizzle-kit does not manage extensions): trigram indexes (pg_trgm) let a search for a
-- part of a name or address (`ilike '%…%'`) use an index. pg_trgm ships with PostgreSQL (contrib) and
-- is a trusted extension, so the database's owner may create it; PGlite loads it at start-up
-- (db/client.server.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
