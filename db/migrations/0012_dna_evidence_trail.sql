-- A laboratory's earlier calls are evidence too: a re-typed locus keeps its previous call here,
-- append-only, with who replaced it and why (issue 18.5).
CREATE TABLE "str_profile_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"locus" text NOT NULL,
	"allele_1" text NOT NULL,
	"allele_2" text NOT NULL,
	"version" integer NOT NULL,
	"typed_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by" uuid,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "str_profile_history" ADD CONSTRAINT "str_profile_history_sample_id_dna_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."dna_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "str_profile_history" ADD CONSTRAINT "str_profile_history_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "str_profile_history_sample_idx" ON "str_profile_history" USING btree ("sample_id","locus");--> statement-breakpoint
CREATE TRIGGER str_profile_history_append_only
  BEFORE UPDATE OR DELETE ON str_profile_history
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
--> statement-breakpoint
-- A frequency table takes effect only once a second forensic user approves it; the tables loaded
-- before this rule existed stay in force as they were.
ALTER TABLE "allele_frequency_tables" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "allele_frequency_tables" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "allele_frequency_tables" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
UPDATE "allele_frequency_tables" SET "approved_at" = "loaded_at";--> statement-breakpoint
ALTER TABLE "allele_frequency_tables" ADD CONSTRAINT "allele_frequency_tables_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allele_frequency_tables" ADD CONSTRAINT "allele_frequency_tables_four_eyes" CHECK ("allele_frequency_tables"."approved_by" is null or "allele_frequency_tables"."loaded_by" is null or "allele_frequency_tables"."approved_by" <> "allele_frequency_tables"."loaded_by");--> statement-breakpoint
-- The frequency table in force when a DNA identification was proposed, and why one was proposed
-- without an analysed reference profile, if it was (issue 19.7).
ALTER TABLE "identifications" ADD COLUMN "frequency_table_id" uuid;--> statement-breakpoint
ALTER TABLE "identifications" ADD COLUMN "dna_override_reason" text;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_frequency_table_id_allele_frequency_tables_id_fk" FOREIGN KEY ("frequency_table_id") REFERENCES "public"."allele_frequency_tables"("id") ON DELETE no action ON UPDATE no action;
