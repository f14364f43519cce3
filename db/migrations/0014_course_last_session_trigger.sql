-- Hand-written (drizzle-kit does not manage triggers): keeps courses.last_session_ends_at equal to the
-- latest course_sessions.ends_at of the course (null without sessions), whoever writes the sessions,
-- as migration 0008 keeps first_session_at. Statement-level triggers with transition tables: one
-- update per statement, also for a bulk insert of thousands of sessions.
CREATE FUNCTION courses_last_session_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE courses c SET last_session_ends_at = (SELECT max(s.ends_at) FROM course_sessions s WHERE s.course_id = c.id)
  WHERE c.id IN (SELECT DISTINCT course_id FROM changed_new);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION courses_last_session_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE courses c SET last_session_ends_at = (SELECT max(s.ends_at) FROM course_sessions s WHERE s.course_id = c.id)
  WHERE c.id IN (SELECT DISTINCT course_id FROM changed_old);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION courses_last_session_from_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE courses c SET last_session_ends_at = (SELECT max(s.ends_at) FROM course_sessions s WHERE s.course_id = c.id)
  WHERE c.id IN (SELECT course_id FROM changed_new UNION SELECT course_id FROM changed_old);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER course_sessions_last_session_insert AFTER INSERT ON course_sessions
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION courses_last_session_from_new();--> statement-breakpoint
CREATE TRIGGER course_sessions_last_session_delete AFTER DELETE ON course_sessions
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION courses_last_session_from_old();--> statement-breakpoint
CREATE TRIGGER course_sessions_last_session_update AFTER UPDATE ON course_sessions
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION courses_last_session_from_both();--> statement-breakpoint
-- Backfill the courses that exist.
UPDATE courses c SET last_session_ends_at = s.last FROM (SELECT course_id, max(ends_at) AS last FROM course_sessions GROUP BY course_id) s
WHERE c.id = s.course_id;
