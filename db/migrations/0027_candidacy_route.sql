CREATE TABLE "match_route_progress" (
	"match_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"election_id" text,
	"done_on" date,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_route_progress_match_id_step_id_pk" PRIMARY KEY("match_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "match_routes" (
	"match_id" uuid PRIMARY KEY NOT NULL,
	"mentor_copy" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_route_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text NOT NULL,
	"days_before" integer NOT NULL,
	"on_list" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_routes" (
	"network_id" uuid PRIMARY KEY NOT NULL,
	"election_kind" text DEFAULT 'municipal' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "route_reminders" (
	"match_id" uuid NOT NULL,
	"election_id" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_route_progress" ADD CONSTRAINT "match_route_progress_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_route_progress" ADD CONSTRAINT "match_route_progress_step_id_network_route_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."network_route_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_route_progress" ADD CONSTRAINT "match_route_progress_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_route_progress" ADD CONSTRAINT "match_route_progress_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_routes" ADD CONSTRAINT "match_routes_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_route_steps" ADD CONSTRAINT "network_route_steps_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_routes" ADD CONSTRAINT "network_routes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_reminders" ADD CONSTRAINT "route_reminders_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_reminders" ADD CONSTRAINT "route_reminders_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_route_progress_step_idx" ON "match_route_progress" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "match_route_progress_election_idx" ON "match_route_progress" USING btree ("election_id");--> statement-breakpoint
CREATE INDEX "match_route_progress_updated_by_idx" ON "match_route_progress" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "network_route_steps_network_idx" ON "network_route_steps" USING btree ("network_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "route_reminders_once_key" ON "route_reminders" USING btree ("match_id","election_id","kind","subject");--> statement-breakpoint
CREATE INDEX "route_reminders_election_idx" ON "route_reminders" USING btree ("election_id");