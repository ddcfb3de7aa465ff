-- Name search at national scale (issue 31: p95 ≤ 50 ms at 100,000 persons, 8 searches at once).
-- A typed name's candidates are the records holding the phonetic keys of two of its words
-- (lib/people/name-candidates.ts). part_keys answers "has keys A and B" by intersecting two GIN
-- posting lists, but the keys fold so much that the registry has under a hundred of them, each
-- held by thousands (وليد's key by 8,600 of 100,000): each of a four-word name's six pairs read two
-- lists of thousands to find some 300 records, and a record holding three of the keys was read three
-- times. part_key_pairs holds each pair of a record's distinct keys as one entry, so one GIN scan
-- over all the typed pairs reads only the records holding one, each once (a part left empty has no
-- key and no pair). At scale L the database's CPU per name search fell by a fifth.
-- The two keys of a pair are written in code-point order (COLLATE "C"), a space between them
-- (keys hold letters only): lib/people/name-candidates.ts keyPair() must write them the same.
-- A key that is null (a null part) is no pair, as one that is empty.
-- Calls are schema-qualified: pg_restore runs with an empty search_path while it fills the column.
CREATE FUNCTION name_part_key_pairs(given_name text, father_name text, grandfather_name text, family_name text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
-- PL/pgSQL computes each key once; a SQL function of the same pairs (a sub-select for the keys)
-- took ten times as long per record, which every insert and import would pay.
DECLARE
  keys text[] := ARRAY[public.name_part_key(given_name), public.name_part_key(father_name),
                       public.name_part_key(grandfather_name), public.name_part_key(family_name)];
  pairs text[] := '{}';
BEGIN
  FOR first_part IN 1..3 LOOP
    FOR second_part IN first_part + 1..4 LOOP
      IF keys[first_part] <> '' AND keys[second_part] <> '' AND keys[first_part] <> keys[second_part] THEN
        pairs := pairs || (least(keys[first_part] COLLATE "C", keys[second_part] COLLATE "C") || ' '
                           || greatest(keys[first_part] COLLATE "C", keys[second_part] COLLATE "C"));
      END IF;
    END LOOP;
  END LOOP;
  RETURN pairs;
END
$$;
--> statement-breakpoint
ALTER TABLE "missing_persons" ADD COLUMN "part_key_pairs" text[] GENERATED ALWAYS AS (
  name_part_key_pairs("given_name", "father_name", "grandfather_name", "family_name")
) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "missing_persons_part_key_pairs_idx" ON "missing_persons" USING gin ("part_key_pairs");
