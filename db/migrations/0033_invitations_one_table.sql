CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"network_id" uuid,
	"academy_id" uuid,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_target_of_kind" CHECK (("invitations"."kind" = 'coordinator' and "invitations"."organisation_id" is not null and "invitations"."network_id" is null and "invitations"."academy_id" is null)
        or ("invitations"."kind" = 'mentor' and "invitations"."network_id" is not null and "invitations"."organisation_id" is null and "invitations"."academy_id" is null)
        or ("invitations"."kind" in ('reviewer', 'host') and "invitations"."academy_id" is not null and "invitations"."organisation_id" is null and "invitations"."network_id" is null))
);
--> statement-breakpoint
-- ADR 022: the four invitation tables become one; every row moves, with its id, token hash and dates.
INSERT INTO "invitations" ("id", "kind", "organisation_id", "email", "name", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at")
SELECT "id", 'coordinator', "organisation_id", "email", '', "token_hash", "invited_by", "expires_at", "accepted_at", NULL, "created_at" FROM "coordinator_invitations";--> statement-breakpoint
INSERT INTO "invitations" ("id", "kind", "network_id", "email", "name", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at")
SELECT "id", 'mentor', "network_id", "email", "name", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at" FROM "mentor_invitations";--> statement-breakpoint
INSERT INTO "invitations" ("id", "kind", "academy_id", "email", "name", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at")
SELECT "id", 'reviewer', "academy_id", "email", '', "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at" FROM "academy_reviewer_invitations";--> statement-breakpoint
INSERT INTO "invitations" ("id", "kind", "academy_id", "email", "name", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at")
SELECT "id", 'host', "academy_id", "email", "name", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at" FROM "placement_host_invitations";--> statement-breakpoint
DROP TABLE "coordinator_invitations" CASCADE;--> statement-breakpoint
DROP TABLE "mentor_invitations" CASCADE;--> statement-breakpoint
DROP TABLE "academy_reviewer_invitations" CASCADE;--> statement-breakpoint
DROP TABLE "placement_host_invitations" CASCADE;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_organisation_idx" ON "invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "invitations_network_idx" ON "invitations" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "invitations_academy_idx" ON "invitations" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "invitations_invited_by_idx" ON "invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "invitations_accepted_by_idx" ON "invitations" USING btree ("accepted_by");