-- Names are searched part by part (issue 31): a query's words are matched to the given, father's,
-- grandfather's and family name rather than to one concatenated string, so "مفتاح سالم النخلاوي"
-- finds مفتاح and not every son of سالم النخلاوي. Candidates are found by each part's phonetic key:
-- name_part_key folds what clerks and relatives write differently (harakat, hamza seats, tatweel,
-- "ة"/"ه", "ى"/"ي", long vowels and ع left out, doubled letters, letters that sound alike or sit
-- side by side, a leading "ال") and reads Latin letters as the Arabic they usually stand for, so
-- "Mohamed", "محمد" and "محمّد" share the key "مهمد". It mirrors namePartKey in
-- lib/names/name-key.ts; tests/integration/name-part-keys.test.ts holds the two to the same answers.
-- The keys are a generated column, so every writer (forms, imports, the demo seed, COPY in the
-- benchmarks) keeps them without knowing, and the GIN index answers "has keys A and B" directly.
-- The call inside is schema-qualified: pg_restore runs with an empty search_path while it fills part_keys.
CREATE FUNCTION name_part_key(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT regexp_replace(regexp_replace(
    translate(
      translate(
        replace(replace(replace(replace(replace(
          regexp_replace(
            regexp_replace(public.normalise_arabic_text(value), E'[^a-z\u0621-\u063A\u0641-\u064A]', '', 'g'),
            E'^(\u0627\u0644|al|el)(.{3,})$', E'\\2'),
          'kh', E'\u062E'), 'gh', E'\u063A'), 'sh', E'\u0634'), 'dh', E'\u0630'), 'ph', E'\u0641'),
        'abcdefghijklmnopqrstuvwxyz',
        E'\u0627\u0628\u0643\u062F\u0627\u0641\u0642\u0647\u0627\u062C\u0643\u0644\u0645\u0646\u0627\u0628\u0642\u0631\u0633\u062A\u0627\u0641\u0648\u0643\u064A\u0632'),
      E'\u062B\u0635\u0634\u0630\u0632\u0636\u0638\u0637\u062D\u062E\u0642\u0627\u0648\u064A\u0649\u0639\u0621',
      E'\u0633\u0633\u0633\u062F\u062F\u062F\u062F\u062A\u0647\u0643\u0643'),
    E'(.)\\1+', E'\\1', 'g'),
  E'\u0647$', '')
$$;
--> statement-breakpoint
ALTER TABLE "missing_persons" ADD COLUMN "part_keys" text[] GENERATED ALWAYS AS (ARRAY[
  name_part_key("given_name"), name_part_key("father_name"), name_part_key("grandfather_name"), name_part_key("family_name")
]) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "missing_persons_part_keys_idx" ON "missing_persons" USING gin ("part_keys");
