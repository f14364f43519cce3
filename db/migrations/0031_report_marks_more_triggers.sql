-- Hand-written (drizzle-kit does not manage functions or triggers): more tables whose writes change a
-- figure of the funder report now queue its snapshot job (ADR 020; 0023 watched report_people_months,
-- mentee_applications, matches and candidacy_outcomes). Each trigger works out the (organisation,
-- month) of every figure the write can change and calls report_marks_due (0023), which queues one
-- deduplicated, debounced job per organisation and quarter.
--
--   match_route_progress   "on the route to a list" (issue 17): the match's application month and
--                          the months its person took the organisation's courses (as matches do)
--   network_route_steps    a step's position or "on the list" decides who is on the route: the
--                          same, for every match with a tick on the step
--   academy_applications   the academy figures (issue 15): the application's month
--   academy_completions,   started / completed / placement of an application: its month
--   placements,
--   placement_slots (ends_on), registrations (academy_application_id), session_attendance (of a
--                          registration for an academy module)
--   candidacy_outcomes     also the months of the person's academy applications (on a list, elected)
--   consents               a special-category consent given or withdrawn: the disability figures of
--                          the person's applications (mentoring and academy)
--   network_mentors,       mentor capacity is today's figure in every block: the organisation's
--   mentor_profiles        current quarter (older blocks keep the capacity of their snapshot)

-- The match ids given: their application's month, and every month its person took a course of the
-- network's organisation.
CREATE FUNCTION report_matches_due(p_match uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT n.organisation_id AS o, report_month(a.created_at) AS m
    FROM matches x JOIN mentee_applications a ON a.id = x.application_id JOIN networks n ON n.id = a.network_id
    WHERE x.id = ANY(p_match)
    UNION
    SELECT t.organisation_id, t.month
    FROM matches x JOIN mentee_applications a ON a.id = x.application_id JOIN networks n ON n.id = a.network_id
    JOIN report_people_months t ON t.person = a.user_id AND t.organisation_id = n.organisation_id
    WHERE x.id = ANY(p_match)) k;
END $$;--> statement-breakpoint

-- The academy application ids given: their month, in their academy's organisation.
CREATE FUNCTION report_academy_applications_due(p_application uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT DISTINCT ac.organisation_id AS o, report_month(a.created_at) AS m
    FROM academy_applications a JOIN academies ac ON ac.id = a.academy_id
    WHERE a.id = ANY(p_application)) k;
END $$;--> statement-breakpoint

-- Route ticks.
CREATE FUNCTION report_route_progress_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_matches_due(array_agg(DISTINCT c.match_id)) FROM changed c;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_route_progress_inserted AFTER INSERT ON match_route_progress
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_route_progress_changed();--> statement-breakpoint
CREATE TRIGGER report_route_progress_updated AFTER UPDATE ON match_route_progress
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_route_progress_changed();--> statement-breakpoint
CREATE TRIGGER report_route_progress_deleted AFTER DELETE ON match_route_progress
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_route_progress_changed();--> statement-breakpoint

-- A network's route steps (moved, marked "on the list", deleted): the matches ticked on them.
-- (Deleting a step deletes its ticks first, by cascade, whose own trigger queues the same.)
CREATE FUNCTION report_route_steps_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_matches_due(array_agg(DISTINCT p.match_id))
  FROM changed c JOIN match_route_progress p ON p.step_id = c.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_route_steps_updated AFTER UPDATE ON network_route_steps
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_route_steps_changed();--> statement-breakpoint

-- Academy applications: inserted, updated (status, academy) or deleted; on update both the old and
-- the new academy's organisation.
CREATE FUNCTION report_academy_applications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT DISTINCT ac.organisation_id AS o, report_month(c.created_at) AS m
    FROM changed c JOIN academies ac ON ac.id = c.academy_id) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_academy_applications_inserted AFTER INSERT ON academy_applications
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_applications_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_applications_updated AFTER UPDATE ON academy_applications
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_applications_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_applications_updated_from AFTER UPDATE ON academy_applications
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_applications_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_applications_deleted AFTER DELETE ON academy_applications
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_applications_changed();--> statement-breakpoint

-- Completions and placements: the application they belong to.
CREATE FUNCTION report_academy_steps_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_academy_applications_due(array_agg(DISTINCT c.application_id)) FROM changed c;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_academy_completions_inserted AFTER INSERT ON academy_completions
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_steps_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_completions_updated AFTER UPDATE ON academy_completions
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_steps_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_completions_deleted AFTER DELETE ON academy_completions
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_steps_changed();--> statement-breakpoint
CREATE TRIGGER report_placements_inserted AFTER INSERT ON placements
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_steps_changed();--> statement-breakpoint
CREATE TRIGGER report_placements_updated AFTER UPDATE ON placements
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_steps_changed();--> statement-breakpoint
CREATE TRIGGER report_placements_deleted AFTER DELETE ON placements
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_steps_changed();--> statement-breakpoint

