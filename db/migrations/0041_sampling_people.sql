-- Issue 22, point 6: the family page shows the stored sampling advice instead of simulating inside
-- the request. Beside each relative's gains (family_sampling_gains) it needs, per missing person,
-- the figures of the relatives typed now: the exact exclusion power, the simulated inclusion and
-- exclusion power with their standard error, the θ the simulated LRs used (0 on a pedigree too wide
-- for the exact θ sum) and why no advice could be given (relatives that fit no pedigree).
CREATE TABLE "family_sampling_people" (
	"family_id" uuid NOT NULL,
	"missing_person_id" uuid NOT NULL,
	"typed_relatives" integer NOT NULL,
	"exact_exclusion_power" double precision,
	"inclusion_now" double precision NOT NULL,
	"inclusion_now_standard_error" double precision NOT NULL,
	"exclusion_now" double precision NOT NULL,
	"simulation_theta" double precision NOT NULL,
	"placement_problem" text,
	CONSTRAINT "family_sampling_people_family_id_missing_person_id_pk" PRIMARY KEY("family_id","missing_person_id")
);
--> statement-breakpoint
ALTER TABLE "family_sampling_people" ADD CONSTRAINT "family_sampling_people_family_id_family_sampling_results_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family_sampling_results"("family_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "family_sampling_people" ADD CONSTRAINT "family_sampling_people_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;
