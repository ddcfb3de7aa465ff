CREATE TABLE "allele_frequencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_id" uuid NOT NULL,
	"locus" text NOT NULL,
	"allele" text NOT NULL,
	"frequency" double precision NOT NULL,
	CONSTRAINT "allele_frequencies_frequency_range" CHECK ("allele_frequencies"."frequency" > 0 and "allele_frequencies"."frequency" <= 1)
);
--> statement-breakpoint
CREATE TABLE "allele_frequency_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"min_frequency" double precision NOT NULL,
	"loaded_by" uuid,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allele_frequencies" ADD CONSTRAINT "allele_frequencies_table_id_allele_frequency_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."allele_frequency_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allele_frequency_tables" ADD CONSTRAINT "allele_frequency_tables_loaded_by_users_id_fk" FOREIGN KEY ("loaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "allele_frequencies_table_locus_allele_unique" ON "allele_frequencies" USING btree ("table_id","locus","allele");--> statement-breakpoint
CREATE INDEX "allele_frequencies_table_idx" ON "allele_frequencies" USING btree ("table_id");