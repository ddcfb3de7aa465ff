-- Issue 28, "the 5,000-row speed stays": police_reports.report_key (migration 0018) is computed for
-- every inserted report, and its two functions cost about 0.2 s of server CPU per 5,000 imported
-- reports (normalising the station and three regular expressions on the number, row by row).
-- Same answers, cheaper: nearly every report is at Tarhuna's station under its one stored name
-- (canonicalStation in lib/import/report-identity.ts) with a number such as "418/2020", and those
-- two cases are answered without normalising anything; every other spelling takes the rules of
-- 0018 unchanged. Both functions are now single SQL expressions that the planner inlines into the
-- generated column (which is why police_station_key is no longer declared STRICT: a STRICT function
-- with a CASE is never inlined; a null station still gives null, through the ELSE branch).
-- The generated column keeps its expression, so no report is rewritten; the stored keys are checked
-- against the new functions below and the migration stops, changing nothing, if any would differ.
-- tests/integration/register-identity.test.ts holds these and lib/import/report-identity.ts to the
-- same answers. Calls stay schema-qualified (pg_restore runs with an empty search_path).

-- The rules of 0018 for any spelling: normalised, separators unified, number and year put in order.
CREATE FUNCTION police_report_number_key_spelled(report_number text, filed_on date) RETURNS text
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
-- A number already written as Western digits, "/" and a plausible year is left as it is by
-- normalising: its key is the number without leading zeros and the year, as the first rule gives.
CREATE OR REPLACE FUNCTION police_report_number_key(report_number text, filed_on date) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN report_number ~ '^0*[0-9]+/(19[5-9][0-9]|20[0-9][0-9])$' THEN regexp_replace(report_number, '^0*([0-9]+)/', '\1/')
    ELSE public.police_report_number_key_spelled(report_number, filed_on)
  END
$$;
--> statement-breakpoint
-- The words of 0018's list are dropped where they stand as whole words (each with the space before
-- it; the space after it is only looked at, so that two such words in a row both go).
CREATE OR REPLACE FUNCTION police_station_key(station text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN station = 'مركز شرطة ترهونة' THEN 'ترهونه'
    ELSE regexp_replace(
      btrim(regexp_replace(' ' || public.normalise_arabic_text(station) || ' ', ' (?:مركز|شرطه|قسم|police|station|centre|center|ps)(?= )', '', 'g')),
      '^(?:tarhuna|tarhouna|tarhunah|tarhona|terhuna)$', 'ترهونه')
  END
$$;
--> statement-breakpoint
DO $$
DECLARE
  differing bigint;
BEGIN
  -- The shortcut for Tarhuna's station must give what the full rules give.
  IF public.police_station_key(' مركز شرطة ترهونة') <> 'ترهونه' THEN
    RAISE EXCEPTION 'police_station_key: Tarhuna''s station is not keyed ترهونه';
  END IF;
  SELECT count(*) INTO differing FROM public.police_reports
  WHERE report_key IS DISTINCT FROM public.police_station_key(station) || '|' || public.police_report_number_key(report_number, filed_on);
  IF differing > 0 THEN
    RAISE EXCEPTION 'the cheaper report keys differ from the stored ones for % reports; nothing changed', differing;
  END IF;
END
$$;