-- A placement slot's dates: the applications placed in it.
CREATE FUNCTION report_placement_slots_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_academy_applications_due(array_agg(DISTINCT p.application_id))
  FROM changed c JOIN placements p ON p.slot_id = c.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_placement_slots_updated AFTER UPDATE ON placement_slots
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_placement_slots_changed();--> statement-breakpoint

-- A module registration of an academy application (made, moved, cancelled) and its attendance.
CREATE FUNCTION report_academy_registrations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_academy_applications_due(array_agg(DISTINCT c.academy_application_id))
  FROM changed c WHERE c.academy_application_id IS NOT NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_academy_registrations_inserted AFTER INSERT ON registrations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_registrations_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_registrations_updated AFTER UPDATE ON registrations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_registrations_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_registrations_updated_from AFTER UPDATE ON registrations
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_registrations_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_registrations_deleted AFTER DELETE ON registrations
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_registrations_changed();--> statement-breakpoint

CREATE FUNCTION report_academy_attendance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_academy_applications_due(array_agg(DISTINCT r.academy_application_id))
  FROM changed c JOIN registrations r ON r.id = c.registration_id WHERE r.academy_application_id IS NOT NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_academy_attendance_inserted AFTER INSERT ON session_attendance
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_attendance_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_attendance_updated AFTER UPDATE ON session_attendance
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_attendance_changed();--> statement-breakpoint
CREATE TRIGGER report_academy_attendance_deleted AFTER DELETE ON session_attendance
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_academy_attendance_changed();--> statement-breakpoint

-- Outcomes (on a list, elected) are counted for academy applicants too.
CREATE FUNCTION report_outcomes_academy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_academy_applications_due(array_agg(DISTINCT a.id))
  FROM changed c JOIN academy_applications a ON a.user_id = c.user_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_outcomes_academy_inserted AFTER INSERT ON candidacy_outcomes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_outcomes_academy_changed();--> statement-breakpoint
CREATE TRIGGER report_outcomes_academy_updated AFTER UPDATE ON candidacy_outcomes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_outcomes_academy_changed();--> statement-breakpoint
CREATE TRIGGER report_outcomes_academy_deleted AFTER DELETE ON candidacy_outcomes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_outcomes_academy_changed();--> statement-breakpoint

-- Special-category consents: the disability figures of the person's applications.
CREATE FUNCTION report_consents_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT n.organisation_id AS o, report_month(a.created_at) AS m
    FROM changed c JOIN mentee_applications a ON a.user_id = c.user_id JOIN networks n ON n.id = a.network_id
    WHERE c.purpose = 'special-category'
    UNION
    SELECT ac.organisation_id, report_month(a.created_at)
    FROM changed c JOIN academy_applications a ON a.user_id = c.user_id JOIN academies ac ON ac.id = a.academy_id
    WHERE c.purpose = 'special-category') k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_consents_inserted AFTER INSERT ON consents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_consents_changed();--> statement-breakpoint
CREATE TRIGGER report_consents_updated AFTER UPDATE ON consents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_consents_changed();--> statement-breakpoint
CREATE TRIGGER report_consents_deleted AFTER DELETE ON consents
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_consents_changed();--> statement-breakpoint

-- Mentors of a network and their capacity: the current quarter of the network's organisation.
CREATE FUNCTION report_network_mentors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT DISTINCT n.organisation_id AS o, report_month(now()) AS m
    FROM changed c JOIN networks n ON n.id = c.network_id) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_network_mentors_inserted AFTER INSERT ON network_mentors
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_network_mentors_changed();--> statement-breakpoint
CREATE TRIGGER report_network_mentors_deleted AFTER DELETE ON network_mentors
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_network_mentors_changed();--> statement-breakpoint

CREATE FUNCTION report_mentor_capacity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_marks_due(array_agg(k.o), array_agg(k.m)) FROM (
    SELECT DISTINCT n.organisation_id AS o, report_month(now()) AS m
    FROM changed c JOIN network_mentors nm ON nm.mentor_profile_id = c.id JOIN networks n ON n.id = nm.network_id) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_mentor_capacity_updated AFTER UPDATE ON mentor_profiles
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_mentor_capacity_changed();
