-- Issue 21 "In the application": an explicit pedigree per family. Each person of the pedigree is a
-- registered reference donor, a missing person of the family, or an untyped connecting person (a
-- dead grandfather, a second wife), with father and mother links inside the same pedigree. The
-- relationship labels (donor_relationships) are kept as they are: a family's pedigree is made from
-- them when a registrar first opens it for editing (lib/pedigrees/create-from-labels.ts), and
-- every label that could not be placed is kept in placement_warnings and shown on the page.
CREATE TABLE "family_pedigrees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"placement_warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "family_pedigrees" ADD CONSTRAINT "family_pedigrees_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "family_pedigrees_family_unique" ON "family_pedigrees" USING btree ("family_id");
--> statement-breakpoint
CREATE TABLE "pedigree_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pedigree_id" uuid NOT NULL,
	"donor_id" uuid,
	"missing_person_id" uuid,
	"label" text DEFAULT '' NOT NULL,
	"sex" "sex" NOT NULL,
	"father_id" uuid,
	"mother_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pedigree_persons_one_record" CHECK (num_nonnulls("donor_id", "missing_person_id") <= 1),
	CONSTRAINT "pedigree_persons_not_own_parent" CHECK ("father_id" is distinct from "id" and "mother_id" is distinct from "id")
);
--> statement-breakpoint
ALTER TABLE "pedigree_persons" ADD CONSTRAINT "pedigree_persons_pedigree_id_family_pedigrees_id_fk" FOREIGN KEY ("pedigree_id") REFERENCES "public"."family_pedigrees"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pedigree_persons" ADD CONSTRAINT "pedigree_persons_donor_id_reference_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."reference_donors"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pedigree_persons" ADD CONSTRAINT "pedigree_persons_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pedigree_persons" ADD CONSTRAINT "pedigree_persons_father_id_pedigree_persons_id_fk" FOREIGN KEY ("father_id") REFERENCES "public"."pedigree_persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pedigree_persons" ADD CONSTRAINT "pedigree_persons_mother_id_pedigree_persons_id_fk" FOREIGN KEY ("mother_id") REFERENCES "public"."pedigree_persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "pedigree_persons_pedigree_idx" ON "pedigree_persons" USING btree ("pedigree_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "pedigree_persons_donor_unique" ON "pedigree_persons" USING btree ("pedigree_id","donor_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "pedigree_persons_missing_person_unique" ON "pedigree_persons" USING btree ("pedigree_id","missing_person_id");
