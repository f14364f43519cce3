-- Hand-written (drizzle-kit does not manage functions or triggers): the funder report's stored marks
-- (ADR 017) are solved again soon after the figures of a block change, not only by the 10-minute run.
--
-- Every change the report counts reaches a table here in the writing transaction: registrations,
-- attendance, sessions and courses are counted again into report_people_months (migrations 0011,
-- 0020: the rows of the (organisation, academy, month) are deleted and inserted again), and
-- applications, matches and candidacy outcomes are written themselves. For each (organisation,
-- quarter) touched, one pg-boss job (queue report-marks-changed, policy "short") is inserted in the
-- same transaction with a singleton key `<organisation>/<quarter>` and a start 30 seconds later:
-- ON CONFLICT DO NOTHING against pg-boss's unique index on waiting "short" jobs (job_i1), so a burst
-- of sign-ups makes one job (deduplicated and debounced), and a change after the job started makes
-- a new one. The job solves the quarter and the two years holding it (app/worker.server.ts).
-- Without pg-boss's schema or the queue (a database that never started the jobs) nothing is queued.

-- Queues a marks job for each (organisation, month's quarter) given.
CREATE FUNCTION report_marks_due(p_org uuid[], p_month date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_org IS NULL OR cardinality(p_org) = 0 OR to_regclass('pgboss.queue') IS NULL THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pgboss.queue WHERE name = 'report-marks-changed') THEN
    RETURN;
  END IF;
  INSERT INTO pgboss.job (name, data, singleton_key, start_after, policy)
  SELECT 'report-marks-changed', jsonb_build_object('organisationId', k.o, 'quarter', k.q), k.o::text || '/' || k.q,
         now() + interval '30 seconds', 'short'
  FROM (SELECT DISTINCT u.o, to_char(u.m, 'YYYY') || '-K' || extract(quarter FROM u.m)::int AS q
        FROM unnest(p_org, p_month) AS u(o, m) WHERE u.o IS NOT NULL AND u.m IS NOT NULL) k
  ON CONFLICT DO NOTHING;
END $$;--> statement-breakpoint

-- Registrations, attendance, sessions, courses: the months counted again.
CREATE FUNCTION report_people_months_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.organisation_id), array_agg(k.month))
  FROM (SELECT DISTINCT c.organisation_id, c.month FROM changed c) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_people_months_inserted AFTER INSERT ON report_people_months
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_people_months_changed();--> statement-breakpoint
CREATE TRIGGER report_people_months_deleted AFTER DELETE ON report_people_months
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_people_months_changed();--> statement-breakpoint

-- Applications: the mentoring tables of the month it was made in, and the funnel ("applied") of the
-- months its person took courses of the same organisation.
CREATE FUNCTION report_applications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT n.organisation_id AS o, report_month(c.created_at) AS m
    FROM changed c JOIN networks n ON n.id = c.network_id
    UNION
    SELECT t.organisation_id, t.month
    FROM changed c JOIN networks n ON n.id = c.network_id
    JOIN report_people_months t ON t.person = c.user_id AND t.organisation_id = n.organisation_id) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_applications_inserted AFTER INSERT ON mentee_applications
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_applications_changed();--> statement-breakpoint
CREATE TRIGGER report_applications_updated AFTER UPDATE ON mentee_applications
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_applications_changed();--> statement-breakpoint
CREATE TRIGGER report_applications_deleted AFTER DELETE ON mentee_applications
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_applications_changed();--> statement-breakpoint

-- Matches (proposed, accepted, declined, ended): their application's month, and the funnel
-- ("matched") of its person's months in the organisation.
CREATE FUNCTION report_matches_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT n.organisation_id AS o, report_month(a.created_at) AS m
    FROM changed c JOIN mentee_applications a ON a.id = c.application_id JOIN networks n ON n.id = a.network_id
    UNION
    SELECT t.organisation_id, t.month
    FROM changed c JOIN mentee_applications a ON a.id = c.application_id JOIN networks n ON n.id = a.network_id
    JOIN report_people_months t ON t.person = a.user_id AND t.organisation_id = n.organisation_id) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_matches_inserted AFTER INSERT ON matches
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_matches_changed();--> statement-breakpoint
CREATE TRIGGER report_matches_updated AFTER UPDATE ON matches
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_matches_changed();--> statement-breakpoint
CREATE TRIGGER report_matches_deleted AFTER DELETE ON matches
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_matches_changed();--> statement-breakpoint

-- Candidacy outcomes (on a list, elected): the funnel of every month the person took a course.
CREATE FUNCTION report_outcomes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT DISTINCT t.organisation_id AS o, t.month AS m
    FROM changed c JOIN report_people_months t ON t.person = c.user_id) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_outcomes_inserted AFTER INSERT ON candidacy_outcomes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_outcomes_changed();--> statement-breakpoint
CREATE TRIGGER report_outcomes_updated AFTER UPDATE ON candidacy_outcomes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_outcomes_changed();--> statement-breakpoint
CREATE TRIGGER report_outcomes_deleted AFTER DELETE ON candidacy_outcomes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_outcomes_changed();
