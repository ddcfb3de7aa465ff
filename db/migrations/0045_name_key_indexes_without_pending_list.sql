-- The duplicate review and the name search look people up through these two GIN indexes (0016,
-- 0042). With GIN's default fastupdate, rows inserted since the last vacuum wait in a pending list
-- that every lookup reads through in full: after an import of 5,000 people (or 15,000 in three
-- imports, before autovacuum came round) a lookup took 4.8 ms instead of 0.9 ms, and an import's
-- duplicate review of 500 people 11-14 s instead of 2 s (bench/RESULTS.md, 2026-12-07). Without
-- the list each insert updates the index at once: +0.13 s for 5,000 people in one statement, and
-- nothing a form would notice for one. Same end state as CREATE INDEX ... WITH (fastupdate=false),
-- which is what drizzle's schema says; ALTER keeps the index instead of rebuilding it.
ALTER INDEX "missing_persons_part_keys_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "missing_persons_part_key_pairs_idx" SET (fastupdate = false);--> statement-breakpoint
-- Turning the list off does not empty it: what it holds goes into the index now.
SELECT gin_clean_pending_list('missing_persons_part_keys_idx'::regclass), gin_clean_pending_list('missing_persons_part_key_pairs_idx'::regclass);
