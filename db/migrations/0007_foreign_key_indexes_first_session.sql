ALTER TABLE "courses" ADD COLUMN "first_session_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "coordinator_invitations_invited_by_idx" ON "coordinator_invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "courses_organisation_first_session_idx" ON "courses" USING btree ("organisation_id","first_session_at");--> statement-breakpoint
CREATE INDEX "courses_academy_idx" ON "courses" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "courses_created_by_idx" ON "courses" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "check_ins_author_idx" ON "check_ins" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "match_feedback_user_idx" ON "match_feedback" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "matches_created_by_idx" ON "matches" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "matching_runs_started_by_idx" ON "matching_runs" USING btree ("started_by");--> statement-breakpoint
CREATE INDEX "mentor_invitations_invited_by_idx" ON "mentor_invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "mentor_invitations_accepted_by_idx" ON "mentor_invitations" USING btree ("accepted_by");--> statement-breakpoint
CREATE INDEX "networks_academy_idx" ON "networks" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "networks_created_by_idx" ON "networks" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "pair_rules_mentor_idx" ON "pair_rules" USING btree ("mentor_profile_id");--> statement-breakpoint
CREATE INDEX "pair_rules_created_by_idx" ON "pair_rules" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "audit_events_organisation_idx" ON "audit_events" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "email_preferences_user_idx" ON "email_preferences" USING btree ("user_id");