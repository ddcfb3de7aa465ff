-- Issue 28: importing the office's own registers.
-- police_station_key and police_report_number_key mirror stationKey and reportNumberKey in
-- lib/import/report-identity.ts; tests/integration/report-identity.test.ts holds the two to the
-- same answers. A report is the same report whatever way its number and station were typed.
-- Calls are schema-qualified: pg_restore runs with an empty search_path while it fills report_key.
CREATE FUNCTION police_station_key(station text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN stripped IN ('tarhuna', 'tarhouna', 'tarhunah', 'tarhona', 'terhuna') THEN 'ترهونه' ELSE stripped END
  FROM (
    SELECT coalesce(string_agg(word, ' ' ORDER BY position), '') AS stripped
    FROM unnest(string_to_array(public.normalise_arabic_text(station), ' ')) WITH ORDINALITY AS words(word, position)
    WHERE word NOT IN ('مركز', 'شرطه', 'قسم', 'police', 'station', 'centre', 'center', 'ps')
  ) AS words
$$;
--> statement-breakpoint
CREATE FUNCTION police_report_number_key(report_number text, filed_on date) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
  typed text := regexp_replace(public.normalise_arabic_text(coalesce(report_number, '')), '[[:space:]]*[/\\._-][[:space:]]*', '/', 'g');
  parts text[];
BEGIN
  parts := regexp_match(typed, '^0*([0-9]+)/([0-9]{4})$');
  IF parts IS NOT NULL AND parts[2]::int BETWEEN 1950 AND 2099 THEN RETURN parts[1] || '/' || parts[2]; END IF;
  parts := regexp_match(typed, '^([0-9]{4})/0*([0-9]+)$');
  IF parts IS NOT NULL AND parts[1]::int BETWEEN 1950 AND 2099 THEN RETURN parts[2] || '/' || parts[1]; END IF;
  parts := regexp_match(typed, '^0*([0-9]+)$');
  IF parts IS NOT NULL AND filed_on IS NOT NULL THEN RETURN parts[1] || '/' || extract(year FROM filed_on)::int; END IF;
  RETURN typed;
END
$$;
--> statement-breakpoint
ALTER TABLE "police_reports" ADD COLUMN "report_key" text GENERATED ALWAYS AS (police_station_key("station") || '|' || police_report_number_key("report_number", "filed_on")) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "police_reports_report_key_idx" ON "police_reports" USING btree ("report_key");
--> statement-breakpoint
DROP INDEX IF EXISTS "police_reports_station_number_unique";
--> statement-breakpoint
CREATE UNIQUE INDEX "police_reports_station_number_unique" ON "police_reports" USING btree ("station", "report_number") WHERE "voided_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "police_reports" ADD COLUMN "source_reference" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "missing_persons" ADD COLUMN "source_reference" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "police_reports" ADD COLUMN "filed_on_precision" text DEFAULT 'day' NOT NULL;
--> statement-breakpoint
ALTER TABLE "police_reports" ADD COLUMN "source_values" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "missing_persons" ADD COLUMN "last_seen_on_precision" text DEFAULT 'day' NOT NULL;
--> statement-breakpoint
ALTER TABLE "missing_persons" ADD COLUMN "source_values" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
CREATE TABLE "spreadsheet_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_count" integer NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text
);
--> statement-breakpoint
ALTER TABLE "spreadsheet_imports" ADD CONSTRAINT "spreadsheet_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "spreadsheet_imports" ADD CONSTRAINT "spreadsheet_imports_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "spreadsheet_imports_created_at_idx" ON "spreadsheet_imports" USING btree ("created_at");
--> statement-breakpoint
CREATE TABLE "import_value_mappings" (
	"field" text NOT NULL,
	"source_value" text NOT NULL,
	"target_value" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_value_mappings_pk" PRIMARY KEY ("field", "source_value")
);
--> statement-breakpoint
ALTER TABLE "import_value_mappings" ADD CONSTRAINT "import_value_mappings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
