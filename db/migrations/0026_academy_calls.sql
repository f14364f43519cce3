CREATE TABLE "academy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"academy_id" uuid NOT NULL,
	"user_id" uuid,
	"municipality_code" text,
	"motivation" text DEFAULT '' NOT NULL,
	"experience" text DEFAULT '' NOT NULL,
	"party" text DEFAULT '' NOT NULL,
	"no_party" boolean DEFAULT false NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"focus_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"disability" boolean,
	"disability_consent_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decision" text,
	"decision_reason" text DEFAULT '' NOT NULL,
	"reserve_rank" integer,
	"offer_expires_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_reviewer_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"academy_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_reviewers" (
	"academy_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_reviewers_academy_id_user_id_pk" PRIMARY KEY("academy_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "academy_scores" (
	"application_id" uuid NOT NULL,
	"scorer_id" uuid,
	"scores" jsonb NOT NULL,
	"total" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "call_published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "eligible_provinces" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "eligible_focus_groups" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "eligible_offices" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "eligibility" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "cost" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "applications_open_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "applications_close_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "seats" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "claim_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "criteria" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "reviewer_fields" text[] DEFAULT '{motivation,experience}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "decisions_released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academy_applications" ADD CONSTRAINT "academy_applications_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_applications" ADD CONSTRAINT "academy_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_applications" ADD CONSTRAINT "academy_applications_disability_consent_id_consents_id_fk" FOREIGN KEY ("disability_consent_id") REFERENCES "public"."consents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_reviewer_invitations" ADD CONSTRAINT "academy_reviewer_invitations_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_reviewer_invitations" ADD CONSTRAINT "academy_reviewer_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_reviewer_invitations" ADD CONSTRAINT "academy_reviewer_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_reviewers" ADD CONSTRAINT "academy_reviewers_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_reviewers" ADD CONSTRAINT "academy_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_scores" ADD CONSTRAINT "academy_scores_application_id_academy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."academy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_scores" ADD CONSTRAINT "academy_scores_scorer_id_users_id_fk" FOREIGN KEY ("scorer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academy_applications_person_key" ON "academy_applications" USING btree ("academy_id","user_id") WHERE "academy_applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "academy_applications_academy_idx" ON "academy_applications" USING btree ("academy_id","status");--> statement-breakpoint
CREATE INDEX "academy_applications_user_idx" ON "academy_applications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "academy_applications_consent_idx" ON "academy_applications" USING btree ("disability_consent_id");--> statement-breakpoint
CREATE INDEX "academy_applications_offer_idx" ON "academy_applications" USING btree ("offer_expires_at") WHERE "academy_applications"."status" = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX "academy_reviewer_invitations_token_key" ON "academy_reviewer_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "academy_reviewer_invitations_academy_idx" ON "academy_reviewer_invitations" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "academy_reviewer_invitations_invited_by_idx" ON "academy_reviewer_invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "academy_reviewer_invitations_accepted_by_idx" ON "academy_reviewer_invitations" USING btree ("accepted_by");--> statement-breakpoint
CREATE INDEX "academy_reviewers_user_idx" ON "academy_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_scores_scorer_key" ON "academy_scores" USING btree ("application_id","scorer_id");--> statement-breakpoint
CREATE INDEX "academy_scores_scorer_idx" ON "academy_scores" USING btree ("scorer_id");--> statement-breakpoint
CREATE INDEX "academies_call_idx" ON "academies" USING btree ("call_published","applications_close_at");