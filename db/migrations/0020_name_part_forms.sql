-- The candidates a name search scores are chosen in the database (lib/people/name-candidates.ts),
-- at most a few score's worth of them, by how well the typed words account for each part. The
-- phonetic keys alone cannot rank them: they fold so much that علي and ليلى, عادل and الدلاوي share
-- a key, and يحيى has none, so a person named exactly tied with hundreds named only alike and was
-- cut at national scale. name_part_form is the part as the scorer compares it letter by letter
-- (lib/names/name-key.ts namePartForm): normalised as in search, "بن"/"ابن"/"بنت" and everything
-- but letters left out, a leading "ال" dropped when a name is left.
-- tests/integration/name-search-parts.test.ts holds the two to the same answers. Not indexed:
-- it is read only for the candidates the part keys found. Calls are schema-qualified: pg_restore
-- runs with an empty search_path while it fills part_forms.
CREATE FUNCTION name_part_form(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT regexp_replace(
    regexp_replace(
      array_to_string(array(
        SELECT word FROM unnest(string_to_array(public.normalise_arabic_text(value), ' ')) AS word
        WHERE word NOT IN (E'\u0628\u0646', E'\u0627\u0628\u0646', E'\u0628\u0646\u062A')), ''),
      E'[^a-z\u0621-\u064A]', '', 'g'),
    E'^(\u0627\u0644|al|el)(.{3,})$', E'\\2')
$$;
--> statement-breakpoint
ALTER TABLE "missing_persons" ADD COLUMN "part_forms" text[] GENERATED ALWAYS AS (ARRAY[
  name_part_form("given_name"), name_part_form("father_name"), name_part_form("grandfather_name"), name_part_form("family_name")
]) STORED NOT NULL;
