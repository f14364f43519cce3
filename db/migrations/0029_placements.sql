CREATE TABLE "academy_hosts" (
	"academy_id" uuid NOT NULL,
	"host_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_hosts_academy_id_host_id_pk" PRIMARY KEY("academy_id","host_id")
);
--> statement-breakpoint
CREATE TABLE "placement_host_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"academy_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_hosts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"office" text DEFAULT 'council-member' NOT NULL,
	"municipality_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_preferences" (
	"application_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	CONSTRAINT "placement_preferences_application_id_slot_id_pk" PRIMARY KEY("application_id","slot_id")
);
--> statement-breakpoint
CREATE TABLE "placement_rules" (
	"academy_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_rules_application_id_slot_id_pk" PRIMARY KEY("application_id","slot_id")
);
--> statement-breakpoint
CREATE TABLE "placement_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"academy_id" uuid NOT NULL,
	"started_by" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"stats" jsonb,
	"error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"academy_id" uuid NOT NULL,
	"host_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"municipality_code" text NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"academy_id" uuid NOT NULL,
	"run_id" uuid,
	"slot_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"score" smallint DEFAULT 0 NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decline_reason" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academy_hosts" ADD CONSTRAINT "academy_hosts_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_hosts" ADD CONSTRAINT "academy_hosts_host_id_placement_hosts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."placement_hosts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_host_invitations" ADD CONSTRAINT "placement_host_invitations_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_host_invitations" ADD CONSTRAINT "placement_host_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_host_invitations" ADD CONSTRAINT "placement_host_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_hosts" ADD CONSTRAINT "placement_hosts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_hosts" ADD CONSTRAINT "placement_hosts_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_preferences" ADD CONSTRAINT "placement_preferences_application_id_academy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."academy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_preferences" ADD CONSTRAINT "placement_preferences_slot_id_placement_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."placement_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rules" ADD CONSTRAINT "placement_rules_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rules" ADD CONSTRAINT "placement_rules_application_id_academy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."academy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rules" ADD CONSTRAINT "placement_rules_slot_id_placement_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."placement_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rules" ADD CONSTRAINT "placement_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_runs" ADD CONSTRAINT "placement_runs_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_runs" ADD CONSTRAINT "placement_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_slots" ADD CONSTRAINT "placement_slots_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_slots" ADD CONSTRAINT "placement_slots_host_id_placement_hosts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."placement_hosts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_slots" ADD CONSTRAINT "placement_slots_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_run_id_placement_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."placement_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_slot_id_placement_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."placement_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_application_id_academy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."academy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "academy_hosts_host_idx" ON "academy_hosts" USING btree ("host_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_host_invitations_token_key" ON "placement_host_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "placement_host_invitations_academy_idx" ON "placement_host_invitations" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "placement_host_invitations_invited_by_idx" ON "placement_host_invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "placement_host_invitations_accepted_by_idx" ON "placement_host_invitations" USING btree ("accepted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_hosts_user_key" ON "placement_hosts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "placement_hosts_municipality_idx" ON "placement_hosts" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "placement_preferences_slot_idx" ON "placement_preferences" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "placement_rules_academy_idx" ON "placement_rules" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "placement_rules_slot_idx" ON "placement_rules" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "placement_rules_created_by_idx" ON "placement_rules" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "placement_runs_academy_idx" ON "placement_runs" USING btree ("academy_id","created_at");--> statement-breakpoint
CREATE INDEX "placement_runs_started_by_idx" ON "placement_runs" USING btree ("started_by");--> statement-breakpoint
CREATE INDEX "placement_slots_academy_idx" ON "placement_slots" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "placement_slots_host_idx" ON "placement_slots" USING btree ("host_id");--> statement-breakpoint
CREATE INDEX "placement_slots_municipality_idx" ON "placement_slots" USING btree ("municipality_code");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_live_key" ON "placements" USING btree ("application_id") WHERE "placements"."status" in ('proposed', 'accepted');--> statement-breakpoint
CREATE INDEX "placements_application_idx" ON "placements" USING btree ("application_id","status");--> statement-breakpoint
CREATE INDEX "placements_academy_idx" ON "placements" USING btree ("academy_id","status");--> statement-breakpoint
CREATE INDEX "placements_run_idx" ON "placements" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "placements_slot_idx" ON "placements" USING btree ("slot_id");