-- Effect descriptions and reporters' names are searched as names are: spelt with or without
-- harakat, hamza seats, tatweel, "ة"/"ه", "ى"/"ي" and Arabic-Indic digits, and matched by trigram
-- so that "هونداي" finds "هيونداي". The normalised form is a generated column, so every writer
-- (forms, spreadsheet imports, the demo seed, COPY in the benchmarks) keeps it without knowing.
-- normalise_arabic_text mirrors normaliseArabicText in lib/names/normalise-arabic.ts, which
-- normalises the query; tests/integration/text-search.test.ts holds the two to the same answers.
CREATE FUNCTION normalise_arabic_text(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT btrim(regexp_replace(lower(translate(
    regexp_replace(normalize(value, NFKC),
      E'[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]', '', 'g'),
    E'\u0623\u0625\u0622\u0671\u0672\u0673\u0649\u06CC\u0626\u0629\u0624\u06A9\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9',
    E'\u0627\u0627\u0627\u0627\u0627\u0627\u064A\u064A\u064A\u0647\u0648\u064301234567890123456789')),
    '[[:space:]]+', ' ', 'g'))
$$;
--> statement-breakpoint
ALTER TABLE "personal_effects" ADD COLUMN "description_search" text GENERATED ALWAYS AS (normalise_arabic_text("description")) STORED NOT NULL;
--> statement-breakpoint
DROP INDEX IF EXISTS "personal_effects_description_trgm_idx";
--> statement-breakpoint
CREATE INDEX "personal_effects_description_search_trgm_idx" ON "personal_effects" USING gin ("description_search" gin_trgm_ops);
--> statement-breakpoint
ALTER TABLE "police_reports" ADD COLUMN "reporter_name_search" text GENERATED ALWAYS AS (normalise_arabic_text("reporter_name")) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "police_reports_reporter_name_search_trgm_idx" ON "police_reports" USING gin ("reporter_name_search" gin_trgm_ops);
