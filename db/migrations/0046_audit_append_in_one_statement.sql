-- Issue 30, point 3: every staff page that shows personal data writes an audit entry, and each entry
-- took five round trips (begin, the chain lock, the head's read, the insert, commit) with the chain
-- lock held across three of them. On a press day each round trip waits its turn on the server's event
-- loop behind the public answers, so the lock was held for tens of milliseconds and the staff queued
-- for it: sampled during `npm run bench:under-load`, 0.8 connections on average were waiting for it,
-- more than were running any query. This function takes the lock, reads the head and inserts the
-- entry inside the database, in one statement: the lock is held only for the function and the commit
-- that follows it, and a read's entry, written alone, is one round trip in all.
--
-- The hash is the one lib/audit/hash.ts computes (and lib/audit/verify.ts checks): SHA-256 of the
-- previous hash, a newline and the entry's canonical JSON, which the app computes (it does not
-- depend on the previous hash) and passes as `entry_body`. The lock key is AUDIT_CHAIN_LOCK_KEY of
-- lib/audit/append.ts, which takes the same lock for the seed's bulk appends.
-- A volatile function takes a new snapshot for each statement it runs: the head is read after the
-- lock is held, so it is the entry of whoever held the lock before, committed.
CREATE OR REPLACE FUNCTION audit_append(
  entry_occurred_at timestamptz,
  entry_actor_id uuid,
  entry_actor_label text,
  entry_action text,
  entry_entity text,
  entry_entity_id text,
  entry_before jsonb,
  entry_after jsonb,
  entry_ip text,
  entry_user_agent text,
  entry_body text
) RETURNS TABLE (appended_id bigint, appended_hash text) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head_id bigint;
  head_hash text;
  new_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7310001);
  SELECT a.id, a.hash INTO head_id, head_hash FROM audit_log a ORDER BY a.id DESC LIMIT 1;
  IF head_id IS NULL THEN
    head_id := 0;
    head_hash := repeat('0', 64);
  END IF;
  new_hash := encode(sha256(convert_to(head_hash || E'\n' || entry_body, 'UTF8')), 'hex');
  INSERT INTO audit_log (id, occurred_at, actor_id, actor_label, action, entity, entity_id, before, after, ip, user_agent, prev_hash, hash)
    OVERRIDING SYSTEM VALUE
    VALUES (head_id + 1, entry_occurred_at, entry_actor_id, entry_actor_label, entry_action, entry_entity, entry_entity_id, entry_before, entry_after, entry_ip, entry_user_agent, head_hash, new_hash);
  RETURN QUERY SELECT head_id + 1, new_hash;
END;
$$;
