-- Issue 22, point 6: the office's work list "the 20 samples that would most raise the chance of an
-- identification". Each family's sampling advice takes seconds of simulation, so it is computed by
-- a background refresh (npm run sampling:refresh) and stored here with a fingerprint of the inputs
-- it was computed from; the work list reads these rows and marks a family whose inputs have
-- changed since as stale.
CREATE TABLE "sampling_refresh_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"families_total" integer DEFAULT 0 NOT NULL,
	"families_done" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_sampling_results" (
	"family_id" uuid PRIMARY KEY NOT NULL,
	"inputs_sha256" text,
	"simulations" integer,
	"seed" integer,
	"computed_at" timestamp with time zone,
	"run_id" uuid,
	"claimed_by" uuid,
	"claimed_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "family_sampling_results" ADD CONSTRAINT "family_sampling_results_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "family_sampling_results" ADD CONSTRAINT "family_sampling_results_run_id_sampling_refresh_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sampling_refresh_runs"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "family_sampling_results_computed_idx" ON "family_sampling_results" USING btree ("computed_at");
--> statement-breakpoint
CREATE TABLE "family_sampling_gains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"missing_person_id" uuid NOT NULL,
	"donor_id" uuid NOT NULL,
	"inclusion_now" double precision NOT NULL,
	"inclusion_after" double precision NOT NULL,
	"inclusion_gain" double precision NOT NULL,
	"inclusion_standard_error" double precision NOT NULL,
	"exclusion_after" double precision NOT NULL,
	"exclusion_gain" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "family_sampling_gains" ADD CONSTRAINT "family_sampling_gains_family_id_family_sampling_results_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family_sampling_results"("family_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "family_sampling_gains" ADD CONSTRAINT "family_sampling_gains_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "family_sampling_gains" ADD CONSTRAINT "family_sampling_gains_donor_id_reference_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."reference_donors"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "family_sampling_gains_family_idx" ON "family_sampling_gains" USING btree ("family_id");
--> statement-breakpoint
CREATE INDEX "family_sampling_gains_gain_idx" ON "family_sampling_gains" USING btree ("inclusion_gain" DESC NULLS LAST, "exclusion_gain" DESC NULLS LAST);
