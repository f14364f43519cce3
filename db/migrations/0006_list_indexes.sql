CREATE INDEX "course_sessions_ends_idx" ON "course_sessions" USING btree ("ends_at","course_id");--> statement-breakpoint
CREATE INDEX "matches_network_proposed_idx" ON "matches" USING btree ("network_id","proposed_at");--> statement-breakpoint
CREATE INDEX "mentee_applications_network_created_idx" ON "mentee_applications" USING btree ("network_id","created_at");